"""Every e-mail passes through the outbox (notifications/outbox.py): written in the sender's
transaction, delivered by the worker through MAIL_DELIVERY_BACKEND, tried again with back-off
while the mail server is away, and swept up when its task was lost.

The outage tests drive huey as its consumer does (the scheduler moves due retries from the
schedule to the queue, a worker dequeues and executes them), with huey's clock moved instead of
waited for, against a real SMTP server (aiosmtpd) that is stopped and started."""

import contextlib
import datetime
import socket
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.core import mail
from django.core.mail import EmailMessage, send_mail
from django.db import transaction
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from notifications import outbox
from notifications.models import OutgoingMail

QUEUED = "notifications.outbox.QueuedEmailBackend"
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Sink:
    """aiosmtpd's handler: keeps every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(message_from_bytes(envelope.original_content or envelope.content))
        return "250 OK"


class MailServer:
    """A real SMTP server on a fixed free port, stopped and started by the test."""

    def __init__(self):
        self.port = free_port()
        self.sink = Sink()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.sink, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def subjects(self) -> list[str]:
        return sorted(message["Subject"] for message in self.sink.messages)


@pytest.fixture
def mail_server():
    server = MailServer()
    yield server
    server.stop()


@pytest.fixture
def queued(settings):
    """Django's EMAIL_BACKEND as in production: the outbox."""
    settings.EMAIL_BACKEND = QUEUED
    return settings


@pytest.fixture
def smtp(queued, mail_server):
    """Delivery to the test's SMTP server, whether it is up or not."""
    queued.MAIL_DELIVERY_BACKEND = SMTP
    queued.EMAIL_HOST = "127.0.0.1"
    queued.EMAIL_PORT = mail_server.port
    queued.EMAIL_USE_TLS = False
    queued.EMAIL_USE_SSL = False
    queued.EMAIL_HOST_USER = ""
    queued.EMAIL_HOST_PASSWORD = ""
    queued.EMAIL_TIMEOUT = 5
    return mail_server


class Consumer:
    """huey's consumer, one worker and the scheduler, on a clock the test moves: huey reads the
    time through `huey.api.utcnow` (naive UTC) both to see which scheduled task is due and to
    set a retry's eta (now + retry_delay, the delay multiplied by retry_backoff for the next)."""

    def __init__(self, monkeypatch):
        self.now = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
        self.started = self.now
        self.executed = 0
        monkeypatch.setattr("huey.api.utcnow", lambda: self.now)
        # Between tasks the consumer closes stale database connections; here that connection
        # holds the test's transaction (rolled back at its end), so it stays open.
        monkeypatch.setattr("huey.contrib.djhuey.close_old_connections", lambda: None)

    @property
    def elapsed(self) -> float:
        return (self.now - self.started).total_seconds()

    def run_due(self) -> None:
        """One scheduler tick, then the worker until the queue is empty."""
        for task in HUEY.read_schedule(self.now):
            HUEY.enqueue(task)
        while (task := HUEY.dequeue()) is not None:
            HUEY.execute(task, self.now)
            self.executed += 1

    def advance(self, seconds: float, step: float = 5.0) -> None:
        end = self.now + timedelta(seconds=seconds)
        while self.now < end:
            self.now = min(end, self.now + timedelta(seconds=step))
            self.run_due()


@pytest.fixture
def consumer(monkeypatch):
    """Tasks go to huey's (in-memory) queue instead of running at once, as in production."""
    HUEY.immediate = False  # a fresh in-memory storage
    try:
        yield Consumer(monkeypatch)
    finally:
        HUEY.immediate = True


# Queued in the sender's transaction ---------------------------------------------------------


