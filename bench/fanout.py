"""Fan-out benchmark: the real server against a bare `websockets` broadcast server.

    .venv/bin/python bench/fanout.py            # 1,000 viewers, needs Redis (and PostgreSQL if up)

It starts uvicorn with production settings on Redis (PostgreSQL when reachable, else SQLite),
pinned to core 0; the load clients run in this process, pinned to core 1. N viewers watch one
debate; one writer posts comments over the socket, as a resident would. Two phases per server:

1. saturation: comments are offered faster than the server can fan them out; deliveries per
   second over the whole phase (until the backlog has drained) is the saturating throughput;
2. steady: comments at 40 % of the saturating rate; latency is measured from each comment's
   *intended* send time to its receipt by each viewer, so a backlog cannot hide.

Then the same two phases against bench/peer_broadcast.py. It prints what it measured: deliveries
per second per server core, p50 and p99 latency, lost, duplicated and out-of-order counts, and
the ratio to the peer.
"""

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools import services  # noqa: E402
from devtools.servers import (  # noqa: E402
    drop_postgres_database,
    free_port,
    fresh_postgres_database,
    load_database,
    manage,
    production_env,
    uvicorn_server,
)

SESSION = """
from accounts.models import User
from devtools.benchdata import session_for
from dialogue.models import DebatePage
user = User.objects.get(email="bench@example.org")
print(DebatePage.objects.live().filter(state="open").first().pk, session_for(user))
"""


class RawViewer(asyncio.Protocol):
    """A minimal websocket client: the upgrade handshake, then unmasked server frames parsed by
    hand. The `websockets` client spends ~60 µs a message, which would make one client core the
    bottleneck instead of the server under test; this one spends a few µs."""

    def __init__(self, index: int, box: dict, request: bytes):
        self.index, self.box, self.request = index, box, request
        self.buffer = bytearray()
        self.open = asyncio.get_running_loop().create_future()
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        transport.write(self.request)

    def data_received(self, data):
        self.buffer += data
        if not self.open.done():
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            status = bytes(self.buffer[:12])
            del self.buffer[: end + 4]
            if b" 101" not in status:
                self.open.set_exception(ConnectionError(f"upgrade refused: {status!r}"))
                return
            self.open.set_result(True)
        self._frames()

    def _frames(self):
        buffer, now = self.buffer, time.perf_counter()
        offset, size = 0, len(buffer)
        while size - offset >= 2:
            opcode, length = buffer[offset] & 0x0F, buffer[offset + 1] & 0x7F
            start = offset + 2
            if length == 126:
                if size - offset < 4:
                    break
                length = int.from_bytes(buffer[offset + 2 : offset + 4], "big")
                start = offset + 4
            elif length == 127:
                if size - offset < 10:
                    break
                length = int.from_bytes(buffer[offset + 2 : offset + 10], "big")
                start = offset + 10
            if size - start < length:
                break
            if opcode == 1:
                self.box["tally"].record_bytes(self.index, buffer, start, start + length, now)
            elif opcode == 9:  # ping: answer with a masked pong
                payload = bytes(buffer[start : start + length])
                self.transport.write(bytes([0x8A, 0x80 | len(payload)]) + b"\0\0\0\0" + payload)
            offset = start + length
        del buffer[:offset]

    def connection_lost(self, exc):
        if not self.open.done():
            self.open.set_exception(ConnectionError("closed before the upgrade"))


async def raw_connect(
    address: str,
    path: str,
    index: int,
    box: dict,
    origin: str,
    *,
    headers: str = "",
    protocol_class=None,
):
    """Opens one light client (`protocol_class`, RawViewer by default; `headers` are extra
    request header lines, each ending in CRLF) and returns (transport, protocol)."""
    import base64

    host, port = address.rsplit(":", 1)
    key = base64.b64encode(os.urandom(16)).decode()
    request = (
        f"GET {path} HTTP/1.1\r\nHost: {address}\r\nUpgrade: websocket\r\n"
        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {origin}\r\n{headers}\r\n"
    ).encode()
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.create_connection(
        lambda: (protocol_class or RawViewer)(index, box, request), host, int(port)
    )
    await asyncio.wait_for(protocol.open, 30)
    return transport, protocol


