"""POST-only endpoints that send a GET back to the page their form is on.

The address bar shows a form's action after a failed POST (the page came back with errors). A
reload, a bookmark or a shared link then GETs that address: it must lead back to the page, not
to a bare 405. Other methods still get a 405."""

from collections.abc import Callable
from functools import wraps

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.translation import gettext as _


def localized_url(request, page, fragment: str = "") -> str:
    """The page in the language being used (its translation, where it has one)."""
    url = page.localized.get_url(request) or page.get_url(request)
    return f"{url}#{fragment}" if fragment else url


def post_only(back: Callable[..., str]):
    """`@post_only(back)` instead of `@require_POST`: POST reaches the view; GET and HEAD are
    redirected to `back(request, *args, **kwargs)`, the page the form is on (same language
    prefix, as `reverse` and `localized_url` use the active language). `back` may raise Http404."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method == "POST":
                return view(request, *args, **kwargs)
            if request.method in ("GET", "HEAD"):
                return HttpResponseRedirect(back(request, *args, **kwargs))
            response = HttpResponseNotAllowed(["POST"])
            response.content = _("This address only takes forms (POST).")
            return response

        wrapper.post_only = True
        return wrapper

    return decorator