@pytest.mark.django_db
def test_send_mail_writes_the_outbox_in_the_senders_transaction_and_the_worker_delivers_it(
    queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        sent = send_mail("Hej", "Besked", None, ["amina@example.org"])
        row = OutgoingMail.objects.get()
        assert sent == 1
        assert row.subject == "Hej"
        assert row.sent_at is None
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    assert mail.outbox[0].body == "Besked"
    row.refresh_from_db()
    assert row.sent_at is not None
    assert row.attempts == 1
    assert row.last_error == ""


@pytest.mark.django_db
def test_a_rolled_back_sender_leaves_no_row_and_sends_nothing(
    queued, django_capture_on_commit_callbacks
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_mail("Hej", "Besked", None, ["amina@example.org"])
        assert OutgoingMail.objects.count() == 1
        raise RuntimeError("the sender's write fails after the mail")
    assert callbacks == []
    assert OutgoingMail.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
def test_several_messages_at_once_are_one_row_and_one_delivery_each(
    queued, django_capture_on_commit_callbacks
):
    messages = [EmailMessage(f"Nr. {n}", "x", to=[f"r{n}@example.org"]) for n in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        connection = mail.get_connection()
        assert connection.send_messages(messages) == 3
    assert sorted(m.subject for m in mail.outbox) == ["Nr. 0", "Nr. 1", "Nr. 2"]
    assert OutgoingMail.objects.filter(sent_at__isnull=False).count() == 3


@pytest.mark.django_db
def test_the_sign_up_verification_mail_goes_through_the_outbox(
    client, queued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/da/konto/signup/",
            {
                "display_name": "Amina",
                "email": "amina@example.org",
                "password1": "lang-og-sikker-2026",
                "password2": "lang-og-sikker-2026",
            },
        )
        assert response.status_code == 302
        assert OutgoingMail.objects.count() == 1
    row = OutgoingMail.objects.get()
    assert row.sent_at is not None
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]
    assert "/da/konto/" in mail.outbox[0].body  # the verification link, as before the outbox


def test_deliver_sends_once_and_reports_what_it_found(db, queued):
    send_mail("Hej", "Besked", None, ["amina@example.org"])  # its task never runs (no commit)
    row = OutgoingMail.objects.get()
    assert outbox.deliver(row.pk) == "sent"
    assert outbox.deliver(row.pk) == "gone"  # already sent: nothing twice
    assert outbox.deliver(row.pk + 1000) == "gone"
    assert len(mail.outbox) == 1
    send_mail("Igen", "Besked", None, ["amina@example.org"])
    claimed = OutgoingMail.objects.get(subject="Igen")
    OutgoingMail.objects.filter(pk=claimed.pk).update(
        claimed_until=timezone.now() + timedelta(minutes=1)
    )
    assert outbox.deliver(claimed.pk) == "busy"  # another worker has it
    assert len(mail.outbox) == 1


# The mail server is away ------------------------------------------------------------------


@pytest.mark.django_db
def test_mail_queued_while_the_server_is_down_arrives_once_when_it_is_back(
    smtp, consumer, django_capture_on_commit_callbacks
):
    server = smtp
    assert (django_settings.MAIL_RETRY_DELAY, django_settings.MAIL_RETRY_BACKOFF) == (30, 2)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            send_mail(f"Nr. {n}", "Besked", None, [f"r{n}@example.org"])
    assert HUEY.pending_count() == 3  # queued after the commit, not run
    ids = sorted(OutgoingMail.objects.values_list("pk", flat=True))

    # Down for five and a half minutes: tries at 0, 30, 90 and 210 s (30 s, then doubling).
    consumer.run_due()
    consumer.advance(330)
    rows = OutgoingMail.objects.order_by("pk")
    assert [row.attempts for row in rows] == [4, 4, 4]
    assert all(row.sent_at is None for row in rows)
    assert all(row.claimed_until is None for row in rows)  # released for the next try
    assert all("Connection" in row.last_error or "refused" in row.last_error for row in rows)
    assert HUEY.scheduled_count() == 3  # the next tries, at 450 s
    assert server.sink.messages == []

    server.start()
    consumer.advance(600)
    assert server.subjects() == ["Nr. 0", "Nr. 1", "Nr. 2"]  # each exactly once
    rows = list(OutgoingMail.objects.order_by("pk"))
    assert [row.pk for row in rows] == ids
    assert [row.attempts for row in rows] == [5, 5, 5]
    assert all(row.sent_at is not None and row.last_error == "" for row in rows)
    assert HUEY.scheduled_count() == 0 and HUEY.pending_count() == 0
    assert consumer.executed == 15  # five tries each, no more

    # A sweep afterwards finds nothing to send again.
    assert outbox.sweep()["queued_again"] == 0
    consumer.advance(60)
    assert len(server.sink.messages) == 3


@pytest.mark.django_db
def test_a_retry_that_finds_the_mail_sent_by_another_worker_sends_nothing(
    smtp, consumer, django_capture_on_commit_callbacks
):
    server = smtp
    with django_capture_on_commit_callbacks(execute=True):
        send_mail("Nr. 1", "Besked", None, ["r1@example.org"])
    consumer.run_due()  # fails: the server is down
    server.start()
    row = OutgoingMail.objects.get()
    assert outbox.deliver(row.pk) == "sent"  # the sweep's task, say, got there first
    consumer.advance(120)
    assert server.subjects() == ["Nr. 1"]
    row.refresh_from_db()
    assert row.attempts == 2


# The sweep ---------------------------------------------------------------------------------


def _age(row: OutgoingMail, **delta) -> None:
    OutgoingMail.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(**delta))


@pytest.mark.django_db
def test_a_mail_whose_task_was_lost_is_sent_by_the_sweep_after_ten_minutes(queued):
    # No commit in this test's transaction: the task is never queued, as when Redis was away.
    send_mail("Verloren", "Besked", None, ["amina@example.org"])
    row = OutgoingMail.objects.get()
    assert outbox.sweep()["queued_again"] == 0  # its own task may still come
    _age(row, minutes=9)
    assert outbox.sweep()["queued_again"] == 0
    assert mail.outbox == []
    _age(row, minutes=11)
    assert outbox.sweep() == {"queued_again": 1, "given_up": 0, "forgotten": 0}
    assert [m.subject for m in mail.outbox] == ["Verloren"]
    row.refresh_from_db()
    assert row.sent_at is not None and row.attempts == 1
    assert outbox.sweep()["queued_again"] == 0
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_the_sweep_leaves_a_mail_to_its_own_retry_until_that_is_long_overdue(queued):
    send_mail("Venter", "Besked", None, ["amina@example.org"])
    row = OutgoingMail.objects.get()
    now = timezone.now()
    # Tried three times, the last a minute ago: huey's fourth try is due 2 minutes after it.
    OutgoingMail.objects.filter(pk=row.pk).update(
        created_at=now - timedelta(minutes=20), attempts=3, last_tried_at=now - timedelta(minutes=1)
    )
    assert outbox.sweep()["queued_again"] == 0
    # That try should have run 10 minutes ago (the worker lost it): the sweep sends it.
    OutgoingMail.objects.filter(pk=row.pk).update(last_tried_at=now - timedelta(minutes=13))
    assert outbox.sweep()["queued_again"] == 1
    assert [m.subject for m in mail.outbox] == ["Venter"]


@pytest.mark.django_db
def test_the_sweep_takes_up_mail_whose_tries_ran_out(queued):
    send_mail("Opbrugt", "Besked", None, ["amina@example.org"])
    row = OutgoingMail.objects.get()
    OutgoingMail.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - timedelta(hours=9),
        attempts=django_settings.MAIL_RETRIES + 1,
        last_tried_at=timezone.now() - timedelta(minutes=1),
    )
    assert outbox.sweep()["queued_again"] == 1
    assert [m.subject for m in mail.outbox] == ["Opbrugt"]


