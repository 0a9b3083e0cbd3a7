"""`/healthz`: what a load balancer asks before it sends traffic here."""

import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

log = logging.getLogger(__name__)


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
    status = 503 if failed else 200
    body = {"status": "unavailable" if failed else "ok", "checks": results}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=status)
