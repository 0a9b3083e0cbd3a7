"""What core offers the layer below it through Wagtail hooks."""

from wagtail import hooks

from core.live import metrics

# config/health.py asks for this name (HEALTHZ_DETAILS_HOOK): config imports no project package.
HEALTHZ_DETAILS = "bdib_healthz_details"


@hooks.register(HEALTHZ_DETAILS)
def live_counters() -> dict:
    """`/healthz` shows how this process's live fan-out delivered (direct writes, ASGI sends,
    failures), so a server upgrade that turns off the fast path or drops events is visible."""
    return {"live": metrics.snapshot()}
