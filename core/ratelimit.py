"""Limits on how often one person, and one client address, may do a thing.

Every write a resident or partner can repeat (comments, edits, reactions, reports, event
sign-ups, invitations, socket messages and connects) calls `hit(name, user=..., ip=...)` in its
service. Each name has a rate per person and a rate per address in `settings.RATE_LIMITS`
(`{"name": {"user": "10/hour", "ip": "30/hour"}}`, in the `limits` library's notation). The
counts live in one store shared by every process: Redis when `REDIS_URL` is set, this process's
memory otherwise. They are keyed by the account and the address, never by the socket or the
session, so a reconnect or a new tab starts nothing afresh.

Moving windows (the `limits` library): "10/hour" means at most 10 in any 60 minutes, with no
burst of twice the rate across a window edge.

When the store cannot be reached the limits fail open: the write goes ahead and a warning is
logged. A Redis outage should not stop residents from taking part, and everything a limit
guards is still checked by the rules and stored in the database.
"""

import logging
import math
import threading
import time

from django.conf import settings
from django.utils.translation import ngettext
from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from core.errors import ServiceError

log = logging.getLogger(__name__)

_lock = threading.Lock()
_limiter: MovingWindowRateLimiter | None = None
_storage: Storage | None = None


class RateLimited(ServiceError):
    """A limit said no: status 429, and how many seconds until the next try would pass."""

    def __init__(self, message: str, retry_after: float):
        super().__init__("rate_limited", message, 429)
        self.retry_after = max(1, math.ceil(retry_after))


def _get_limiter() -> MovingWindowRateLimiter:
    global _limiter, _storage
    with _lock:
        if _limiter is None:
            url = settings.RATE_LIMIT_STORAGE_URL
            options = {}
            if url.startswith(("redis://", "rediss://")):
                # A limit must not hold a write up for long while Redis is away.
                options = {
                    "key_prefix": settings.RATE_LIMIT_KEY_PREFIX,
                    "socket_timeout": 0.5,
                    "socket_connect_timeout": 0.5,
                }
            _storage = storage_from_string(url, **options)
            _limiter = MovingWindowRateLimiter(_storage)
        return _limiter


def reset() -> None:
    """Forgets every count (tests; an operator lifting limits after a false alarm)."""
    if _storage is None:
        return
    try:
        _storage.reset()
    except Exception:
        log.warning("rate limits: the store could not be reset", exc_info=True)


def _rates(name: str) -> dict[str, RateLimitItem]:
    configured = settings.RATE_LIMITS.get(name)
    if configured is None:
        raise KeyError(f"no rate limit named {name!r} in settings.RATE_LIMITS")
    return {scope: parse(rate) for scope, rate in configured.items() if rate}


def _wait_message(seconds: float) -> str:
    if seconds < 90:
        count = max(1, math.ceil(seconds))
        return ngettext(
            "You have done this too often. Try again in %(count)d second.",
            "You have done this too often. Try again in %(count)d seconds.",
            count,
        ) % {"count": count}
    count = math.ceil(seconds / 60)
    return ngettext(
        "You have done this too often. Try again in %(count)d minute.",
        "You have done this too often. Try again in %(count)d minutes.",
        count,
    ) % {"count": count}


def hit(
    name: str, *, user=None, ip: str | None = None, message: str = "", person: str = ""
) -> None:
    """Counts one `name` for the person and for the address, or raises `RateLimited` (a
    ServiceError with status 429) when either is over its rate. Anonymous people are counted
    by address only, unless `person` names them another way (a guest's device key in a live
    session: many guests share a venue's one address). `message` replaces the general "try
    again in N minutes"."""
    rates = _rates(name)
    keys = []
    if user is not None and getattr(user, "is_authenticated", False) and "user" in rates:
        keys.append((rates["user"], "user", str(user.pk)))
    elif person and "user" in rates:
        keys.append((rates["user"], "user", f"guest:{person}"))
    if ip and "ip" in rates:
        keys.append((rates["ip"], "ip", ip))
    if not keys:
        return
    try:
        limiter = _get_limiter()
        for item, scope, identifier in keys:
            if not limiter.hit(item, name, scope, identifier):
                stats = limiter.get_window_stats(item, name, scope, identifier)
                wait = max(0.0, stats.reset_time - time.time())
                raise RateLimited(message or _wait_message(wait), wait)
    except RateLimited:
        raise
    except Exception:
        log.warning("rate limits: the store is unreachable; %s goes unlimited", name)
