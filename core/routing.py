"""Wagtail's page routing, remembered: which page (and which sub-route of it) an address is.

Wagtail finds the page for an address one segment at a time, a query for each child and one
for its specific type: five to nine queries and a third of an uncached goal page's time. The
answer is the same for every reader of a site and language until a page is published,
unpublished, moved or deleted, all of which retire the "pages" version (core/pagecache.py), so
it is made once per process and kept while that version holds. What is kept is which page
(its type and id) and the sub-route's arguments, not the page: each request reads the page
itself, by id, in one query, since some of a page's fields change without a publish (a debate's
state and comment count). Addresses that are not a page are not kept (their names are the
visitors' to choose), and whatever Wagtail checks before serving (view restrictions, the hooks)
still runs for every request; the page's view restrictions themselves are remembered too, until
a page or a restriction changes."""

from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from core import pagecache


def serve(request, path):
    """Wagtail's `serve`, with the route found in this process's memory when it can be."""
    if request.method in ("GET", "HEAD"):
        route = _remembered_route(request, path)
        if route is not None:
            model, pk, args, kwargs = route
            page = model._default_manager.filter(pk=pk, live=True).first()
            if page is not None:
                _remember_restrictions(page)
                request._wagtail_route_for_request = RouteResult(page, args, kwargs)
    return wagtail_views.serve(request, path)


def _remember_restrictions(page) -> None:
    """The page's view restrictions (its own and its ancestors'), which Wagtail's serve hook
    reads with two queries for every request, kept per process until a page or a restriction
    changes ("pages": core.pagecache retires it when a restriction is saved or deleted). Each
    request still checks them against the reader (`accept_request`)."""
    find = page.get_view_restrictions
    restrictions = pagecache.remember(f"restrictions:{page.pk}", lambda: list(find()))
    page.get_view_restrictions = lambda: restrictions


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
    """(page type, id, args, kwargs) of the address, found by Wagtail for this request (which
    keeps Wagtail's own answer), or None."""
    route = Page.route_for_request(request, path)
    if route is None:
        return None
    page, args, kwargs = route
    return type(page), page.pk, args, kwargs
