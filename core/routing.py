"""Wagtail's page routing, remembered: which page (and which sub-route of it) an address is.

Wagtail finds the page for an address one segment at a time, a query for each child and one
for its specific type: five to nine queries and a third of an uncached goal page's time. The
answer is the same for every reader of a site and language until a page is published,
unpublished, moved or deleted, all of which retire the "pages" version (core/pagecache.py), so
it is made once per process and kept while that version holds. Each request gets its own copy
of the page object (what a request sets on it stays with that request). Addresses that are not
a page are not kept (their names are the visitors' to choose), and whatever Wagtail checks
before serving (view restrictions, the hooks) still runs for every request."""

import copy

from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from core import pagecache


def serve(request, path):
    """Wagtail's `serve`, with the route found in this process's memory when it can be."""
    if request.method in ("GET", "HEAD"):
        route = _remembered_route(request, path)
        if route is not None:
            page, args, kwargs = route
            request._wagtail_route_for_request = type(route)(copy.copy(page), args, kwargs)
    return wagtail_views.serve(request, path)


def _remembered_route(request, path):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return pagecache.remember(
        f"route:{site.pk}:{get_language()}:{path}",
        lambda: _route(request, path),
        keep=lambda route: route is not None,
    )


def _route(request, path):
    route = Page.route_for_request(request, path)
    # Computed for this request: it keeps Wagtail's own answer, the memory keeps a copy.
    if route is None:
        return None
    page, args, kwargs = route
    return type(route)(copy.copy(page), args, kwargs)
