"""Which outside services the tests can reach. Under CI=true a missing one is a failure;
on a laptop the tests that need it skip and say why."""

import os
import shutil
import socket
from functools import cache
from urllib.parse import urlparse

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
DEFAULT_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/test"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def _port_open(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or default_port), 1):
            return True
    except OSError:
        return False


def postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else DEFAULT_POSTGRES_URL


def redis_url() -> str:
    return os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL


@cache
def postgres_available() -> bool:
    return _port_open(postgres_url(), 5432)


@cache
def redis_available() -> bool:
    return _port_open(redis_url(), 6379)


def chromium_path() -> str | None:
    """Debian's Chromium for the browser tests: its headless shell where installed (package
    chromium-headless-shell, the same Blink as `chromium` without the full browser around it:
    a third less CPU a page in the accessibility matrix, README "Tests"), else the browser."""
    for candidate in (
        "/usr/bin/chromium-headless-shell",
        shutil.which("chromium-headless-shell") or "",
        "/usr/bin/chromium",
        shutil.which("chromium") or "",
    ):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


def require(service: str) -> None:
    """Skip (locally) or fail (in CI) when a service the test needs is missing."""
    checks = {
        "postgres": (postgres_available, "PostgreSQL is not reachable at " + postgres_url()),
        "redis": (redis_available, "Redis is not reachable at " + redis_url()),
        "chromium": (lambda: chromium_path() is not None, "Chromium is not installed"),
    }
    available, reason = checks[service]
    if available():
        return
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)


def require_postgres_database() -> None:
    """For tests of real concurrency: the test database itself must be PostgreSQL, which it is
    when DATABASE_URL points at PostgreSQL (as .ci/run does)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    reason = "the test database is not PostgreSQL (set DATABASE_URL=postgres://...)"
    if IN_CI:
        pytest.fail(f"CI=true but {reason}", pytrace=False)
    pytest.skip(reason)
