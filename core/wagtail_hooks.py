"""What core offers the layer below it through Wagtail hooks."""

from django.http import HttpResponseRedirect
from wagtail import hooks

from core.hooks import HEALTHZ_DETAILS
from core.live import metrics
from core.locales import language_of, localized_page, reader_language


@hooks.register(HEALTHZ_DETAILS)
def live_counters() -> dict:
    """`/healthz` shows how this process's live fan-out delivered (direct writes, ASGI sends,
    failures), so a server upgrade that turns off the fast path or drops events is visible."""
    return {"live": metrics.snapshot()}


@hooks.register("before_serve_page")
def send_reader_to_their_translation(page, request, serve_args, serve_kwargs):
    """A Danish page asked for under /xx/ (an old link, a fallback address) while it has a live
    translation in xx: go there, so the reader gets the translated page, not the fallback."""
    language = reader_language()
    if not language or language_of(page) == language:
        return None
    target = localized_page(page, language)
    if target.pk == page.pk or language_of(target) != language:
        return None
    url = target.get_url(request)
    if not url:
        return None
    query = request.META.get("QUERY_STRING", "")
    return HttpResponseRedirect(url + (f"?{query}" if query else ""))
