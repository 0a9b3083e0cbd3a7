"""Write benchmark: comments committed and published per second on PostgreSQL while 1,000
viewers watch, against a raw psycopg INSERT + COMMIT loop in the same run.

    .venv/bin/python bench/writes.py       # make bench-writes; needs PostgreSQL and Redis

The server is uvicorn with production settings (PostgreSQL, Redis), pinned to core 0, as in
bench/fanout.py. The clients run in this process, pinned to core 1: 1,000 viewers spread over
the open debates (the light frame client of bench/fanout.py; --debates makes that many open
debates first), and --writers residents, each with an account of their own and a socket on one
of those debates, each posting comments over the socket as a resident's page does, the next as
soon as the server has answered the last.

Measured over --seconds: comments the server answered as new, the live events the viewers
received for them (every viewer of the comment's debate must get it: "lost" counts those that
did not arrive), the latency from sending a comment to its receipt by each viewer, and the
server process's CPU (user + system, from /proc) per comment. Then the same number of seconds of
a raw loop: one psycopg connection inserting a row of a comment's shape into a table like the
comments table (same columns and indexes) and committing each, in a process pinned to core 0
like the server. Last, the worker (`manage.py run_huey`, pinned to core 0) works through the
notices the comments queued (settings.NOTICES_IN_WORKER): its CPU per comment is printed too,
since in production it runs beside the web processes.
"""

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from fanout import (  # noqa: E402
    pin_clients,
    raw_connect,
    require_postgres_and_redis,
    unlimited_env,
)

from devtools import services  # noqa: E402
from devtools.servers import (  # noqa: E402
    PYTHON,
    drop_postgres_database,
    fresh_postgres_database,
    load_database,
    manage,
    uvicorn_server,
)

# Makes the extra open debates, an account and a session per writer; prints the open debates'
# ids and the sessions as JSON.
SETUP = """
import json
from allauth.account.models import EmailAddress
from wagtail.models import Locale
from accounts.models import User
from devtools.benchdata import session_for
from dialogue.models import DebateIndexPage, DebatePage, DebateState

params = json.loads({params!r})
danish = Locale.objects.get(language_code="da")
index = DebateIndexPage.objects.filter(locale=danish).first()
open_debates = DebatePage.objects.live().filter(state=DebateState.OPEN)
for number in range(max(0, params["debates"] - open_debates.count())):
    debate = index.add_child(instance=DebatePage(
        title=f"Benchmark-debat {{number + 1}}", slug=f"benchmark-debat-{{number + 1}}",
        question="Hvad skal byen gøre?", introduction="<p>En debat til målingen.</p>",
        locale=danish, state=DebateState.OPEN,
    ))
    debate.save_revision().publish()
sessions = []
for number in range(params["writers"]):
    user = User.objects.create_user(
        email=f"writer{{number}}@bench.example.org", password="bench-pass-1",
        display_name=f"Skribent {{number}}",
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    sessions.append(session_for(user))
debates = list(
    DebatePage.objects.live().filter(state=DebateState.OPEN).order_by("pk")
    .values_list("pk", flat=True)[: params["debates"]]
)
print(json.dumps({{"debates": debates, "sessions": sessions}}))
"""

# The raw loop: a table like the comments table, a row of a comment's shape, INSERT + COMMIT.
RAW_LOOP = """
import sys, time, uuid
import psycopg
url, seconds = sys.argv[1], float(sys.argv[2])
with psycopg.connect(url) as connection:
    connection.execute("DROP TABLE IF EXISTS bench_raw_comment")
    connection.execute(
        "CREATE TABLE bench_raw_comment (LIKE dialogue_comment INCLUDING ALL)"
    )
    connection.commit()
    author, debate = connection.execute(
        "SELECT (SELECT min(id) FROM accounts_user), (SELECT min(page_ptr_id) FROM "
        "dialogue_debatepage)"
    ).fetchone()
    sql = (
        "INSERT INTO bench_raw_comment (debate_id, author_id, parent_id, root_id, depth, "
        "client_id, body, body_html, status, created_at, edited_at, queued_at, agree_count, "
        "disagree_count, reply_count, held_because, hidden_reason) "
        "VALUES (%s, %s, NULL, NULL, 0, %s, %s, %s, 'published', now(), NULL, NULL, 0, 0, 0, "
        "'', '') RETURNING id"
    )
    body = "Et hurtigt svar fra en beboer, som man skriver det i en debat om byen."
    count, started = 0, time.perf_counter()
    cpu = time.process_time()
    while time.perf_counter() - started < seconds:
        connection.execute(sql, (debate, author, uuid.uuid4(), body, f"<p>{body}</p>"))
        connection.commit()
        count += 1
    elapsed = time.perf_counter() - started
    print(count, elapsed, time.process_time() - cpu)
    connection.execute("DROP TABLE bench_raw_comment")
    connection.commit()
"""