@pytest.mark.django_db
def test_the_sweep_gives_up_after_three_days_and_forgets_sent_mail_after_a_week(queued):
    for subject in ("Gammel", "Ny", "Sendt for 8 dage siden", "Sendt for 6 dage siden"):
        send_mail(subject, "Besked", None, ["amina@example.org"])
    rows = {row.subject: row for row in OutgoingMail.objects.all()}
    now = timezone.now()
    _age(rows["Gammel"], days=3, minutes=1)
    _age(rows["Ny"], days=2, hours=23)
    OutgoingMail.objects.filter(pk=rows["Sendt for 8 dage siden"].pk).update(
        created_at=now - timedelta(days=8), sent_at=now - timedelta(days=8)
    )
    OutgoingMail.objects.filter(pk=rows["Sendt for 6 dage siden"].pk).update(
        created_at=now - timedelta(days=6), sent_at=now - timedelta(days=6)
    )

    result = outbox.sweep()

    assert result == {"queued_again": 1, "given_up": 1, "forgotten": 1}
    assert [m.subject for m in mail.outbox] == ["Ny"]  # the one not yet given up on
    old = OutgoingMail.objects.get(subject="Gammel")
    assert old.failed_at is not None and old.sent_at is None
    assert not OutgoingMail.objects.filter(subject="Sendt for 8 dage siden").exists()
    assert OutgoingMail.objects.filter(subject="Sendt for 6 dage siden").exists()
    assert outbox.deliver(old.pk) != "sent"  # given up on: never sent after all
    assert len(mail.outbox) == 1

    # A week after it was given up on, the message is forgotten too.
    OutgoingMail.objects.filter(pk=old.pk).update(failed_at=now - timedelta(days=8))
    assert outbox.sweep()["forgotten"] == 1
    assert not OutgoingMail.objects.filter(pk=old.pk).exists()


