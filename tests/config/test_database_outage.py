"""PostgreSQL stopped under a running production server (a throwaway cluster of the test's own on
a free port; the machine's shared one is never touched): every page answers the designed 503
within 2 s, /healthz says the database is down as fast, and the first request after PostgreSQL
is back succeeds."""

import shutil
import tempfile
import time
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import pytest

from devtools import services
from devtools.servers import (
    PostgresCluster,
    collect_static,
    fresh_postgres_database,
    load_database,
    postgres_binaries,
    production_env,
    uvicorn_server,
)

pytestmark = [pytest.mark.slow, pytest.mark.postgres]

# Pages not yet in the page cache (core/pagecache.py) when PostgreSQL stops.
# (The login form itself renders without the database: site and locale are known per process.)
PAGES = ("/en/", "/da/debatter/", "/da/dialog/", "/da/soeg/?q=integration")


def get(url: str) -> tuple[int, Message, str, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=15) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, body.decode(), time.monotonic() - started


@pytest.fixture(scope="module")
def server_on_own_postgres():
    if postgres_binaries() is None:
        if services.IN_CI:
            pytest.fail("CI=true but the PostgreSQL server binaries are missing", pytrace=False)
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql")
    directory = Path(tempfile.mkdtemp(prefix="bdib-pg-"))
    try:
        with PostgresCluster(directory) as cluster:
            database_url = fresh_postgres_database(cluster.server_url)
            env = production_env(database_url, "", DJANGO_ALLOW_NO_REDIS="1")
            # The demo content as the other production-settings servers of the run get it (made
            # once on the shared server), restored into this cluster.
            load_database(env, template_server=services.postgres_url())
            collect_static(env)
            with (
                open(directory / "server.log", "w") as log,
                uvicorn_server(env, log=log) as address,
            ):
                yield cluster, f"http://{address}"
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def test_pages_answer_503_fast_while_postgresql_is_down_and_recover_at_once(
    server_on_own_postgres,
):
    cluster, base = server_on_own_postgres
    assert get(base + "/da/")[0] == 200

    cluster.stop()
    try:
        # An anonymous page already in the page cache is still served, without the database.
        status, headers, _, _ = get(base + "/da/")
        assert status == 200 and headers["X-Page-Cache"] == "hit"
        latencies = []
        for path in PAGES:
            status, headers, body, took = get(base + path)
            assert status == 503, path
            assert headers["Retry-After"].isdigit()
            assert 'class="site-header"' in body  # the site's look, not a bare error
            latencies.append(took)
        status, _, body, took = get(base + "/healthz")
        assert status == 503 and '"database": "down"' in body
        latencies.append(took)
        print(f"503 latency while PostgreSQL is down: max {max(latencies):.2f}s")
        assert max(latencies) < 2.0
    finally:
        cluster.start()

    status, _, _, took = get(base + "/da/")
    assert status == 200, "the first request after PostgreSQL is back must succeed"
    print(f"first page after PostgreSQL is back: {took:.2f}s")
    assert get(base + "/healthz")[0] == 200