def process_cpu(pid: int) -> float:
    """User + system CPU seconds of a process (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_pid(port: str) -> int:
    """The uvicorn process listening on `port` (found by its command line)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"uvicorn" in command and port.encode() in command and b"taskset" not in command[0]:
            return int(entry.name)
    raise RuntimeError(f"no uvicorn process on port {port}")


class Deliveries:
    """What the viewers received: each comment's sequence number after a marker, per viewer."""

    def __init__(self, marker: str):
        self.marker = marker.encode()
        self.sent: dict[int, float] = {}
        self.debate_of: dict[int, int] = {}
        self.received = 0
        self.duplicates = 0
        self.latencies: list[float] = []
        self.seen: set[tuple[int, int]] = set()

    def record_bytes(self, viewer, buffer, start, end, now):
        at = buffer.find(self.marker, start, end)
        if at < 0 or buffer.find(b'"comment.created"', start, end) < 0:
            return
        digits = stop = at + len(self.marker)
        while stop < end and 48 <= buffer[stop] <= 57:
            stop += 1
        seq = int(buffer[digits:stop])
        if (viewer, seq) in self.seen:
            self.duplicates += 1
            return
        self.seen.add((viewer, seq))
        self.received += 1
        if seq in self.sent:
            self.latencies.append(now - self.sent[seq])


async def run(address: str, data: dict, args) -> dict:
    from websockets.asyncio.client import connect

    debates, sessions = data["debates"], data["sessions"]
    marker = f"w{uuid.uuid4().hex[:6]}-"
    box = {"tally": Deliveries(marker)}
    viewers_of: dict[int, int] = {}
    transports = []
    for index in range(args.viewers):
        debate = debates[index % len(debates)]
        viewers_of[debate] = viewers_of.get(debate, 0) + 1
        transport, _protocol = await raw_connect(
            address, f"/ws/debates/{debate}/", index, box, origin=f"http://{address}"
        )
        transports.append(transport)
    writers = []
    for number, session in enumerate(sessions):
        debate = debates[number % len(debates)]
        socket = await connect(
            f"ws://{address}/ws/debates/{debate}/",
            origin=f"http://{address}",
            compression=None,
            additional_headers={"Cookie": f"sessionid={session}"},
        )
        writers.append((debate, socket))
    await asyncio.sleep(1.5)  # presence updates settle

    tally: Deliveries = box["tally"]
    counter = iter(range(10**9))
    created = errors = 0
    stop_at = time.perf_counter() + args.seconds

    async def write(debate: int, socket) -> None:
        nonlocal created, errors
        while time.perf_counter() < stop_at:
            seq = next(counter)
            tally.sent[seq] = time.perf_counter()
            await socket.send(
                json.dumps(
                    {
                        "type": "comment.post",
                        "client_id": str(uuid.uuid4()),
                        "body": f"Et svar fra en beboer {marker}{seq}",
                    }
                )
            )
            while True:
                answer = json.loads(await socket.recv())
                if answer.get("type") == "comment.ack":
                    if answer.get("created"):
                        created += 1
                        tally.debate_of[seq] = debate
                    break
                if answer.get("type") == "error":
                    errors += 1
                    if errors == 1:
                        print(f"  the server answered a writer with an error: {answer}")
                    break

    pid = server_pid(address.rsplit(":", 1)[1])
    cpu_before, started = process_cpu(pid), time.perf_counter()
    await asyncio.gather(*(write(debate, socket) for debate, socket in writers))
    elapsed = time.perf_counter() - started
    expected = sum(viewers_of[debate] for debate in tally.debate_of.values())
    deadline = time.perf_counter() + 30
    while tally.received < expected and time.perf_counter() < deadline:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.3)
    cpu = process_cpu(pid) - cpu_before
    for _debate, socket in writers:
        await socket.close()
    for transport in transports:
        transport.close()
    latencies = sorted(tally.latencies)
    return {
        "comments": created,
        "errors": errors,
        "seconds": elapsed,
        "per_s": created / elapsed,
        "cpu_ms_per_comment": 1000 * cpu / max(created, 1),
        "server_cpu_share": cpu / elapsed,
        "deliveries": tally.received,
        "expected": expected,
        "lost": expected - tally.received,
        "duplicated": tally.duplicates,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else None,
        "p99_ms": 1000 * statistics.quantiles(latencies, n=100)[98]
        if len(latencies) > 100
        else None,
        "viewers_per_debate": sorted(set(viewers_of.values())),
    }


