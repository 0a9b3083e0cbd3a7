"""Mixed load: a debate watched live while anonymous readers load pages.

    .venv/bin/python bench/mixed.py             # needs PostgreSQL and Redis

One uvicorn process with production settings on PostgreSQL and Redis, pinned to core 0; on core
1, in one event loop: 1,000 viewers on one debate (bench/fanout.py's light client), one resident
posting comments to it over the socket at a steady rate, and anonymous readers loading pages at
a fixed rate (200 a second) for two minutes, spread over the page types (home, policy, focus
area, goal, barometer, debate list, the watched debate, partner register, a partner, event
list, an event, search, the open-data CSV) on keep-alive connections.

Both rates are open-loop: each request and each comment has an intended send time, and its
latency is measured from that time, so a server that falls behind cannot hide it. It prints
page latency (p50, p95, p99, by page type too), comment delivery latency (p50, p99), errors
(any answer but 200, or a broken connection) and comments lost or duplicated.
"""

import argparse
import asyncio
import json
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.fanout import (  # noqa: E402
    SESSION,
    Tally,
    pin_clients,
    require_postgres_and_redis,
    resident_poster,
    run_phase,
    unlimited_env,
    watch,
)
from devtools import services  # noqa: E402
from devtools.servers import (  # noqa: E402
    drop_postgres_database,
    fresh_postgres_database,
    load_database,
    manage,
    uvicorn_server,
)

URLS = """
import json
from dialogue.models import DebatePage
from events.models import EventPage
from partnerships.models import Organisation
from devtools.benchdata import page_urls
debate = DebatePage.objects.get(pk={debate_id})
partner = Organisation.objects.public().order_by("pk").first()
event = EventPage.objects.live().order_by("pk").first()
print(json.dumps(page_urls(debate, partner, event)))
"""


class Connection:
    """One keep-alive HTTP/1.1 connection that reads whole responses (Content-Length or
    chunked)."""

    def __init__(self, reader, writer, host):
        self.reader, self.writer, self.host = reader, writer, host

    @classmethod
    async def open(cls, address: str):
        host, port = address.rsplit(":", 1)
        reader, writer = await asyncio.open_connection(host, int(port), limit=2**22)
        return cls(reader, writer, address)

    async def get(self, path: str) -> int:
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        return status


async def readers(address, urls: dict[str, str], rate: float, seconds: float, results: dict):
    """Pages at `rate` a second for `seconds`, round robin over the page types; each request
    on a free connection (a new one when all are busy)."""
    idle: list[tuple[Connection, float]] = []  # with when each was last used
    names = list(urls)
    tasks = []

    async def one(name: str, intended: float):
        # A browser's way with keep-alive: a connection idle longer than the server keeps it
        # (uvicorn: 5 s) is not reused, and a reused one the server closed meanwhile is retried
        # once on a new connection; only a new connection's failure is an error.
        connection = None
        while idle:
            candidate, last_used = idle.pop()
            if time.perf_counter() - last_used < 4.0:
                connection = candidate
                break
            candidate.writer.close()
        try:
            try:
                if connection is None:
                    raise ConnectionError("no idle connection")
                status = await connection.get(urls[name])
            except (ConnectionError, asyncio.IncompleteReadError):
                if connection is not None:
                    connection.writer.close()
                connection = await Connection.open(address)
                status = await connection.get(urls[name])
        except Exception as error:  # a new connection that fails is an error of the run
            results["errors"].append(f"{name}: {type(error).__name__}")
            return
        results["latency"].setdefault(name, []).append(time.perf_counter() - intended)
        if status != 200:
            results["errors"].append(f"{name}: {status}")
        idle.append((connection, time.perf_counter()))

    start = time.perf_counter() + 0.05
    count = int(rate * seconds)
    for n in range(count):
        intended = start + n / rate
        delay = intended - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(names[n % len(names)], intended)))
    await asyncio.gather(*tasks)
    for connection, _last_used in idle:
        connection.writer.close()


