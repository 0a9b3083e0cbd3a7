"""Live-session poll benchmark: 1,000 participants vote in 10 s while the results stream to all.

    .venv/bin/python bench/live_session.py      # make bench-live; needs PostgreSQL and Redis

It starts uvicorn with production settings on Redis and a fresh PostgreSQL database (the demo
content, then one open session with an open single-choice poll of four options and one signed
guest cookie per participant, all made by `manage.py shell` in the server's environment), pinned
to core 0; the load clients run in this process, pinned to core 1, on fanout.py's raw-socket
client (a few µs a frame), which here also sends masked frames. N participants open
/ws/live/<code>/?lang=da, each as its own guest; then each votes once, the votes spread evenly
over the voting window, while every socket receives the coalesced `poll.results` frames
(livesessions/live.py: at most one count per 100 ms per poll per process).

The same load then runs against bench/peer_live_poll.py, the same poll over plain ASGI with the
counts in memory and the same 100 ms coalescing, run by the same uvicorn with the same flags on
the same core.

Measured, per server:

- votes cast (sent), acknowledged (`poll.voted`) and counted: the final `poll.results` frame's
  total (sum of the counts, and `voters`) and, for the project, the PollVote rows in the
  database after the run. Both must equal the votes cast, or the script exits with 1.
- latency from a vote to the updated result on every screen. A results frame carries totals,
  not the votes in it, so a vote cannot be traced exactly: the votes are ranked in the order
  their acks arrived, and the vote of rank k counts as shown on a socket by the first results
  frame there whose total is at least k. Latency runs from the vote's *scheduled* send time
  (so a client falling behind cannot hide a backlog). "every screen" is, per vote, the time
  until the last of the N sockets has it (p50/p99 over the votes); "per screen" is over all
  (vote, socket) pairs. The 100 ms coalescing is part of it by design. Goal: p99 <= 500 ms.
- server CPU seconds per 1,000 votes: utime+stime of the uvicorn process (all its threads,
  /proc/<pid>/stat) from the first vote until every socket has the final count. PostgreSQL's
  and Redis's own processes are not counted.
- lost frames: every results frame (by version) some socket received that another did not,
  summed over sockets; plus error frames, sockets closed by the server, and votes whose result
  never reached a socket.

Rate limits: all N participants connect from 127.0.0.1, so the server runs with the per-address
limits of the live session turned off (RATE_LIMIT_LIVESESSION_CONNECT_IP,
RATE_LIMIT_LIVESESSION_MESSAGE_IP and RATE_LIMIT_LIVESESSION_VOTE_IP empty). The per-guest limits
stay as configured: each guest connects once and sends one message. No other limit bit.

The machine may be shared: the figures are noisy, and PostgreSQL and Redis are not pinned.
"""

import argparse
import asyncio
import bisect
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.fanout import (  # noqa: E402
    RawViewer,
    pin_clients,
    raw_connect,
    require_postgres_and_redis,
)
from devtools import services  # noqa: E402
from devtools.servers import (  # noqa: E402
    drop_postgres_database,
    fresh_postgres_database,
    load_database,
    manage,
    production_env,
    uvicorn_server,
)

COOKIE = "bdib_live_guest"
GOAL_P99_MS = 500.0
# Turned off for the server: every participant of the benchmark shares 127.0.0.1.
LIFTED_LIMITS = (
    "RATE_LIMIT_LIVESESSION_CONNECT_IP",
    "RATE_LIMIT_LIVESESSION_MESSAGE_IP",
    "RATE_LIMIT_LIVESESSION_VOTE_IP",
)

SETUP = """
import json
from django.utils import timezone
from events.models import EventPage
from livesessions.guests import new_cookie_value
from livesessions.models import LiveSession, Poll, PollOption, new_join_code, new_screen_key
event = EventPage.objects.live().first()
now = timezone.now()
session = LiveSession.objects.create(
    event=event, title="Benchmark", state="open", audience="everyone", code=new_join_code(),
    screen_key=new_screen_key(), opened_at=now,
)
poll = Poll.objects.create(session=session, question="Which option?", state="open", opened_at=now)
for i in range(4):
    PollOption.objects.create(poll=poll, label=f"Option {i + 1}", position=i)
cookies = [new_cookie_value() for _ in range(PARTICIPANTS)]
print(json.dumps({"code": session.code, "poll": poll.pk, "cookies": cookies}))
"""