def raw_loop(database_url: str, seconds: float, cpu: int) -> dict:
    output = subprocess.run(
        ["taskset", "-c", str(cpu), PYTHON, "-c", RAW_LOOP, database_url, str(seconds)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    count, elapsed, client_cpu = int(output[0]), float(output[1]), float(output[2])
    return {
        "comments": count,
        "per_s": count / elapsed,
        "client_cpu_ms_per_row": 1000 * client_cpu / count,
    }


def drain_worker(env: dict, cpu: int, queued: int) -> dict:
    """Runs the worker until the queue is empty; its CPU per queued comment."""
    import redis

    client = redis.Redis.from_url(env["REDIS_URL"])
    # huey's Redis queue: one list, named after the queue (huey/storage.py).
    keys = ["huey.redis." + re.sub("[^A-Za-z0-9_]", "", env["TASK_QUEUE_NAME"])]
    waiting = sum(client.llen(key) for key in keys)
    command = ["taskset", "-c", str(cpu), PYTHON, "manage.py", "run_huey", "--quiet"]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    started = time.perf_counter()
    deadline = started + 300
    time.sleep(1)
    while time.perf_counter() < deadline:
        if sum(client.llen(key) for key in keys) == 0:
            break
        time.sleep(0.2)
    time.sleep(1.0)  # the last tasks finish
    cpu_seconds = process_cpu(process.pid)
    process.terminate()
    process.wait(timeout=20)
    return {
        "waiting": waiting,
        "seconds": time.perf_counter() - started,
        "cpu_ms_per_comment": 1000 * cpu_seconds / max(queued, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=1000)
    parser.add_argument("--debates", type=int, default=40, help="open debates the viewers watch")
    parser.add_argument("--writers", type=int, default=40, help="residents posting at once")
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()

    require_postgres_and_redis()
    server_cpu, client_cpu = pin_clients()
    database_url = fresh_postgres_database(services.postgres_url())
    queue = f"bdib-bench-writes-{uuid.uuid4().hex[:8]}"
    env = unlimited_env(
        database_url,
        TASK_QUEUE_NAME=queue,
        TASK_QUEUE_FILE=str(Path(tempfile.mkdtemp()) / "tasks.sqlite3"),
    )
    print(
        f"PostgreSQL, Redis {services.redis_url()}; {args.viewers} viewers on {args.debates} "
        f"debates, {args.writers} residents writing; server on core {server_cpu}, clients on "
        f"core {client_cpu}",
        flush=True,
    )
    try:
        load_database(env)
        params = json.dumps({"debates": args.debates, "writers": args.writers})
        output = manage(env, "shell", "-c", SETUP.format(params=params))
        data = json.loads(output.strip().splitlines()[-1])
        with uvicorn_server(env, cpu=server_cpu) as address:
            project = asyncio.run(run(address, data, args))
        raw = raw_loop(database_url, args.seconds, server_cpu)
        worker = drain_worker(env, server_cpu, project["comments"])
    finally:
        drop_postgres_database(services.postgres_url(), database_url)

    p50 = f"{project['p50_ms']:.1f}" if project["p50_ms"] is not None else "-"
    p99 = f"{project['p99_ms']:.1f}" if project["p99_ms"] is not None else "-"
    ratio = project["per_s"] / raw["per_s"]
    print()
    print("| what | comments/s | CPU per comment | notes |")
    print("|---|---|---|---|")
    print(
        f"| project: socket, checks, PostgreSQL, Redis, live events | {project['per_s']:.0f} "
        f"| {project['cpu_ms_per_comment']:.2f} ms (server) | {project['comments']} comments in "
        f"{project['seconds']:.1f} s, server core {100 * project['server_cpu_share']:.0f} % busy, "
        f"{project['errors']} errors |"
    )
    print(
        f"| raw psycopg INSERT + COMMIT | {raw['per_s']:.0f} | {raw['client_cpu_ms_per_row']:.2f}"
        f" ms (client) | {raw['comments']} rows |"
    )
    print(
        f"| worker: notices of those comments | - | {worker['cpu_ms_per_comment']:.2f} ms | "
        f"{worker['waiting']} tasks waiting, done in {worker['seconds']:.1f} s |"
    )
    print()
    print(f"ratio project/raw: {ratio:.2f} (target >= 0.3); comments/s target >= 300")
    print(
        f"live events: {project['deliveries']} of {project['expected']} delivered "
        f"({project['viewers_per_debate']} viewers a debate), lost {project['lost']}, "
        f"duplicated {project['duplicated']}; latency to the viewers p50 {p50} ms, p99 {p99} ms"
    )


if __name__ == "__main__":
    main()