async def run(address, debate_id, session_key, urls, args) -> dict:
    path = f"/ws/debates/{debate_id}/"
    tally = Tally(args.viewers, f"m{uuid.uuid4().hex[:6]}-")
    box = {"tally": tally}
    transports = await watch(address, path, args.viewers, box)
    await asyncio.sleep(1.5)  # presence updates settle
    # Every page once, so the run measures the steady state, not the first renders.
    warm = await Connection.open(address)
    for url in urls.values():
        await warm.get(url)
    warm.writer.close()
    results = {"latency": {}, "errors": []}
    send, close = await resident_poster(address, path, session_key)
    started = time.perf_counter()

    async def pages():
        await readers(address, urls, args.page_rate, args.seconds, results)
        return time.perf_counter() - started

    # The comments at their rate for the same time (then up to 30 s for the last deliveries).
    _comments, elapsed = await asyncio.gather(
        run_phase(
            lambda seq: send(f"{tally.marker}{seq}"), tally, args.comment_rate, args.seconds, 30.0
        ),
        pages(),
    )
    await close()
    for transport in transports:
        transport.close()
    results.update(tally=tally, elapsed=elapsed)
    return results


def quantile(values: list[float], q: int) -> float:
    return 1000 * statistics.quantiles(values, n=100)[q - 1] if len(values) > 100 else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=1000)
    parser.add_argument("--page-rate", type=float, default=200.0, help="pages a second")
    parser.add_argument("--comment-rate", type=float, default=2.0, help="comments a second")
    parser.add_argument("--seconds", type=float, default=120.0)
    args = parser.parse_args()

    require_postgres_and_redis()
    server_cpu, client_cpu = pin_clients()
    database_url = fresh_postgres_database(services.postgres_url())
    env = unlimited_env(database_url)
    print(
        f"PostgreSQL and Redis; server on core {server_cpu}, clients on core {client_cpu}; "
        f"{args.viewers} viewers, {args.comment_rate:g} comments/s, "
        f"{args.page_rate:g} pages/s for {args.seconds:g} s",
        flush=True,
    )
    try:
        load_database(env)
        manage(env, "create_account", "--email", "bench@example.org", "--password", "bench-pass-1")
        debate_id, session_key = manage(env, "shell", "-c", SESSION).split()[-2:]
        script = URLS.replace("{debate_id}", str(int(debate_id)))
        urls = json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])
        # The demo's pages (page_urls names those of bench/pages.py's larger data set).
        urls = {name.split(" (")[0]: url for name, url in urls.items()}
        with uvicorn_server(env, cpu=server_cpu) as address:
            results = asyncio.run(run(address, debate_id, session_key, urls, args))
    finally:
        drop_postgres_database(services.postgres_url(), database_url)

    tally = results["tally"]
    pages = [value for values in results["latency"].values() for value in values]
    print()
    print("| page | requests | p50 ms | p95 ms | p99 ms |")
    print("|---|---|---|---|---|")
    for name, values in results["latency"].items():
        print(
            f"| {name} | {len(values)} | {quantile(values, 50):.1f} | {quantile(values, 95):.1f} "
            f"| {quantile(values, 99):.1f} |"
        )
    print(
        f"| all pages | {len(pages)} | {quantile(pages, 50):.1f} | {quantile(pages, 95):.1f} "
        f"| {quantile(pages, 99):.1f} |"
    )
    print()
    print(
        f"pages: {len(pages) / results['elapsed']:.0f} answered a second, "
        f"p95 {quantile(pages, 95):.1f} ms (goal <= 100), errors {len(results['errors'])} "
        f"(goal 0){': ' + ', '.join(results['errors'][:5]) if results['errors'] else ''}"
    )
    print(
        f"comments: {len(tally.sent)} posted, {tally.received} deliveries to {tally.viewers} "
        f"viewers, p50 {quantile(tally.latencies, 50):.1f} ms, "
        f"p99 {quantile(tally.latencies, 99):.1f} ms (goal <= 250), lost {tally.lost()}, "
        f"duplicated {tally.duplicates}"
    )


if __name__ == "__main__":
    main()