class Tally:
    """What the viewers received, keyed by the sequence number in each comment."""

    def __init__(self, viewers: int, marker: str):
        self.viewers = viewers
        self.marker = marker
        self.marker_bytes = marker.encode()
        self.sent: dict[int, float] = {}
        self.latencies: list[float] = []
        self.received = 0
        self.duplicates = 0
        self.out_of_order = 0
        self.seen = [set() for _ in range(viewers)]
        self.last = [-1] * viewers
        self.last_receipt = 0.0

    def record_bytes(self, viewer: int, buffer: bytearray, start: int, end: int, now: float):
        at = buffer.find(self.marker_bytes, start, end) if self.marker else -1
        if at < 0:
            return
        digits = at + len(self.marker_bytes)
        stop = digits
        while stop < end and 48 <= buffer[stop] <= 57:
            stop += 1
        self._count(viewer, int(buffer[digits:stop]), now)

    def _count(self, viewer: int, seq: int, now: float) -> None:
        if seq in self.seen[viewer]:
            self.duplicates += 1
            return
        self.seen[viewer].add(seq)
        if seq < self.last[viewer]:
            self.out_of_order += 1
        self.last[viewer] = max(self.last[viewer], seq)
        self.received += 1
        self.last_receipt = now
        intended = self.sent.get(seq)
        if intended is not None:
            self.latencies.append(now - intended)

    def lost(self) -> int:
        return len(self.sent) * self.viewers - self.received


async def watch(address: str | list[str], path: str, viewers: int, tally_box: dict):
    """Connects the viewers; with several addresses (server processes) they take turns."""
    addresses = [address] if isinstance(address, str) else address
    transports = []
    for index in range(viewers):
        at = addresses[index % len(addresses)]
        transport, _protocol = await raw_connect(at, path, index, tally_box, origin=f"http://{at}")
        transports.append(transport)
    return transports


async def run_phase(send, tally: Tally, rate: float, seconds: float, drain_timeout: float):
    count = int(rate * seconds)
    start = time.perf_counter() + 0.05
    for seq in range(count):
        intended = start + seq / rate
        delay = intended - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tally.sent[seq] = intended
        await send(seq)
    expected = count * tally.viewers
    deadline = time.perf_counter() + drain_timeout
    while tally.received < expected and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)  # late duplicates would show here
    elapsed = max(tally.last_receipt - start, 1e-9)
    return {
        "offered_per_s": rate,
        "comments": count,
        "deliveries": tally.received,
        "deliveries_per_s": tally.received / elapsed,
        "p50_ms": 1000 * statistics.median(tally.latencies) if tally.latencies else None,
        "p99_ms": 1000 * statistics.quantiles(tally.latencies, n=100)[98]
        if len(tally.latencies) > 100
        else None,
        "lost": tally.lost(),
        "duplicated": tally.duplicates,
        "out_of_order": tally.out_of_order,
    }


async def measure(name, address, path, make_sender, viewers, args, connected=None):
    """`connected()`, when given, is called once the viewers are connected and idle; what it
    returns is in the result under "connected"."""
    box = {"tally": Tally(viewers, "")}
    transports = await watch(address, path, viewers, box)
    send, close_sender = await make_sender()
    await asyncio.sleep(1.5)  # presence updates settle
    results = {}
    if connected is not None:
        results["connected"] = connected()
    for phase, rate, seconds in (
        ("saturation", args.saturation_rate, args.saturation_seconds),
        ("steady", None, args.steady_seconds),
    ):
        if rate is None:
            rate = max(1.0, 0.4 * results["saturation"]["deliveries_per_s"] / viewers)
        marker = f"b{uuid.uuid4().hex[:6]}-"
        box["tally"] = Tally(viewers, marker)
        results[phase] = await run_phase(
            lambda seq, m=marker: send(f"{m}{seq}"), box["tally"], rate, seconds, args.drain
        )
        print(f"  {name} {phase}: {format_result(results[phase])}", flush=True)
        await asyncio.sleep(1.0)
    await close_sender()
    for transport in transports:
        transport.close()
    return results


