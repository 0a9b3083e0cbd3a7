"""Page benchmark: every page type against a bare Django "hello" view, in one run.

    .venv/bin/python bench/pages.py             # make bench-pages; needs PostgreSQL and Redis

Production settings on PostgreSQL (a database of its own, named perf_...) and Redis (database
14 unless BENCH_REDIS_URL says otherwise), one uvicorn process pinned to core 0, wrk pinned to
core 1 (8 connections, one thread). The data is `load_content --demo` plus a debate with 2,000
comments, 500 partner organisations and 300 events (devtools/benchdata.py).

For each page type it measures, with wrk: requests/s, p50 and p99 latency; and, with Django's
test client in a process of its own against the same database, queries per request. Three
ways of asking:

- anonymous, cached: the page cache warm (core/pagecache.py);
- anonymous, uncached: a second server with PAGE_CACHE_SECONDS=0, so every request renders
  (what a cache miss costs; the remembered values and the sections of core/sections.py stay
  on, as in production);
- logged in: a resident's session cookie (never in the page cache; sections reused);
- anonymous, nothing kept: a third server with the page cache and the sections off
  (PAGE_SECTIONS=false): what rendering the whole page costs (the site shell's remembered
  values and the fragments stay on).

The reference is bench/reference/ (one view, no middleware, no database), served by the same
uvicorn command on the same core, measured before and after the pages; the ratio is to the
mean of the two.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools import services  # noqa: E402
from devtools.servers import (  # noqa: E402
    base_env,
    collect_static,
    drop_postgres_database,
    fresh_postgres_database,
    load_database,
    manage,
    production_env,
    uvicorn_server,
)

SERVER_CPU, CLIENT_CPU = 0, 1
PREFIX = "perf_"


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+|nan)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, seconds: float, connections: int, headers: dict[str, str]) -> dict:
    """One wrk run on the client core; what it printed, parsed."""
    command = ["taskset", "-c", str(CLIENT_CPU), "wrk", "-t1", f"-c{connections}"]
    # A generous timeout: a slow page is measured as slow, not dropped as a timeout.
    command += [f"-d{int(seconds)}s", "--timeout", "30s", "--latency"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(
        [*command, url], capture_output=True, text=True, check=True, timeout=seconds + 60
    ).stdout
    latency = dict(re.findall(r"^\s+(50|99)(?:\.0+)?%\s+(\S+)$", output, re.M))
    # With only a handful of answers in the run wrk prints no percentiles: reported as n/a.
    latency.setdefault("50", "nan" + "ms")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: (.*)$", output, re.M)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": _ms(latency["50"]),
        "p99": _ms(latency.get("99", latency["50"])),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": sockets.group(1) if sockets else "",
    }


def check(url: str, headers: dict[str, str], must_contain: str = "") -> None:
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http only)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        body = response.read().decode("utf-8", "replace")
        html = response.headers.get_content_type() == "text/html"
        if response.status != 200:
            raise RuntimeError(f"{url} answered {response.status}")
    # A logged-in page names the reader; the open-data CSV is the same for everyone.
    if must_contain and html and must_contain not in body:
        raise RuntimeError(f"{url} does not show {must_contain!r}")


def measure(address: str, urls: dict, args, headers: dict, warm: bool, marker: str = "") -> dict:
    results = {}
    for name, path in urls.items():
        url = f"http://{address}{path}"
        check(url, headers, marker)
        if warm:  # the first request renders and stores the page
            check(url, headers)
        results[name] = wrk(url, args.seconds, args.connections, headers)
        print(f"  {name}: {results[name]['rps']:.0f} req/s", flush=True)
    return results


def reference(args) -> dict:
    env = base_env(DJANGO_SETTINGS_MODULE="bench.reference.settings")
    with uvicorn_server(
        env, cpu=SERVER_CPU, app="bench.reference.asgi:application", health_path="/"
    ) as address:
        url = f"http://{address}/"
        check(url, {}, "Hello")
        result = wrk(url, args.seconds, args.connections, {})
        print(f"  hello view: {result['rps']:.0f} req/s", flush=True)
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="wrk duration per measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--only", default="", help="comma-separated page names (default all)")
    parser.add_argument(
        "--runs", type=int, default=1, help="measure everything this many times on the same data"
    )
    args = parser.parse_args()

    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
    if not services.postgres_available():
        sys.exit(f"PostgreSQL is needed: {services.postgres_url()} does not answer.")
    if (os.cpu_count() or 1) < 2:
        sys.exit("Two cores are needed: the server on one, wrk on the other.")
    subprocess.run(["redis-cli", "-u", redis_url, "FLUSHDB"], check=True, capture_output=True)
    database_url = fresh_postgres_database(services.postgres_url(), PREFIX)
    env = production_env(database_url, redis_url, DJANGO_LOG_LEVEL="WARNING")
    env["LIVE_REDIS_PREFIX"] = f"perf:{database_url.rsplit('/', 1)[1]}:"
    print(f"database: {database_url.rsplit('/', 1)[1]} (PostgreSQL), Redis: {redis_url}")
    print(f"server on core {SERVER_CPU}, wrk on core {CLIENT_CPU}, {args.connections} connections")
    try:
        print("loading the demo content and the bench data ...", flush=True)
        load_database(env, prefix=PREFIX)
        collect_static(env)
        seeded = json.loads(
            manage(env, "shell", "-c", "from devtools.benchdata import seed; seed()", timeout=900)
            .strip()
            .splitlines()[-1]
        )
        urls = seeded["urls"]
        if args.only:
            urls = {k: v for k, v in urls.items() if k in args.only.split(",")}
        logged_in = {"Cookie": f"sessionid={seeded['session']}; csrftoken={seeded['csrf']}"}

        print("queries per request ...", flush=True)
        script = (
            "import json; from devtools.benchdata import count_queries; "
            f"count_queries(json.loads({json.dumps(json.dumps(urls))}), "
            f"{seeded['session']!r}, {seeded['csrf']!r}, '127.0.0.1')"
        )
        queries = json.loads(manage(env, "shell", "-c", script).strip().splitlines()[-1])
        print(f"  {queries}", flush=True)

        for run in range(1, args.runs + 1):
            print(f"run {run} of {args.runs}", flush=True)
            report(urls, queries, *one_run(env, urls, logged_in, args))
    finally:
        drop_postgres_database(services.postgres_url(), database_url)
        subprocess.run(["redis-cli", "-u", redis_url, "FLUSHDB"], capture_output=True)


def one_run(env, urls, logged_in, args):
    print("reference (bench/reference, hello view) ...", flush=True)
    ref_before = reference(args)
    with uvicorn_server(env, cpu=SERVER_CPU) as address:
        print("anonymous, cached ...", flush=True)
        cached = measure(address, urls, args, {}, warm=True)
        print("logged in ...", flush=True)
        personal = measure(address, urls, args, logged_in, warm=False, marker="Bench Reader")
    uncached_env = {**env, "PAGE_CACHE_SECONDS": "0"}
    with uvicorn_server(uncached_env, cpu=SERVER_CPU) as address:
        print("anonymous, uncached ...", flush=True)
        uncached = measure(address, urls, args, {}, warm=True)
    with uvicorn_server({**uncached_env, "PAGE_SECTIONS": "false"}, cpu=SERVER_CPU) as address:
        print("anonymous, nothing kept (page cache and sections off) ...", flush=True)
        bare = measure(address, urls, args, {}, warm=True)
    ref_after = reference(args)
    return ref_before, ref_after, cached, personal, uncached, bare


def report(urls, queries, ref_before, ref_after, cached, personal, uncached, bare) -> None:
    ref = (ref_before["rps"] + ref_after["rps"]) / 2
    print()
    print(
        f"reference (hello view): {ref_before['rps']:.0f} req/s before, "
        f"{ref_after['rps']:.0f} after, p50 {ref_before['p50']:.2f} ms, "
        f"p99 {ref_before['p99']:.2f} ms; ratios below are to the mean, {ref:.0f} req/s"
    )
    print()
    header = "| page | mode | req/s | p50 ms | p99 ms | queries | ratio |"
    print(header)
    print("|---|---|---|---|---|---|---|")
    failures = 0
    for name in urls:
        for mode, label, results in (
            ("cached", "anonymous, cached", cached),
            ("uncached", "anonymous, uncached", uncached),
            ("logged_in", "logged in", personal),
            ("bare", "anonymous, nothing kept", bare),
        ):
            r = results[name]
            failures += r["non_2xx"]
            print(
                f"| {name} | {label} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} "
                f"| {queries[name][mode]} | {r['rps'] / ref:.3f} |"
            )
    print()
    for mode, results in (
        ("cached", cached),
        ("uncached", uncached),
        ("logged in", personal),
        ("nothing kept", bare),
    ):
        ratios = [results[name]["rps"] / ref for name in urls]
        print(f"{mode}: ratio to the reference {min(ratios):.3f}-{max(ratios):.3f}")
    if failures:
        print(f"WARNING: {failures} responses were not 2xx/3xx")
    print(flush=True)


if __name__ == "__main__":
    main()
