"""Real server processes for the tests and benchmarks that need them: uvicorn on a free port,
against a database made for the occasion."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PRODUCTION_SECRET = "test-production-secret-" + "x9Kq2Lm7Pv4Rt8Wz1Yb6Nc3Hd5Jf0Gs" * 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.update({k: v for k, v in extra.items() if v is not None})
    env.setdefault("PYTHONUNBUFFERED", "1")
    return env


def production_env(database_url: str, redis_url: str, **extra: str) -> dict[str, str]:
    return base_env(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_ALLOW_CONSOLE_EMAIL="1",  # tests and benchmarks send no real mail
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        **extra,
    )


def manage(env: dict[str, str], *args: str, timeout: int = 300) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def fresh_postgres_database(server_url: str) -> str:
    """Creates an empty database on the server `server_url` points at; returns its URL."""
    import psycopg

    name = "bdib_" + uuid.uuid4().hex[:10]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


def drop_postgres_database(server_url: str, database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def wait_until_healthy(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{port}/healthz"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"the server on port {port} did not become healthy in {timeout}s")


@contextmanager
def uvicorn_server(
    env: dict[str, str], port: int | None = None, workers: int = 1, log=None, cpu: int | None = None
):
    """Runs uvicorn with the project's ASGI app until the block ends (pinned to one core when
    `cpu` is given, so a benchmark's load clients do not share it)."""
    port = port or free_port()
    command = [
        PYTHON,
        "-m",
        "uvicorn",
        "config.asgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--ws-max-size",
        "65536",
        "--lifespan",
        "off",
        "--no-access-log",
    ]
    if workers > 1:
        command += ["--workers", str(workers)]
    if cpu is not None:
        command = ["taskset", "-c", str(cpu), *command]
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    try:
        wait_until_healthy(port, process)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
