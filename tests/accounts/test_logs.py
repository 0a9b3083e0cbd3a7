"""The logs of a whole journey hold no personal data and no secret (issue 11, "must hold" 6).

A real uvicorn process with the production settings (its access log on, every logger at DEBUG)
serves a resident who signs up, confirms their address, comments, signs up for an event, is
refused a page, resets their password and deletes their account. Mail goes to an SMTP sink of
the test's own, where the test picks up the links. Then the server's whole output is searched
for the address, the name, the comment, the confirmation and reset keys and an invitation
token: none may appear, and a refusal is one line, without a traceback."""

import email
import http.client
import re
import socketserver
import subprocess
import threading
import time
from http.cookies import SimpleCookie
from urllib.parse import quote, unquote, urlencode

import pytest

from devtools.servers import (
    PRODUCTION_SECRET,
    PYTHON,
    ROOT,
    base_env,
    collect_static,
    free_port,
    load_database,
    manage,
    wait_until_healthy,
)

pytestmark = pytest.mark.slow

ADDRESS = "Yrsa.Ballantyne-Okafor@privat.example"
NAME = "Yrsa Ballantyne-Okafor"
COMMENT = "Cykelstien ved Yrsas opgang er farlig om aftenen"
PASSWORD = "Lanterne-Kanal-Fyrtårn-42"
NEW_PASSWORD = "Havnebad-Cykelbro-Sommer-77"
INVITATION_TOKEN = "Zq8kLr2VbN5xTc7WmP1aHd4sJf6gUe9yRo3iK0lQw-E"


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's smtplib client: every message is kept, parsed."""

    def handle(self):
        self.wfile.write(b"220 sink\r\n")
        while line := self.rfile.readline():
            command = line[:4].upper()
            if command == b"DATA":
                self.wfile.write(b"354 go on\r\n")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data[1:] if data.startswith(b"..") else data)
                self.server.messages.append(email.message_from_bytes(b"".join(lines)))
                self.wfile.write(b"250 kept\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


class SMTPSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _SMTPHandler)
        self.messages = []

    def texts(self) -> list[str]:
        found = []
        for message in self.messages:
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    found.append(part.get_payload(decode=True).decode("utf-8"))
        return found

    def wait_for_link(self, pattern: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for text in self.texts():
                match = re.search(pattern, text)
                if match:
                    return match.group(0)
            time.sleep(0.1)
        raise AssertionError(f"no mail with {pattern!r}: {self.texts()}")


class Browser:
    """A cookie jar over http.client: the production cookies are Secure, which Python's own
    jar would not send back over plain HTTP to the test server."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> tuple[int, str, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            data = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **data}
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        text = response.read().decode("utf-8", "replace")
        location = response.headers.get("Location", "")
        connection.close()
        return response.status, location, text

    def get(self, path: str):
        return self.request("GET", path)

    def post(self, path: str, **data):
        return self.request("POST", path, data)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("logs")
    sink = SMTPSink()
    threading.Thread(target=sink.serve_forever, daemon=True).start()
    port = free_port()
    env = base_env(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_ALLOW_NO_REDIS="1",
        DATABASE_URL=f"sqlite:///{folder / 'db.sqlite3'}",
        REDIS_URL="",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(sink.server_address[1]),
        EMAIL_USE_TLS="false",
        SITE_URL=f"http://127.0.0.1:{port}",
        DJANGO_LOG_LEVEL="DEBUG",
        TASK_QUEUE_FILE=str(folder / "tasks.sqlite3"),
    )
    # The schema (and the demo content) from the suite's shared SQLite template, made for no
    # SITE_URL as the other SQLite servers' is; the static files collected once per process.
    load_database({name: value for name, value in env.items() if name != "SITE_URL"})
    collect_static(env)
    ids = manage(
        env,
        "shell",
        "-c",
        "from tests.dialogue.factories import make_debate;"
        "from tests.events.factories import EventPageFactory;"
        "print(make_debate().pk, EventPageFactory(capacity=5).pk)",
    )
    debate_id, event_id = ids.split()[-2:]
    log_path = folder / "server.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "uvicorn",
                "config.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--lifespan",
                "off",
                "--log-level",
                "debug",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        # The worker sends the mail (notifications/outbox.py), logging into the same file: what
        # it logs is checked for keys too.
        worker = subprocess.Popen(
            [PYTHON, "manage.py", "run_huey", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_healthy(port, process)
            yield {
                "port": port,
                "sink": sink,
                "log": log_path,
                "debate": debate_id,
                "event": event_id,
            }
        finally:
            for each in (process, worker):
                each.terminate()
                each.wait(timeout=10)
            sink.shutdown()


@pytest.fixture(scope="module")
def journey(server):
    """Everything a resident does, start to end; returns the secrets they were sent."""
    browser, sink, base = (
        Browser(server["port"]),
        server["sink"],
        f"http://127.0.0.1:{server['port']}",
    )
    browser.get("/da/konto/signup/")
    status, location, text = browser.post(
        "/da/konto/signup/",
        email=ADDRESS,
        display_name=NAME,
        password1=PASSWORD,
        password2=PASSWORD,
    )
    assert status in (302, 303), text
    confirm = sink.wait_for_link(re.escape(base) + r"/\S*/confirm-email/\S+/")
    confirm_path = confirm.removeprefix(base)
    browser.get(confirm_path)
    status, location, _text = browser.post(confirm_path)
    assert status in (302, 303), location

    status, location, text = browser.post(
        f"/da/dialog/{server['debate']}/kommenter/", body=COMMENT, parent="", client_id=""
    )
    assert status in (302, 303), text
    status, _location, text = browser.post(f"/da/arrangementer/{server['event']}/tilmeld/")
    assert status in (302, 303), text

    refused, _location, _text = browser.get(f"/da/arrangementer/{server['event']}/deltagere/")
    csrf_refused, _location, _text = browser.request(
        "POST", "/da/profil/slet/", None
    )  # no token at all
    browser.get(f"/da/partnerskaber/invitation/{INVITATION_TOKEN}/")

    browser.get("/da/konto/password/reset/")
    status, _location, text = browser.post("/da/konto/password/reset/", email=ADDRESS)
    assert status in (302, 303), text
    reset = sink.wait_for_link(re.escape(base) + r"/\S*/password/reset/key/\S+/")
    status, location, _text = browser.get(reset.removeprefix(base))
    assert status in (302, 303), location
    status, location, text = browser.post(
        location.removeprefix(base), password1=NEW_PASSWORD, password2=NEW_PASSWORD
    )
    assert status in (302, 303), text

    browser.post("/da/konto/login/", login=ADDRESS, password=NEW_PASSWORD)
    status, location, text = browser.post("/da/profil/slet/", confirm="on")
    assert status in (302, 303) and location.endswith("/"), text
    time.sleep(0.5)  # the server writes its last lines
    return {
        "confirm_key": unquote(confirm_path.rstrip("/").rsplit("/", 1)[1]),
        "reset_key": unquote(reset.rstrip("/").rsplit("/", 1)[1]),
        "refused": (refused, csrf_refused),
    }


def test_the_journey_reached_every_step(server, journey):
    assert journey["refused"] == (403, 403)
    log = server["log"].read_text()
    assert '"POST /da/profil/slet/ HTTP/1.1" 302' in log  # the access log was on


@pytest.mark.parametrize(
    "secret",
    [ADDRESS, ADDRESS.lower(), NAME, COMMENT, PASSWORD, NEW_PASSWORD, INVITATION_TOKEN],
)
def test_the_log_of_a_whole_journey_holds_no_personal_data(server, journey, secret):
    assert secret.lower() not in server["log"].read_text().lower()


@pytest.mark.parametrize("key", ["confirm_key", "reset_key"])
def test_the_log_holds_no_key_that_was_mailed(server, journey, key):
    secret = journey[key]
    log = server["log"].read_text()
    assert len(secret) > 10
    # As mailed, as a browser sends it (percent-encoded), and its signature alone.
    for form in (secret, quote(secret, safe=""), re.split(r"[:-]", secret)[-1]):
        assert form not in log


def test_a_refused_request_is_one_line_without_a_traceback(server, journey):
    log = server["log"].read_text()
    assert "Traceback" not in log
    django_lines = [line for line in log.splitlines() if line.startswith("Forbidden (")]
    assert [line.split(":")[0] for line in django_lines] == [
        "Forbidden (Permission denied)",
        "Forbidden (CSRF token missing.)",
    ]