COUNT = """
import json
from livesessions.models import Participant, Poll, PollVote
poll = Poll.objects.get(pk=POLL)
print(json.dumps({
    "rows": PollVote.objects.filter(poll=poll).count(),
    "voters": PollVote.objects.filter(poll=poll).values("participant").distinct().count(),
    "participants": Participant.objects.filter(session=poll.session).count(),
    "version": poll.version,
}))
"""


class Participant(RawViewer):
    """fanout.py's raw client, which also sends (masked, as RFC 6455 asks of a client) and
    notices a socket the server closes."""

    def send_text(self, text: str) -> None:
        payload = text.encode()
        size = len(payload)
        if size < 126:
            head = bytes([0x81, 0x80 | size])
        elif size < 65536:
            head = bytes([0x81, 0x80 | 126]) + size.to_bytes(2, "big")
        else:
            head = bytes([0x81, 0x80 | 127]) + size.to_bytes(8, "big")
        mask = os.urandom(4)
        repeated = (mask * (size // 4 + 1))[:size]
        masked = (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(
            size, "big"
        )
        self.transport.write(head + mask + masked)

    def connection_lost(self, exc):
        super().connection_lost(exc)
        self.box["tally"].closed(self.index)


class Tally:
    """What each socket received: its state, the results frames (arrival, version, total),
    the acks of the votes and anything else."""

    def __init__(self, participants: int):
        self.n = participants
        self.state: list[dict | None] = [None] * participants
        self.states_received = 0
        self.frames: list[list[tuple[float, int, int]]] = [[] for _ in range(participants)]
        self.best = [0] * participants  # the highest total each socket has seen
        self.acks: dict[str, tuple[float, int]] = {}  # client_id -> (arrival, order)
        self.errors: list[tuple[int, str]] = []
        self.closed_sockets: set[int] = set()
        self.other = Counter()
        self.latest: dict | None = None  # the results frame with the highest version
        self._parsed: dict[bytes, tuple[int, int, dict]] = {}
        self.bodies: dict[int, set[bytes]] = {}  # version -> the distinct frames that carried it
        self.voting = False  # other frames are counted only while the votes go out and settle

    def record_bytes(self, index: int, buffer: bytearray, start: int, end: int, now: float):
        data = bytes(buffer[start:end])
        known = self._parsed.get(data)
        if known is None:
            message = json.loads(data)
            kind = message.get("type")
            if kind != "poll.results":
                self._other(index, kind, message, data, now)
                return
            results = message["results"]
            total = sum((results.get("counts") or {}).values())
            known = self._parsed[data] = (results["version"], total, results)
            self.bodies.setdefault(results["version"], set()).add(data)
            if self.latest is None or results["version"] > self.latest["version"]:
                self.latest = results
        version, total, _results = known
        self.frames[index].append((now, version, total))
        if total > self.best[index]:
            self.best[index] = total

    def _other(self, index, kind, message, data, now):
        if kind == "state":
            if self.state[index] is None:
                self.states_received += 1
            self.state[index] = message
        elif kind == "poll.voted":
            self.acks[message.get("client_id")] = (now, len(self.acks))
        elif kind == "error":
            self.errors.append((index, data.decode()))
        else:
            if self.voting:
                self.other[kind] += 1

    def closed(self, index: int) -> None:
        self.closed_sockets.add(index)


async def connect(address: str, path: str, index: int, box: dict, cookie: str):
    _transport, protocol = await raw_connect(
        address,
        path,
        index,
        box,
        origin=f"http://{address}",
        headers=f"Cookie: {COOKIE}={cookie}\r\n",
        protocol_class=Participant,
    )
    return protocol


async def wait_for(condition, timeout: float) -> bool:
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.02)
    return True


def cpu_seconds(pid: int, task: int | None = None) -> float:
    """utime + stime of the process (all its threads), or of one of its threads."""
    path = f"/proc/{pid}/stat" if task is None else f"/proc/{pid}/task/{task}/stat"
    with open(path) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu(pid: int) -> dict[int, float]:
    """CPU seconds per thread of the process (the main thread runs the event loop)."""
    found = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            found[int(task)] = cpu_seconds(pid, int(task))
        except OSError:
            continue
    return found


def server_pid(port: str) -> int:
    """The uvicorn this process started on `port` (taskset execs it: it is our child)."""
    me = os.getpid()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                ppid = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().split(b"\0")
        except OSError:
            continue
        if ppid == me and b"uvicorn" in command and port.encode() in command:
            return int(entry)
    raise RuntimeError(f"no uvicorn child of this process on port {port}")


def percentile(values: list[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


async def measure(name: str, address: str, path: str, cookies: list[str], args) -> dict:
    n = args.participants
    tally = Tally(n)
    box = {"tally": tally}
    pid = server_pid(address.rsplit(":", 1)[1])
    gate = asyncio.Semaphore(args.connect_concurrency)
    failures: list[str] = []

    async def join(index):
        async with gate:
            try:
                return await connect(address, path, index, box, cookies[index])
            except Exception as exc:
                failures.append(f"{type(exc).__name__}: {exc}")
                return None

    began = time.perf_counter()
    sockets = await asyncio.gather(*(join(i) for i in range(n)))
    await wait_for(lambda: tally.states_received >= n - len(failures), 60)
    connected = time.perf_counter() - began
    print(
        f"  {name}: {n - len(failures)} of {n} connected with their state in {connected:.1f} s",
        flush=True,
    )
    if failures:
        print(f"  {name}: connect failures, first: {failures[0]}", flush=True)
    state = next(s for s in tally.state if s is not None)
    poll_id = state["poll"]["id"]
    options = [o["id"] for o in state["poll"]["options"]]
    await asyncio.sleep(1.5)  # the presence update after the joins goes out and settles

    votes: list[tuple[float, float, str]] = []  # (scheduled, sent, client_id) per participant
    cpu_before, threads_before = cpu_seconds(pid), thread_cpu(pid)
    tally.voting = True
    start = time.perf_counter() + 0.05
    for index, socket in enumerate(sockets):
        scheduled = start + index * args.seconds / n
        delay = scheduled - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        client_id = str(uuid.uuid4())
        if socket is None or index in tally.closed_sockets:
            continue
        message = {
            "type": "poll.vote",
            "poll": poll_id,
            "options": [options[index % len(options)]],
            "client_id": client_id,
        }
        socket.send_text(json.dumps(message))
        votes.append((scheduled, time.perf_counter(), client_id))
    cast = len(votes)
    last_sent = time.perf_counter()

    def settled():
        answered = len(tally.acks) + len(tally.errors)
        open_sockets = [i for i, s in enumerate(sockets) if s and i not in tally.closed_sockets]
        return answered >= cast and all(tally.best[i] >= len(tally.acks) for i in open_sockets)

    done = await wait_for(settled, args.drain)
    finished = time.perf_counter()
    cpu = cpu_seconds(pid) - cpu_before
    threads = {t: c - threads_before.get(t, 0.0) for t, c in thread_cpu(pid).items()}
    tally.voting = False
    loop_cpu = threads.pop(pid, 0.0)
    busiest = sorted(threads.values(), reverse=True)
    await asyncio.sleep(0.5)  # late or repeated frames would show here
    for socket in sockets:
        if socket is not None:
            socket.transport.close()

    result = analyse(tally, votes, sockets)
    result.update(
        name=name,
        cast=cast,
        settled=done,
        voting_s=last_sent - start,
        phase_s=finished - start,
        cpu_s=cpu,
        cpu_per_1000=1000 * cpu / max(cast, 1),
        connect_failures=len(failures),
        loop_cpu_s=loop_cpu,
        other_threads=[round(c, 2) for c in busiest[:3] if c > 0],
        send_lag_ms=1000 * max((sent - s for s, sent, _c in votes), default=0.0),
    )
    return result


def analyse(tally: Tally, votes, sockets) -> dict:
    acked = sorted(
        ((tally.acks[c][1], scheduled, sent, c) for scheduled, sent, c in votes if c in tally.acks)
    )
    ack_ms = [1000 * (tally.acks[c][0] - sent) for _o, _s, sent, c in acked]
    scheduled_by_rank = [scheduled for _o, scheduled, _sent, _c in acked]
    ranks = len(scheduled_by_rank)
    every_screen = [0.0] * ranks  # per vote: until the last socket has it
    reached = [0] * ranks
    pairs: list[float] = []
    versions_all: set[int] = set()
    repeated = out_of_order = 0
    live = [i for i, s in enumerate(sockets) if s is not None]
    for index in live:
        frames = tally.frames[index]
        seen: set[int] = set()
        newest = -1
        times, totals = [], []
        for at, version, total in frames:
            if version in seen:
                repeated += 1
            seen.add(version)
            if version < newest:
                out_of_order += 1
            newest = max(newest, version)
            if not totals or total > totals[-1]:
                times.append(at)
                totals.append(total)
        versions_all |= seen
        for rank in range(1, ranks + 1):
            j = bisect.bisect_left(totals, rank)
            if j == len(totals):
                break  # this socket never saw this vote, nor any later one
            latency = 1000 * (times[j] - scheduled_by_rank[rank - 1])
            pairs.append(latency)
            reached[rank - 1] += 1
            if latency > every_screen[rank - 1]:
                every_screen[rank - 1] = latency
    lost_frames = sum(len(versions_all) - len({v for _a, v, _t in tally.frames[i]}) for i in live)
    complete = [every_screen[r] for r in range(ranks) if reached[r] == len(live)]
    latest = tally.latest or {}
    differing = sum(1 for bodies in tally.bodies.values() if len(bodies) > 1)
    return {
        "acked": ranks,
        "final_total": sum((latest.get("counts") or {}).values()),
        "final_voters": latest.get("voters"),
        "final_version": latest.get("version"),
        "results_frames": len(versions_all),
        "frames_received": sum(len(tally.frames[i]) for i in live),
        "lost_frames": lost_frames,
        "repeated_versions": repeated,
        "versions_with_differing_counts": differing,
        "out_of_order": out_of_order,
        "unreached_pairs": ranks * len(live) - len(pairs),
        "errors": len(tally.errors),
        "first_error": tally.errors[0][1] if tally.errors else None,
        "closed_by_server": len(tally.closed_sockets),
        "other_frames": dict(tally.other),
        "negative_pairs": sum(1 for p in pairs if p < 0),
        "every_p50": percentile(complete, 50),
        "every_p99": percentile(complete, 99),
        "every_max": max(complete, default=None),
        "screen_p50": percentile(pairs, 50),
        "screen_p99": percentile(pairs, 99),
        "ack_p50": percentile(ack_ms, 50),
        "ack_p99": percentile(ack_ms, 99),
    }


def ms(value) -> str:
    return "-" if value is None else f"{value:.0f}"


def report(r: dict) -> None:
    print(
        f"  {r['name']}: cast {r['cast']} votes in {r['voting_s']:.2f} s (client send lag max "
        f"{r['send_lag_ms']:.1f} ms), acked {r['acked']}, final results frame total "
        f"{r['final_total']} (voters {r['final_voters']}, version {r['final_version']})"
        + (f", database rows {r['db']['rows']}" if "db" in r else "")
    )
    print(
        f"  {r['name']}: vote -> result on every screen p50 {ms(r['every_p50'])} ms, p99 "
        f"{ms(r['every_p99'])} ms, max {ms(r['every_max'])} ms; per screen p50 "
        f"{ms(r['screen_p50'])} ms, p99 {ms(r['screen_p99'])} ms; ack p50 {ms(r['ack_p50'])} ms, "
        f"p99 {ms(r['ack_p99'])} ms"
    )
    print(
        f"  {r['name']}: server CPU {r['cpu_s']:.2f} s over {r['phase_s']:.2f} s = "
        f"{r['cpu_per_1000']:.2f} s per 1,000 votes (event-loop thread {r['loop_cpu_s']:.2f} s, "
        f"busiest other threads {r['other_threads']}); {r['results_frames']} results frames "
        f"broadcast, {r['frames_received']} received, lost {r['lost_frames']}, repeated "
        f"versions {r['repeated_versions']} (versions sent with differing counts "
        f"{r['versions_with_differing_counts']}), out of order {r['out_of_order']}, unreached "
        f"(vote, screen) pairs {r['unreached_pairs']}, error frames {r['errors']}, closed by the "
        f"server {r['closed_by_server']}, connect failures {r['connect_failures']}, other "
        f"frames while voting {r['other_frames']}" + ("" if r["settled"] else " -- DID NOT SETTLE"),
        flush=True,
    )
    if r["first_error"]:
        print(f"  {r['name']}: first error frame: {r['first_error']}")


def problems(r: dict) -> list[str]:
    found = []
    counted = [("acked", r["acked"]), ("final frame total", r["final_total"])]
    counted.append(("final frame voters", r["final_voters"]))
    if "db" in r:
        counted += [("PollVote rows", r["db"]["rows"]), ("distinct voters", r["db"]["voters"])]
    for what, value in counted:
        if value != r["cast"]:
            found.append(f"{r['name']}: {what} {value} != cast {r['cast']}")
    for what in (
        "errors",
        "closed_by_server",
        "connect_failures",
        "unreached_pairs",
        "versions_with_differing_counts",
    ):
        if r[what]:
            found.append(f"{r['name']}: {what} {r[what]}")
    if not r["settled"]:
        found.append(f"{r['name']}: not every socket received the final count")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=10.0, help="the voting window")
    parser.add_argument("--connect-concurrency", type=int, default=20)
    parser.add_argument("--drain", type=float, default=30.0, help="seconds to wait after voting")
    args = parser.parse_args()

    require_postgres_and_redis()
    server_cpu, client_cpu = pin_clients()

    database_url = fresh_postgres_database(services.postgres_url())
    env = production_env(
        database_url,
        services.redis_url(),
        DJANGO_LOG_LEVEL="WARNING",
        **dict.fromkeys(LIFTED_LIMITS, ""),
    )
    print(
        f"database: PostgreSQL (fresh), Redis: {services.redis_url()}, participants: "
        f"{args.participants}, voting window {args.seconds:.0f} s, server on core {server_cpu}, "
        f"clients on core {client_cpu}\n"
        f"rate limits lifted for the project (all clients share 127.0.0.1): "
        f"{', '.join(f'{name}=' for name in LIFTED_LIMITS)}; per-guest limits as configured",
        flush=True,
    )
    descriptor, log_name = tempfile.mkstemp(prefix="bdib-live-bench-", suffix=".log")
    os.close(descriptor)
    log_path = Path(log_name)
    try:
        load_database(env)
        script = SETUP.replace("PARTICIPANTS", str(args.participants))
        setup = json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])
        path = f"/ws/live/{setup['code']}/?lang=da"
        with open(log_path, "w") as log, uvicorn_server(env, cpu=server_cpu, log=log) as address:
            project = asyncio.run(measure("project", address, path, setup["cookies"], args))
        count = COUNT.replace("POLL", str(setup["poll"]))
        project["db"] = json.loads(manage(env, "shell", "-c", count).strip().splitlines()[-1])
        with uvicorn_server(
            env, cpu=server_cpu, app="bench.peer_live_poll:app", health_path="/"
        ) as address:
            peer = asyncio.run(measure("peer", address, path, setup["cookies"], args))
    finally:
        drop_postgres_database(services.postgres_url(), database_url)

    print()
    report(project)
    report(peer)
    server_log = log_path.read_text(errors="replace").splitlines()
    warnings = [line for line in server_log if "WARNING" in line or "ERROR" in line]
    print(f"  project server log: {len(server_log)} lines, {len(warnings)} warnings or errors")
    for line in warnings[:5]:
        print(f"    {line}")
    if warnings:
        print(f"  the server log is kept at {log_path}")
    else:
        log_path.unlink(missing_ok=True)
    print()
    print(
        "| server | cast | acked | final total | DB rows | every screen p50 / p99 ms "
        "| per screen p99 ms | CPU s per 1,000 votes | lost frames | errors |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, r in (("project (uvicorn, Django, Redis, PostgreSQL)", project), ("peer", peer)):
        rows = r["db"]["rows"] if "db" in r else "-"
        print(
            f"| {label} | {r['cast']} | {r['acked']} | {r['final_total']} | {rows} "
            f"| {ms(r['every_p50'])} / {ms(r['every_p99'])} | {ms(r['screen_p99'])} "
            f"| {r['cpu_per_1000']:.2f} | {r['lost_frames']} | {r['errors']} |"
        )
    print()
    if peer["cpu_per_1000"] > 0:
        ratio = project["cpu_per_1000"] / peer["cpu_per_1000"]
        print(f"ratio project/peer CPU per 1,000 votes: {ratio:.1f}")
    if project["every_p99"] is not None and peer["every_p99"]:
        print(
            f"ratio project/peer p99 (every screen): {project['every_p99'] / peer['every_p99']:.2f}"
        )
    goal = project["every_p99"] is not None and project["every_p99"] <= GOAL_P99_MS
    print(
        f"project p99 vote -> result on every screen: {ms(project['every_p99'])} ms "
        f"(goal <= {GOAL_P99_MS:.0f}: {'met' if goal else 'NOT met'})"
    )
    print(
        f"project votes counted: database {project['db']['rows']} rows "
        f"({project['db']['voters']} voters, poll version {project['db']['version']}), final "
        f"frame {project['final_total']}, cast {project['cast']}"
    )
    found = problems(project) + problems(peer)
    for problem in found:
        print(f"PROBLEM: {problem}")
    if found:
        sys.exit(1)


if __name__ == "__main__":
    main()
