"""Real server processes for the tests and benchmarks that need them: uvicorn on a free port,
against a database made for the occasion."""

import contextlib
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


# The loop of a `DjangoShell` process: length-prefixed JSON in on stdin, out on the descriptor
# that was stdout (the snippets' own prints go to a buffer, anything written to descriptor 1
# below Python to stderr).
_SHELL_LOOP = r"""
import io, json, os, struct, sys, traceback
from contextlib import redirect_stdout
channel = os.fdopen(os.dup(1), "wb")
os.dup2(2, 1)
import django
django.setup()
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.management import get_commands, load_command_class
from django.db import connections
command = load_command_class(get_commands()["shell"], "shell")
with redirect_stdout(io.StringIO()):
    namespace = command.get_namespace(verbosity=0)
def forget():
    # What a new manage.py process would not have: its connections, its local memory and its
    # live hub (which a snippet may have patched).
    connections.close_all()
    for cache in caches.all(initialized_only=True):
        if isinstance(cache, LocMemCache):
            cache.clear()
    from core import pagecache
    from core.live.hub import reset_hub
    pagecache.forget_remembered()
    reset_hub()
def answer(message):
    data = json.dumps(message).encode()
    channel.write(struct.pack(">I", len(data)) + data)
    channel.flush()
answer({"ready": True})
while True:
    head = sys.stdin.buffer.read(4)
    if len(head) < 4:
        break
    code = sys.stdin.buffer.read(struct.unpack(">I", head)[0]).decode()
    output, error = io.StringIO(), None
    try:
        with redirect_stdout(output):
            exec(code, {"__name__": "__main__", **namespace})
    except BaseException:
        error = traceback.format_exc()
    # Forgotten before the answer: the test goes on only once the connections are closed.
    forget()
    answer({"output": output.getvalue()} | ({"error": error} if error else {}))
"""


