"""Notices and summaries at scale: a debate's followers told of new comments, and a morning's
daily summaries built, queued and delivered through the real mail path.

    .venv/bin/python bench/digests.py      # make bench-digests; needs PostgreSQL (Redis if up)

It makes a fresh PostgreSQL database (migrated, no demo content) and runs Django in this
process with the production settings, the mail server being a local SMTP sink (aiosmtpd, in a
process of its own, writing each recipient to a file). The task queue is huey on Redis when
Redis answers (as in production), else huey's SQLite queue in a temporary file.

(a) A debate with 2,000 followers (accounts with verified addresses, bulk-created) gets 100
    comments, each told through `notify_collapsed(followers(topic), kind="debate_comments")`
    by someone who does not follow it: the first makes a notice per follower, the others raise
    its count. Checked: exactly one notice per follower, each with the count of comments.
    Measured: time and queries of the first comment and of the others (each in its own
    transaction, with its after-commit work).

(b) 10,000 people each with unread daily notices about 3 topics. `digests_send(now=...)` builds
    every summary and puts it in the outbox (EMAIL_BACKEND = QueuedEmailBackend: an
    OutgoingMail row per summary, its delivery task queued after commit); then the worker's
    loop (dequeue and execute, as `manage.py run_huey` does, in --workers threads) delivers
    every message through Django's SMTP backend to the sink. The tables are ANALYZEd after
    the bulk load (part (a) runs on a new topic without statistics, as a new debate has them).
    Measured: build-and-queue time and
    queries per summary, delivery time; checked: 10,000 tasks, 10,000 rows sent, 10,000
    distinct recipients at the sink, and a second run sends nothing.

The machine may be shared: the figures are noisy.
"""

import argparse
import os
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from devtools import services  # noqa: E402
from devtools.servers import (  # noqa: E402
    PYTHON,
    drop_postgres_database,
    free_port,
    fresh_postgres_database,
    manage,
    production_env,
    wait_for_port,
)

PREFIX = "bdib_bench_digests_"
TOPIC = "page:bench-debate"
TOPICS = ("Cykelstier på Nørrebro", "Affald og genbrug", "Budget 2027")

SINK = """
import sys
from aiosmtpd.controller import Controller

out = open(sys.argv[1], "a", buffering=1)


class Sink:
    async def handle_DATA(self, server, session, envelope):
        for address in envelope.rcpt_tos:
            out.write(address + "\\n")
        return "250 OK"


controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[2]))
controller.start()
sys.stdin.read()  # until the benchmark closes it
controller.stop()
"""


