"""More processes and more viewers: what a second server process costs, what 5,000 viewers of
one debate see, and what an idle debate socket costs in memory.

    .venv/bin/python bench/processes.py          # needs PostgreSQL and Redis

Production settings on PostgreSQL and Redis; every server process pinned to core 0, the load
clients (bench/fanout.py's light viewers and one resident posting over the socket) on core 1.
Three kinds of measurement in one run, on one database (1 and 2 take turns, three times by
default, and their means are compared):

1. one uvicorn process, 1,000 viewers on one debate: deliveries per second with comments
   offered faster than it can fan them out (the core's capacity);
2. two uvicorn processes on that same core, sharing Redis, the 1,000 viewers split between
   them and the resident posting through the first: the same figure, so the ratio 2/1 is what
   a second process costs per core;
3. one process, 5,000 viewers on one debate: the saturated rate, then comments at 40 % of it
   with the latency of each delivery from the comment's intended send time (p50, p99).

In each, the servers' memory (resident set, summed over the processes) before the viewers
connect and after they are connected and idle gives the memory per idle debate socket.
"""

import argparse
import asyncio
import sys
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.fanout import (  # noqa: E402
    SESSION,
    bench_project,
    format_result,
    pin_clients,
    require_postgres_and_redis,
    unlimited_env,
)
from bench.writes import server_pid  # noqa: E402
from devtools import services  # noqa: E402
from devtools.servers import (  # noqa: E402
    drop_postgres_database,
    fresh_postgres_database,
    load_database,
    manage,
    uvicorn_server,
)


def resident_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


def run(env, processes: int, viewers: int, debate_id, session_key, args, saturation_rate):
    """One measurement: `processes` servers on the server core, `viewers` light viewers."""
    with ExitStack() as stack:
        addresses = [
            stack.enter_context(uvicorn_server(env, cpu=args.server_cpu)) for _ in range(processes)
        ]
        pids = [server_pid(address.rsplit(":", 1)[1]) for address in addresses]
        assert None not in pids, f"a server process of {addresses} was not found"
        before = resident_kib(pids)
        run_args = argparse.Namespace(
            viewers=viewers,
            saturation_rate=saturation_rate,
            saturation_seconds=args.saturation_seconds,
            steady_seconds=args.steady_seconds,
            drain=args.drain,
        )
        result = asyncio.run(
            bench_project(
                addresses, debate_id, session_key, run_args, connected=lambda: resident_kib(pids)
            )
        )
    result["memory_per_socket_kib"] = (result["connected"] - before) / viewers
    result["rss_before_kib"], result["rss_connected_kib"] = before, result["connected"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", type=int, default=1000)
    parser.add_argument("--many-viewers", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="one/two-process turns")
    parser.add_argument("--saturation-seconds", type=float, default=3.0)
    parser.add_argument("--steady-seconds", type=float, default=10.0)
    parser.add_argument("--drain", type=float, default=90.0, help="seconds to wait for backlog")
    args = parser.parse_args()

    require_postgres_and_redis()
    args.server_cpu, client_cpu = pin_clients()
    database_url = fresh_postgres_database(services.postgres_url())
    env = unlimited_env(database_url)
    print(
        f"PostgreSQL and Redis ({services.redis_url()}); servers on core {args.server_cpu}, "
        f"clients on core {client_cpu}",
        flush=True,
    )
    try:
        load_database(env)
        manage(env, "create_account", "--email", "bench@example.org", "--password", "bench-pass-1")
        debate_id, session_key = manage(env, "shell", "-c", SESSION).split()[-2:]
        results = {}
        # One and two processes take turns, `--rounds` times: the saturated figure of a short
        # phase varies by a tenth from one measurement to the next.
        plan = []
        for round_ in range(1, args.rounds + 1):
            plan += [
                (f"one process, round {round_}", 1, args.viewers, 250.0),
                (f"two processes, round {round_}", 2, args.viewers, 250.0),
            ]
        # 5,000 viewers: 40 comments/s already offer 200,000 deliveries a second.
        plan.append(("one process, many viewers", 1, args.many_viewers, 40.0))
        for label, processes, viewers, rate in plan:
            print(f"{label}: {processes} process(es), {viewers} viewers", flush=True)
            results[label] = run(env, processes, viewers, debate_id, session_key, args, rate)
    finally:
        drop_postgres_database(services.postgres_url(), database_url)

    print()
    print(
        "| measurement | viewers | deliveries/s on the server core (saturated) | steady rate "
        "| p50 ms | p99 ms | lost | duplicated | memory per idle socket |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for label, result in results.items():
        s, st = result["saturation"], result["steady"]
        viewers = args.many_viewers if "many" in label else args.viewers
        print(
            f"| {label} | {viewers} | {s['deliveries_per_s']:.0f} "
            f"| {st['offered_per_s']:.1f} comments/s | {st['p50_ms']:.1f} | {st['p99_ms']:.1f} "
            f"| {s['lost'] + st['lost']} | {s['duplicated'] + st['duplicated']} "
            f"| {result['memory_per_socket_kib']:.1f} KiB |"
        )

    def mean_of(prefix: str) -> float:
        rates = [
            r["saturation"]["deliveries_per_s"] for k, r in results.items() if k.startswith(prefix)
        ]
        return sum(rates) / len(rates)

    one, two = mean_of("one process, round"), mean_of("two processes, round")
    many = results["one process, many viewers"]["steady"]
    print()
    print(
        f"two processes / one process, deliveries per server core: {two / one:.2f} "
        f"(means of {args.rounds} rounds: {two:.0f} / {one:.0f}; goal >= 0.9)"
    )
    print(
        f"{args.many_viewers:,} viewers, p99 at 40 % of saturation: "
        f"{many['p99_ms']:.1f} ms (goal <= 150)"
    )
    for label, result in results.items():
        print(
            f"{label}: {format_result(result['steady'])}; servers' memory "
            f"{result['rss_before_kib'] / 1024:.0f} MiB before, "
            f"{result['rss_connected_kib'] / 1024:.0f} MiB connected"
        )


if __name__ == "__main__":
    main()