# The real worker ----------------------------------------------------------------------------

QUEUE_ONE = """
from django.core.mail import send_mail
from notifications.models import OutgoingMail
send_mail("Fra arbejderen", "Besked", None, ["amina@example.org"])
print(OutgoingMail.objects.get().pk)
"""


def _state(database, mail_id: int) -> tuple[int, bool]:
    """(attempts, sent), read from the worker's database file."""
    with contextlib.closing(sqlite3.connect(database, timeout=10)) as conn:
        attempts, sent_at = conn.execute(
            "SELECT attempts, sent_at FROM notifications_outgoingmail WHERE id = ?", (mail_id,)
        ).fetchone()
    return attempts, sent_at is not None


@pytest.mark.slow
def test_the_real_worker_retries_until_the_mail_server_comes_up(tmp_path, mail_server):
    """`manage.py run_huey` with the development settings (the SQLite queue file of the embedded
    set-up) on an SQLite database of its own, which this test reads too; the mail server starts
    three seconds after the worker's first failed try, and a later try (1, 2, 4, 8 ... s apart
    with MAIL_RETRY_DELAY=1) delivers the mail."""
    from devtools.servers import ROOT, base_env, load_database, manage

    database_url = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    # The schema from the test suite's shared template (tests/core/test_live_real_server.py).
    load_database(
        base_env(
            DJANGO_SETTINGS_MODULE="config.settings.test", DATABASE_URL=database_url, REDIS_URL=""
        )
    )
    env = base_env(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
        REDIS_URL="",
        TASK_QUEUE_FILE=str(tmp_path / "tasks.sqlite3"),
        TASK_QUEUE_NAME="worker-test",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(mail_server.port),
        EMAIL_USE_TLS="false",
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
        MAIL_RETRY_DELAY="1",
    )
    database = tmp_path / "worker.sqlite3"
    mail_id = int(manage(env, "shell", "-c", QUEUE_ONE).split()[-1])
    with open(tmp_path / "worker.log", "w") as log:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "run_huey", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            # The worker has tried (and failed) at least once before the server starts.
            while _state(database, mail_id)[0] < 1:
                assert worker.poll() is None, (tmp_path / "worker.log").read_text()
                assert time.monotonic() < deadline, (tmp_path / "worker.log").read_text()
                time.sleep(0.1)
            time.sleep(3)
            mail_server.start()
            started = time.monotonic()
            while not mail_server.sink.messages and time.monotonic() < started + 15:
                assert worker.poll() is None, (tmp_path / "worker.log").read_text()
                time.sleep(0.1)
            waited = time.monotonic() - started
        finally:
            worker.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.wait(timeout=10)
            if worker.poll() is None:
                worker.kill()
    log_text = (tmp_path / "worker.log").read_text()
    assert [m["Subject"] for m in mail_server.sink.messages] == ["Fra arbejderen"], log_text
    assert waited < 15
    attempts, sent = _state(database, mail_id)
    assert sent
    assert attempts >= 3, log_text  # failed at least twice while the server was down