class QueryCounter:
    """Counts the queries of the connection it is installed on (any number of them: Django's
    own query log keeps only the last 9,000)."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    def __call__(self, execute, sql, params, many, context):
        with self.lock:
            self.count += 1
        return execute(sql, params, many, context)


@contextmanager
def counting(counter: QueryCounter):
    from django.db import connection

    with connection.execute_wrapper(counter):
        yield


def make_people(prefix: str, count: int, language_every: int = 5) -> list[int]:
    """Accounts with verified addresses, bulk-created; every `language_every`th reads Arabic."""
    from allauth.account.models import EmailAddress

    from accounts.models import User

    users = [
        User(
            email=f"{prefix}{n}@bench.example",
            username=f"{prefix}{n}@bench.example",
            display_name=f"{prefix.title()} {n}",
            preferred_language="ar" if n % language_every == 0 else "da",
            password="!",
        )
        for n in range(count)
    ]
    users = User.objects.bulk_create(users, batch_size=2000)
    EmailAddress.objects.bulk_create(
        (EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users),
        batch_size=2000,
    )
    return [u.pk for u in users]


def notice_template() -> tuple[str, dict]:
    """The debate's own notice text once the dialogue app has it; until then the generic
    notice template, given what it reads."""
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    try:
        get_template("dialogue/notices/debate_comments_subject.txt")
        return "dialogue/notices/debate_comments", {"title": "Bench-debatten"}
    except TemplateDoesNotExist:
        notice = {"subject": "Nye kommentarer i Bench-debatten", "body": "", "count": 1}
        return "notifications/email/notice", {"notice": notice}


def bench_followers(followers_count: int, comments: int) -> dict:
    from django.db import transaction
    from django.db.models import Max, Min

    from accounts.models import Notification, User
    from notifications import services as notices
    from notifications.models import Follow

    ids = make_people("follower", followers_count)
    Follow.objects.bulk_create((Follow(user_id=pk, topic=TOPIC) for pk in ids), batch_size=2000)
    actor = User.objects.get(pk=make_people("commenter", 1)[0])
    template, context = notice_template()
    timings, queries = [], []
    for _comment in range(comments):
        counter = QueryCounter()
        started = time.perf_counter()
        with counting(counter), transaction.atomic():
            notices.notify_collapsed(
                notices.followers(TOPIC),
                kind="debate_comments",
                template=template,
                context=context,
                topic=TOPIC,
                link="/da/dialog/bench-debatten/",
                topic_title="Bench-debatten",
                actor=actor,
            )
        timings.append(time.perf_counter() - started)
        queries.append(counter.count)
    about = Notification.objects.filter(topic=TOPIC)
    figures = about.aggregate(low=Min("count"), high=Max("count"))
    per_person = about.values("user_id").distinct().count()
    assert about.count() == followers_count == per_person, (about.count(), per_person)
    assert figures["low"] == figures["high"] == comments, figures
    assert not about.filter(user=actor).exists()
    about.update(mail_due="", read_at=time_now())  # out of part (b)'s summaries
    return {
        "template": template,
        "first_s": timings[0],
        "first_queries": queries[0],
        "rest_ms": 1000 * sum(timings[1:]) / max(1, len(timings) - 1),
        "rest_queries": sorted(set(queries[1:])),
        "total_s": sum(timings),
    }


def time_now():
    from django.utils import timezone

    return timezone.now()


def bench_digests(people: int, workers: int, sink_file: Path) -> dict:
    from django.db import connection
    from huey.contrib.djhuey import HUEY

    from accounts.models import Notification
    from notifications import services as notices
    from notifications.models import DigestSent, OutgoingMail

    now = time_now()
    ids = make_people("reader", people)
    earlier = now - timedelta(days=2)  # before the period's cut-off, whenever this runs
    for start in range(0, len(ids), 2000):
        Notification.objects.bulk_create(
            Notification(
                user_id=pk,
                kind="debate_comments",
                subject=f"{n + 2} nye kommentarer",
                body="",
                link=f"https://bench.example/da/dialog/emne-{n}/",
                topic=f"page:bench-{n}",
                topic_title=title,
                count=n + 2,
                mail_due="daily",
                created_at=earlier,
            )
            for pk in ids[start : start + 2000]
            for n, title in enumerate(TOPICS)
        )
    with connection.cursor() as cursor:  # as autovacuum would have by the morning
        cursor.execute("ANALYZE")
    HUEY.flush()
    assert not HUEY.immediate

    counter = QueryCounter()
    started = time.perf_counter()
    with counting(counter):
        sent = notices.digests_send(now=now)
    build_s = time.perf_counter() - started
    assert sent["daily"] == people, sent
    queued = HUEY.pending_count()
    rows = OutgoingMail.objects.count()
    assert queued == rows == people, (queued, rows)

    delivery_counter = QueryCounter()
    executed = [0] * workers
    failures: list[BaseException] = []

    def worker(index: int) -> None:
        try:
            with counting(delivery_counter):
                while (task := HUEY.dequeue()) is not None:
                    HUEY.execute(task)
                    executed[index] += 1
        except BaseException as error:  # reported below
            failures.append(error)
        finally:
            connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(n,)) for n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    deliver_s = time.perf_counter() - started
    assert not failures, failures

    received = sink_file.read_text().splitlines()
    delivered = OutgoingMail.objects.filter(sent_at__isnull=False).count()
    rows_total = OutgoingMail.objects.count()
    second = notices.digests_send(now=now)
    second_run_outbox = OutgoingMail.objects.count() - rows
    return {
        "people": people,
        "build_s": build_s,
        "build_per_s": people / build_s,
        "queries_per_digest": counter.count / people,
        "queued": queued,
        "workers": workers,
        "executed": sum(executed),
        "deliver_s": deliver_s,
        "deliver_per_s": people / deliver_s,
        "delivery_queries_per_mail": delivery_counter.count / max(1, sum(executed)),
        "rows_sent": delivered,
        "rows": rows_total,
        "received": len(received),
        "distinct_received": len(set(received)),
        "digest_records": DigestSent.objects.count(),
        "second_run": second,
        "second_run_outbox": second_run_outbox,
        "left_in_queue": HUEY.pending_count() + HUEY.scheduled_count(),
    }


def report(a: dict, b: dict) -> None:
    print()
    print(f"(a) a debate's followers told of comments (template {a['template']})")
    print(
        f"    first comment: {a['first_s'] * 1000:.0f} ms, {a['first_queries']} queries "
        f"(a notice for each follower)"
    )
    print(
        f"    each further comment: {a['rest_ms']:.1f} ms, queries {a['rest_queries']} "
        f"(the count raised); all comments {a['total_s']:.2f} s; one notice per follower, "
        f"count = comments: ok"
    )
    print(f"(b) {b['people']:,} daily summaries")
    print(
        f"    build and queue: {b['build_s']:.1f} s, {b['build_per_s']:.0f} summaries/s, "
        f"{b['queries_per_digest']:.2f} queries per summary; {b['queued']:,} delivery tasks"
    )
    print(
        f"    delivery ({b['workers']} worker threads, SMTP to the sink): {b['deliver_s']:.1f} s, "
        f"{b['deliver_per_s']:.0f} mails/s, {b['delivery_queries_per_mail']:.2f} queries per "
        f"mail; {b['executed']:,} tasks run"
    )
    print(
        f"    outbox rows sent: {b['rows_sent']:,} of {b['rows']:,}; received by the sink: "
        f"{b['received']:,} ({b['distinct_received']:,} distinct recipients); summaries "
        f"recorded: {b['digest_records']:,}"
    )
    print(
        f"    second run: {b['second_run']}, {b['second_run_outbox']} new outbox rows; "
        f"tasks left: {b['left_in_queue']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--followers", type=int, default=2000)
    parser.add_argument("--comments", type=int, default=100)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2, help="delivery threads (production: 2)")
    args = parser.parse_args()

    if not services.postgres_available():
        sys.exit(f"PostgreSQL is needed: {services.postgres_url()} does not answer.")
    folder = Path(tempfile.mkdtemp(prefix="bdib-bench-digests-"))
    sink_file = folder / "received.txt"
    sink_file.touch()
    port = free_port()
    redis_url = services.redis_url() if services.redis_available() else ""
    database_url = fresh_postgres_database(services.postgres_url(), PREFIX)
    env = production_env(
        database_url,
        redis_url,
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_ALLOW_NO_REDIS="1",
        TASK_QUEUE_FILE=str(folder / "tasks.sqlite3"),
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(port),
        EMAIL_USE_TLS="false",
        EMAIL_HOST_USER="",
        EMAIL_HOST_PASSWORD="",
    )
    print(
        f"database: {database_url.rsplit('/', 1)[1]} (PostgreSQL, fresh), task queue: "
        f"{'Redis ' + redis_url if redis_url else 'SQLite file'}, SMTP sink on port {port}",
        flush=True,
    )
    sink = subprocess_sink(sink_file, port)
    try:
        wait_for_port(port, 15, sink)
        print("migrating ...", flush=True)
        manage(env, "migrate", "--noinput", timeout=900)
        os.environ.update(env)
        import django

        django.setup()
        from django.conf import settings

        assert settings.EMAIL_BACKEND == "notifications.outbox.QueuedEmailBackend"
        assert settings.MAIL_DELIVERY_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
        print(f"(a) {args.followers:,} followers, {args.comments} comments ...", flush=True)
        followers = bench_followers(args.followers, args.comments)
        print(f"(b) {args.people:,} people with daily notices in 3 topics ...", flush=True)
        digests = bench_digests(args.people, args.workers, sink_file)
        report(followers, digests)
        ok = (
            digests["received"] == digests["distinct_received"] == args.people
            and digests["rows_sent"] == args.people
            and digests["second_run"] == {"daily": 0, "weekly": 0}
            and digests["second_run_outbox"] == 0
            and digests["left_in_queue"] == 0
        )
        if redis_url:
            from huey.contrib.djhuey import HUEY

            HUEY.flush()
    finally:
        if "django" in sys.modules:
            from django.db import connections

            connections.close_all()
        drop_postgres_database(services.postgres_url(), database_url)
        sink.stdin.close()
        try:
            sink.wait(timeout=10)
        except Exception:
            sink.kill()
    if not ok:
        sys.exit("FAILED: the summaries did not all arrive exactly once (see above)")


def subprocess_sink(sink_file: Path, port: int):
    import subprocess

    return subprocess.Popen(
        [PYTHON, "-c", SINK, str(sink_file), str(port)], stdin=subprocess.PIPE, cwd=ROOT
    )


if __name__ == "__main__":
    main()