class DjangoShell:
    """One Django process that runs code for a test as `manage.py shell -c` would, one snippet
    after another, without Django's start-up each time (seconds of CPU per `manage.py`). After
    each snippet it closes its database connections and empties its local-memory caches, as a
    process that ended would."""

    def __init__(self, env: dict[str, str]):
        self.process = subprocess.Popen(
            [PYTHON, "-c", _SHELL_LOOP],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        self._read()  # ready

    def _read(self, timeout: float = 300) -> dict:
        """The process's next answer; a snippet that runs past `timeout` seconds ends it, as
        `manage` gives up on a command."""
        import json
        import select
        import struct

        if not select.select([self.process.stdout], [], [], timeout)[0]:
            self.process.kill()
            self.process.wait()
            raise RuntimeError(f"the Django shell gave no answer in {timeout:g} s")
        head = self.process.stdout.read(4)
        if len(head) < 4:
            raise RuntimeError(f"the Django shell ended (exit code {self.process.wait()})")
        return json.loads(self.process.stdout.read(struct.unpack(">I", head)[0]))

    def run(self, code: str) -> str:
        """Runs `code`; returns what it printed (raises RuntimeError with the traceback)."""
        import struct

        data = code.encode()
        self.process.stdin.write(struct.pack(">I", len(data)) + data)
        self.process.stdin.flush()
        result = self._read()
        if "error" in result:
            raise RuntimeError(f"shell code failed:\n{result['output']}\n{result['error']}")
        return result["output"]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


_static_collected = False


def collect_static(env: dict[str, str]) -> None:
    """Production serves static files from the collected manifest (without it every page is a
    500): collected once per test session into STATIC_ROOT."""
    global _static_collected
    if not _static_collected:
        import fcntl

        # One at a time: test processes running side by side (pytest-xdist) share STATIC_ROOT.
        with open(ROOT / ".collectstatic.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            manage(env, "collectstatic", "--noinput")
        _static_collected = True


def _maintenance_url(server_url: str) -> str:
    """The server's `postgres` database: it exists on every cluster, while the database
    `server_url` names may not (DATABASE_URL names the one the test database is named after)."""
    return server_url.rsplit("/", 1)[0] + "/postgres"


def fresh_postgres_database(server_url: str, prefix: str = "bdib_") -> str:
    """Creates an empty database on the server `server_url` points at; returns its URL. Its
    name starts with `prefix` (a benchmark's own, on a server others share)."""
    import psycopg

    name = prefix + uuid.uuid4().hex[:10]
    with psycopg.connect(_maintenance_url(server_url), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + "/" + name


def drop_postgres_database(server_url: str, database_url: str) -> None:
    import psycopg

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(_maintenance_url(server_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_templates: dict[tuple, str] = {}

# A test run with several processes (pytest-xdist) names a folder here (tests/conftest.py): the
# template databases are then made once for the whole run and shared, and the run drops them
# at its end (`drop_shared_templates`).
SHARED_TEMPLATES = "BDIB_TEMPLATE_FOLDER"


def _sqlite_path(database_url: str) -> Path:
    return Path(database_url.removeprefix("sqlite:///"))


def _copy_database(template_url: str, database_url: str) -> None:
    if template_url.startswith("postgres") and not _same_server(template_url, database_url):
        # Another cluster (a test's own, which it stops and starts): dumped and restored.
        binaries = postgres_binaries()
        dump = subprocess.run(
            [str(binaries / "pg_dump"), "--format=custom", "--no-owner", "--dbname", template_url],
            check=True,
            capture_output=True,
            timeout=300,
        )
        subprocess.run(
            [str(binaries / "pg_restore"), "--no-owner", "--dbname", database_url],
            input=dump.stdout,
            check=True,
            capture_output=True,
            timeout=300,
        )
        return
    if template_url.startswith("postgres"):
        import psycopg

        name = database_url.rsplit("/", 1)[1]
        template = template_url.rsplit("/", 1)[1]
        with psycopg.connect(_maintenance_url(database_url), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
        return
    import sqlite3

    with (
        contextlib.closing(sqlite3.connect(_sqlite_path(template_url))) as source,
        contextlib.closing(sqlite3.connect(_sqlite_path(database_url))) as target,
    ):
        source.backup(target)


def _same_server(first_url: str, second_url: str) -> bool:
    return first_url.rsplit("/", 1)[0] == second_url.rsplit("/", 1)[0]


def _drop_template(template_url: str) -> None:
    with contextlib.suppress(Exception):
        if template_url.startswith("postgres"):
            drop_postgres_database(template_url, template_url)
        else:
            _sqlite_path(template_url).unlink(missing_ok=True)


def _make_template(env: dict[str, str], demo: bool, prefix: str, folder: Path, server: str) -> str:
    """Runs `migrate` and `load_content [--demo]` into a new template database; its URL."""
    if server != "sqlite":
        template_url = fresh_postgres_database(server + "/postgres", prefix)
    else:
        template_url = f"sqlite:///{folder / f'template-{uuid.uuid4().hex[:10]}.sqlite3'}"
    template_env = {**env, "DATABASE_URL": template_url}
    try:
        manage(template_env, "migrate", "--noinput", timeout=900)
        manage(template_env, "load_content", *(["--demo"] if demo else []), timeout=900)
    except BaseException:
        _drop_template(template_url)
        raise
    return template_url


def load_database(
    env: dict[str, str],
    *,
    demo: bool = True,
    prefix: str = "bdib_",
    template_server: str | None = None,
) -> None:
    """`migrate` and `load_content [--demo]` into the empty database env["DATABASE_URL"].

    The first call of a kind (database server, demo or not, SITE_URL) runs both
    commands into a template database; later calls copy it (PostgreSQL: CREATE DATABASE ...
    TEMPLATE; SQLite: the backup API), which takes a second instead of a minute. In a test run
    with several processes the templates are shared by all of them (made under a file lock by
    the first that needs one) and dropped when the run ends; otherwise they are this process's
    and dropped when it ends. `template_server` (a PostgreSQL URL) keeps the template on another
    server than the database's: a test's own cluster then gets a dump of the shared one."""
    import hashlib
    import json
    import tempfile

    database_url = env["DATABASE_URL"]
    server = database_url.rsplit("/", 1)[0] if database_url.startswith("postgres") else "sqlite"
    if template_server:
        server = template_server.rsplit("/", 1)[0]
    # Not the settings module: `migrate` and `load_content` write the same rows under the test
    # and the production settings (no files, no passwords: demo people have none), so both
    # kinds of server start from one template (one build of about a minute less per run).
    key = (server, demo, env.get("SITE_URL"))
    shared = os.environ.get(SHARED_TEMPLATES)
    if not shared:
        template_url = _templates.get(key)
        if template_url is None:
            import atexit

            folder = Path(tempfile.mkdtemp(prefix="bdib-template-"))
            template_url = _templates[key] = _make_template(env, demo, prefix, folder, server)
            atexit.register(_drop_template, template_url)
        _copy_database(template_url, database_url)
        return
    import fcntl

    folder = Path(shared)
    name = hashlib.sha256(json.dumps(key).encode()).hexdigest()[:16]
    record = folder / f"{name}.url"
    # One process at a time makes or copies a template (PostgreSQL copies a template only
    # while nobody else is connected to it).
    with open(folder / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if record.exists():
            template_url = record.read_text()
        else:
            template_url = _make_template(env, demo, prefix, folder, server)
            record.write_text(template_url)
        _copy_database(template_url, database_url)


def drop_shared_templates(folder: Path) -> None:
    """Drops the templates a test run's processes shared (the run's end)."""
    import shutil

    for record in folder.glob("*.url"):
        _drop_template(record.read_text())
    shutil.rmtree(folder, ignore_errors=True)


def wait_until_healthy(
    port: int, process: subprocess.Popen, timeout: float = 60, path: str = "/healthz"
) -> None:
    deadline = time.monotonic() + timeout
    url = f"http://127.0.0.1:{port}{path}"
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
    env: dict[str, str],
    port: int | None = None,
    workers: int = 1,
    log=None,
    cpu: int | None = None,
    app: str = "config.asgi:application",
    health_path: str = "/healthz",
):
    """Runs uvicorn with the project's ASGI app (or `app`, with the same flags) until the block
    ends (pinned to one core when `cpu` is given, so a benchmark's load clients do not share
    it)."""
    port = port or free_port()
    command = [
        PYTHON,
        "-m",
        "uvicorn",
        app,
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
    # Sockets are accepted only from the site's own origin (config.guards), so the server is
    # told the address it really answers on.
    env = {**env, "SITE_URL": f"http://127.0.0.1:{port}"}
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log or subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log else subprocess.DEVNULL,
    )
    try:
        wait_until_healthy(port, process, path=health_path)
        yield f"127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


class RedisServer:
    """A redis-server of the test's own on a free port, which the test may kill and start again
    on the same port (the shared Redis of the machine is never touched)."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 10) -> None:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, timeout, self.process)

    def kill(self) -> None:
        """As a crash would: SIGKILL, no goodbye to the clients."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def __enter__(self) -> "RedisServer":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.kill()


def wait_for_port(port: int, timeout: float, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the process for port {port} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), 0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on port {port} after {timeout}s")


def postgres_binaries() -> Path | None:
    """Debian's PostgreSQL server binaries (initdb, pg_ctl), newest version first."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), reverse=True)
    return found[0].parent if found else None


class PostgresCluster:
    """A throwaway PostgreSQL cluster under a temporary folder on a free port, which the test
    may stop and start (the machine's shared cluster on 5432 is never touched). PostgreSQL
    refuses to run as root, so as root the cluster belongs to the `postgres` system user."""

    def __init__(self, directory: Path, port: int | None = None):
        self.bin = postgres_binaries()
        if self.bin is None:
            raise RuntimeError("no PostgreSQL server binaries under /usr/lib/postgresql")
        self.directory = Path(directory)
        self.data = self.directory / "data"
        self.port = port or free_port()
        self.server_url = f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        prefix = []
        if os.geteuid() == 0:
            prefix = ["runuser", "-u", "postgres", "--"]
        subprocess.run([*prefix, *command], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        if os.geteuid() == 0:
            import shutil

            shutil.chown(self.directory, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} -c fsync=off"
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.directory / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        """Fast shutdown: open connections are cut, as in an outage."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def __enter__(self) -> "PostgresCluster":
        self.init()
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
