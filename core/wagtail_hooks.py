"""What core offers the layer below it through Wagtail hooks."""

from wagtail import hooks

from core.hooks import HEALTHZ_DETAILS
from core.live import metrics


@hooks.register(HEALTHZ_DETAILS)
def live_counters() -> dict:
    """`/healthz` shows how this process's live fan-out delivered (direct writes, ASGI sends,
    failures), so a server upgrade that turns off the fast path or drops events is visible."""
    return {"live": metrics.snapshot()}