def format_result(r: dict) -> str:
    p50 = f"{r['p50_ms']:.1f}" if r["p50_ms"] is not None else "-"
    p99 = f"{r['p99_ms']:.1f}" if r["p99_ms"] is not None else "-"
    return (
        f"offered {r['offered_per_s']:.1f} comments/s x {r['comments']}, "
        f"{r['deliveries']} deliveries, {r['deliveries_per_s']:.0f} deliveries/s, "
        f"p50 {p50} ms, p99 {p99} ms, lost {r['lost']}, duplicated {r['duplicated']}, "
        f"out of order {r['out_of_order']}"
    )


@contextmanager
def peer_server(cpu: int):
    port = free_port()
    process = subprocess.Popen(
        [
            "taskset",
            "-c",
            str(cpu),
            sys.executable,
            str(ROOT / "bench" / "peer_broadcast.py"),
            str(port),
        ],
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 10
        import socket

        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


async def bench_project(address, debate_id, session_key, args, connected=None):
    """`address`: one server, or a list of server processes (the viewers take turns, the
    resident posts through the first)."""
    from websockets.asyncio.client import connect

    path = f"/ws/debates/{debate_id}/"
    addresses, address = address, address if isinstance(address, str) else address[0]

    async def viewer():
        return await connect(
            f"ws://{address}{path}",
            origin=f"http://{address}",
            max_size=65536,
            compression=None,
            open_timeout=30,
        )

    async def sender():
        return await resident_poster(address, path, session_key)

    return await measure("project", addresses, path, sender, args.viewers, args, connected)


async def resident_poster(address: str, path: str, session_key: str):
    """A resident's socket on a debate (`path`), logged in by `session_key`: returns
    (send(body), close()); send posts a comment as the debate page does."""
    from websockets.asyncio.client import connect

    writer = await connect(
        f"ws://{address}{path}",
        origin=f"http://{address}",
        compression=None,
        additional_headers={"Cookie": f"sessionid={session_key}"},
    )
    acks = asyncio.create_task(drain(writer))

    async def send(body):
        await writer.send(
            json.dumps({"type": "comment.post", "client_id": str(uuid.uuid4()), "body": body})
        )

    async def close():
        acks.cancel()
        await writer.close()

    return send, close


async def bench_peer(address, args):
    from websockets.asyncio.client import connect

    async def viewer():
        return await connect(
            f"ws://{address}/watch", max_size=65536, compression=None, open_timeout=30
        )

    async def sender():
        publisher = await connect(f"ws://{address}/publish", compression=None)

        async def send(body):
            # The same size as the project's comment.created frame, so both move equal bytes.
            await publisher.send(
                json.dumps(
                    {
                        "type": "comment.created",
                        "comment": {"body_html": f"<p>{body}</p>", "padding": "x" * 330},
                    }
                )
            )

        async def close():
            await publisher.close()

        return send, close

    return await measure("peer", address, "/watch", sender, args.viewers, args)


def live_counters(address: str) -> dict:
    """How the server's hub delivered (core/live/metrics.py), from its `/healthz`."""
    import urllib.request

    with urllib.request.urlopen(f"http://{address}/healthz", timeout=10) as response:
        return json.load(response)["live"]


async def drain(connection):
    """Reads the writer's acks; the first error is printed, so a misconfigured run says why."""
    told = False
    async for text in connection:
        if not told and '"type":"error"' in text.replace(" ", ""):
            print(f"  the server answered the writer with an error: {text}", flush=True)
            told = True


def pin_clients() -> tuple[int, int]:
    """Pins this process (the load clients) to core 1 and returns (server core, client core);
    the clients' event loop is uvloop where it is installed."""
    cores = os.cpu_count() or 1
    server_cpu, client_cpu = 0, min(1, cores - 1)
    os.sched_setaffinity(0, {client_cpu})
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    return server_cpu, client_cpu


def require_postgres_and_redis() -> None:
    """Ends the benchmark with a clear message when PostgreSQL or Redis does not answer."""
    if not services.redis_available():
        sys.exit(f"Redis is needed: {services.redis_url()} does not answer.")
    if not services.postgres_available():
        sys.exit(f"PostgreSQL is needed: {services.postgres_url()} does not answer.")


def unlimited_env(database_url: str, **extra: str) -> dict[str, str]:
    """Production settings on this Redis, without the rate limits a benchmark's load would hit."""
    return production_env(
        database_url,
        services.redis_url(),
        DIALOGUE_COMMENTS_PER_MINUTE="100000000",
        LIVE_MESSAGES_PER_10S="100000000",
        # The viewers and the posters all come from 127.0.0.1: no per-address limits here.
        RATE_LIMIT_COMMENT_POST_IP="",
        RATE_LIMIT_LIVE_MESSAGE_IP="",
        RATE_LIMIT_LIVE_CONNECT_IP="",
        DJANGO_LOG_LEVEL="WARNING",
        **extra,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=1000)
    parser.add_argument(
        "--saturation-rate",
        type=float,
        default=250.0,
        help="comments per second offered in the saturation phase",
    )
    parser.add_argument("--saturation-seconds", type=float, default=1.5)
    parser.add_argument("--steady-seconds", type=float, default=10.0)
    parser.add_argument("--drain", type=float, default=60.0, help="seconds to wait for backlog")
    parser.add_argument("--ws", default="auto", help="uvicorn's websocket implementation")
    args = parser.parse_args()

    if not services.redis_available():
        sys.exit(f"Redis is needed: {services.redis_url()} does not answer.")
    server_cpu, client_cpu = pin_clients()

    use_postgres = services.postgres_available()
    tmp = tempfile.mkdtemp(prefix="bdib-bench-")
    database_url = (
        fresh_postgres_database(services.postgres_url())
        if use_postgres
        else f"sqlite:///{tmp}/bench.sqlite3"
    )
    env = unlimited_env(database_url)
    print(
        f"database: {'PostgreSQL' if use_postgres else 'SQLite'}, Redis: {services.redis_url()}, "
        f"viewers: {args.viewers}, server on core {server_cpu}, clients on core {client_cpu}",
        flush=True,
    )
    try:
        load_database(env)
        manage(env, "create_account", "--email", "bench@example.org", "--password", "bench-pass-1")
        debate_id, session_key = manage(env, "shell", "-c", SESSION).split()[-2:]
        with uvicorn_server(env, cpu=server_cpu) as address:
            project = asyncio.run(bench_project(address, debate_id, session_key, args))
            live = live_counters(address)
        with peer_server(server_cpu) as address:
            peer = asyncio.run(bench_peer(address, args))
    finally:
        if use_postgres:
            drop_postgres_database(services.postgres_url(), database_url)

    ratio = project["saturation"]["deliveries_per_s"] / peer["saturation"]["deliveries_per_s"]
    steady = project["steady"]
    print()
    print(
        "| server | deliveries/s per core (saturated) | steady rate | p50 ms | p99 ms "
        "| lost | duplicated | out of order |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, result in (
        ("project (uvicorn, Django, Redis)", project),
        ("peer (bare websockets)", peer),
    ):
        s, st = result["saturation"], result["steady"]
        print(
            f"| {name} | {s['deliveries_per_s']:.0f} | {st['offered_per_s']:.1f} comments/s "
            f"| {st['p50_ms']:.1f} | {st['p99_ms']:.1f} | {s['lost'] + st['lost']} "
            f"| {s['duplicated'] + st['duplicated']} | {s['out_of_order'] + st['out_of_order']} |"
        )
    print()
    print(f"ratio project/peer deliveries per core: {ratio:.2f} (target >= 0.4)")
    print(f"project p99 at 40 % of saturation: {steady['p99_ms']:.1f} ms (target <= 100)")
    print(
        f"project deliveries by way: {live['direct_writes']} direct writes, "
        f"{live['asgi_sends']} ASGI sends, {live['failed_writes']} failed; "
        f"{live['sinks_without_fast_path']} sockets without the fast path"
    )
    lost = sum(project[p]["lost"] for p in ("saturation", "steady"))
    duplicated = sum(project[p]["duplicated"] for p in ("saturation", "steady"))
    print(f"project lost {lost}, duplicated {duplicated} (target 0 and 0)")


if __name__ == "__main__":
    main()
