"""Error pages in the site's own look, rendered without touching the database when it is down.

When the database itself is away (stopped, restarting, the pool cannot get a connection in
time), a page answers 503 with `Retry-After` instead of the 500 page: nothing is broken that a
retry in a little while will not mend, and a proxy or browser may try again on its own."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

log = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# What Django raises when it cannot reach the database (psycopg_pool's PoolTimeout and
# psycopg's connection failures arrive wrapped as OperationalError).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Deliberately no context processors that might query: the database may be the cause.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({"request": request, "is_error_500": True}))


def service_unavailable(request):
    """The designed 503 page: the site's look, no database query, a time to come back."""
    template = loader.get_template("503.html")
    response = HttpResponse(template.render({"request": request}), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns "the database cannot be reached" raised by a view or its template into the 503
    page, logged as one line instead of a traceback per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        log.warning("database unavailable for %s: %s", request.path, exception)
        return service_unavailable(request)


class RefuseNulMiddleware:
    """Answers 400 to an address whose query holds a NUL character (%00).

    No link or form of the site makes one, and PostgreSQL refuses a NUL in any string: a view
    or Wagtail screen that looks a parameter up (the admin's `?locale=`) would answer 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, value in _query_items(request)):
            return bad_request(request)
        return self.get_response(request)


def _query_items(request):
    for key, values in request.GET.lists():
        for value in values:
            yield key, value
