"""`/healthz`: what a load balancer asks before it sends traffic here.

The answer is 503 naming the database when it does not answer: without it this process can
serve nothing but the 503 page. Redis is different: while it is away pages still render (the
cache degrades to no cache) and comments are still stored, only live updates wait for it. So a
Redis that does not answer makes the answer 200 with status "degraded" and names it: a load
balancer that took every web process out on a Redis blip would turn it into a full outage, while
monitoring still sees it. Each check gives up within 2 s. Apps above
`config` may add what their process has to say about itself (the live fan-out's counters, for
instance) through the Wagtail hook named below; that never changes the status.
"""

import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail import hooks

log = logging.getLogger(__name__)

# fn() -> dict merged into the answer. Asked for by name: config imports no project package.
HEALTHZ_DETAILS_HOOK = "bdib_healthz_details"


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_redis() -> None:
    import redis

    client = redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2, socket_timeout=2)
    try:
        client.ping()
    finally:
        client.close()


def checks() -> dict[str, callable]:
    found = {"database": _check_database}
    if settings.REDIS_URL:
        found["redis"] = _check_redis
    return found


# Checks whose failure leaves the site serving, in a lesser way: "degraded", not "unavailable".
DEGRADING = {"redis"}


def details() -> dict:
    """What the HEALTHZ_DETAILS_HOOK functions report, each a mapping merged into the answer. A
    hook that fails is logged and left out; it does not make the process unhealthy."""
    found = {}
    for hook in hooks.get_hooks(HEALTHZ_DETAILS_HOOK):
        try:
            found.update(hook())
        except Exception:
            log.warning("healthz: the details hook %s failed", hook.__qualname__, exc_info=True)
    return found


@never_cache
def healthz(request):
    results, failed = {}, []
    for name, check in checks().items():
        try:
            check()
        except Exception as exc:  # any failure means the dependency is down
            log.warning("healthz: %s failed: %s", name, exc)
            results[name] = "down"
            failed.append(name)
        else:
            results[name] = "ok"
    unavailable = [name for name in failed if name not in DEGRADING]
    status = 503 if unavailable else 200
    state = "unavailable" if unavailable else "degraded" if failed else "ok"
    body = {"status": state, "checks": results}
    if failed:
        body["failed"] = failed
    body.update({k: v for k, v in details().items() if k not in body})
    return JsonResponse(body, status=status)
