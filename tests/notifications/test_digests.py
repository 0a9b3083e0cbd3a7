"""Summaries (notifications.services.digests_send): a day's after seven in the morning and a
week's after seven on Monday (Copenhagen time), each person's once per period however often or
however far the job runs, grouped by what the notices are about, only to verified addresses, in
the person's language, with a one-click unsubscribe (RFC 8058)."""

import pickle
from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend as LocmemBackend
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.html import escape

from accounts.models import Notification
from notifications import services
from notifications.models import DigestSent, EmailPreference, OutgoingMail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

CPH = ZoneInfo("Europe/Copenhagen")
UTC = ZoneInfo("UTC")
# Tuesday 10 November 2026, Monday 16 November 2026 (ISO week 47).
TUESDAY = datetime(2026, 11, 10, tzinfo=CPH)
MONDAY = datetime(2026, 11, 16, tzinfo=CPH)


def at(day: datetime, hour: int, minute: int = 0) -> datetime:
    return day.replace(hour=hour, minute=minute)


def notice(
    user,
    *,
    created_at: datetime,
    due: str = "daily",
    topic_title: str = "Cykelstier på Nørrebro",
    subject: str = "Nye kommentarer",
    kind: str = "debate_comments",
    count: int = 1,
) -> Notification:
    return Notification.objects.create(
        user=user,
        kind=kind,
        subject=subject,
        body="",
        link="https://example.org/da/dialog/cykelstier/",
        topic="page:abc",
        topic_title=topic_title,
        count=count,
        mail_due=due,
        created_at=created_at,
    )


def unsubscribe_path(message) -> str:
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<") and header.endswith(">")
    return urlsplit(header[1:-1]).path


# When summaries leave --------------------------------------------------------------------


def test_a_days_period_starts_at_seven_copenhagen_time():
    assert services.period_of("daily", at(TUESDAY, 6, 59)) == (
        "2026-11-09",
        at(TUESDAY, 7) - timedelta(days=1),
    )
    assert services.period_of("daily", at(TUESDAY, 7, 0)) == ("2026-11-10", at(TUESDAY, 7))
    assert services.period_of("daily", at(TUESDAY, 23, 59)) == ("2026-11-10", at(TUESDAY, 7))
    # Given in UTC: 06:30 UTC is 07:30 in Copenhagen in winter ...
    assert services.period_of("daily", datetime(2026, 11, 10, 6, 30, tzinfo=UTC))[0] == "2026-11-10"
    assert services.period_of("daily", datetime(2026, 11, 10, 5, 30, tzinfo=UTC))[0] == "2026-11-09"
    # ... and in summer 05:30 UTC is already 07:30.
    key, cutoff = services.period_of("daily", datetime(2026, 6, 10, 5, 30, tzinfo=UTC))
    assert key == "2026-06-10"
    assert cutoff == datetime(2026, 6, 10, 5, 0, tzinfo=UTC)


def test_a_weeks_period_starts_on_monday_at_seven():
    monday_seven = at(MONDAY, 7)
    assert services.period_of("weekly", at(MONDAY, 7, 1)) == ("2026-W47", monday_seven)
    assert services.period_of("weekly", at(MONDAY + timedelta(days=6), 23)) == (
        "2026-W47",
        monday_seven,
    )
    # Monday before seven still belongs to the week before.
    assert services.period_of("weekly", at(MONDAY, 6, 59)) == (
        "2026-W46",
        monday_seven - timedelta(days=7),
    )
    assert services.period_of("weekly", at(TUESDAY, 12))[0] == "2026-W46"


def test_the_daily_summary_leaves_after_seven_with_what_came_before_seven():
    user = UserFactory()
    evening = notice(user, created_at=at(TUESDAY, 20))
    wednesday = TUESDAY + timedelta(days=1)

    assert services.digests_send(now=at(wednesday, 6, 59)) == {"daily": 0, "weekly": 0}
    assert mail.outbox == []

    late = notice(user, created_at=at(wednesday, 7, 30), subject="Efter syv")
    assert services.digests_send(now=at(wednesday, 7, 5)) == {"daily": 1, "weekly": 0}
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert "Nye kommentarer" in message.body
    assert "Efter syv" not in message.body  # after seven: tomorrow's
    evening.refresh_from_db()
    late.refresh_from_db()
    assert evening.mailed_at is not None and late.mailed_at is None
    assert DigestSent.objects.get(user=user).period == "2026-11-11"

    # The hourly job runs again the same day: nothing more.
    assert services.digests_send(now=at(wednesday, 9, 7)) == {"daily": 0, "weekly": 0}
    assert len(mail.outbox) == 1

    # The next morning the late one leaves, alone.
    assert services.digests_send(now=at(wednesday + timedelta(days=1), 7, 7))["daily"] == 1
    assert len(mail.outbox) == 2
    assert "Efter syv" in mail.outbox[1].body and "Nye kommentarer" not in mail.outbox[1].body


def test_the_weekly_summary_leaves_on_monday_after_seven():
    user = UserFactory()
    notice(user, created_at=at(TUESDAY + timedelta(days=1), 12), due="weekly", kind="page_updated")
    for now in (at(TUESDAY, 23), at(MONDAY - timedelta(days=1), 12), at(MONDAY, 6, 30)):
        assert services.digests_send(now=now) == {"daily": 0, "weekly": 0}
    assert mail.outbox == []
    assert services.digests_send(now=at(MONDAY, 7, 7)) == {"daily": 0, "weekly": 1}
    assert DigestSent.objects.get(user=user).period == "2026-W47"
    assert services.digests_send(now=at(MONDAY + timedelta(days=3), 7, 7))["weekly"] == 0
    assert len(mail.outbox) == 1


def test_nothing_new_sends_nothing():
    told = UserFactory()
    mailed = notice(told, created_at=at(TUESDAY, 5), due="now")
    Notification.objects.filter(pk=mailed.pk).update(mailed_at=at(TUESDAY, 5, 1))
    summarised = notice(told, created_at=at(TUESDAY, 4))
    Notification.objects.filter(pk=summarised.pk).update(
        mailed_at=at(TUESDAY - timedelta(days=1), 7)
    )
    not_by_mail = UserFactory()
    notice(not_by_mail, created_at=at(TUESDAY, 5), due="")
    at_once = UserFactory()
    notice(at_once, created_at=at(TUESDAY, 5), due="now")
    assert services.digests_send(now=at(TUESDAY, 8)) == {"daily": 0, "weekly": 0}
    assert mail.outbox == []
    assert not DigestSent.objects.exists()


def test_a_second_run_in_the_same_period_sends_nothing_even_for_a_notice_written_late():
    user = UserFactory()
    notice(user, created_at=at(TUESDAY, 5))
    assert services.digests_send(now=at(TUESDAY, 7, 7))["daily"] == 1
    # A notice dated before seven but written after the run (a slow transaction, say).
    straggler = notice(user, created_at=at(TUESDAY, 6, 59), subject="Sent skrevet")
    assert services.digests_send(now=at(TUESDAY, 8, 7))["daily"] == 0
    assert len(mail.outbox) == 1
    straggler.refresh_from_db()
    assert straggler.mailed_at is None  # it waits for tomorrow's
    assert services.digests_send(now=at(TUESDAY + timedelta(days=1), 7, 7))["daily"] == 1
    assert "Sent skrevet" in mail.outbox[1].body


# A run that dies half-way ------------------------------------------------------------------


class BreaksAfterThree(LocmemBackend):
    """The mail backend dies (the process is killed, the disk is full) at the fourth message."""

    def send_messages(self, messages):
        if len(mail.outbox) >= 3:
            raise OSError("the run dies here")
        return super().send_messages(messages)


def test_a_run_that_dies_half_way_and_runs_again_sends_everyone_one_summary(settings):
    users = [UserFactory() for _ in range(6)]
    for user in users:
        notice(user, created_at=at(TUESDAY, 5))
        notice(user, created_at=at(TUESDAY, 6), topic_title="Affald")
    settings.EMAIL_BACKEND = f"{__name__}.BreaksAfterThree"
    with pytest.raises(OSError, match="the run dies here"):
        services.digests_send(now=at(TUESDAY, 7, 7))
    assert len(mail.outbox) == 3
    assert DigestSent.objects.count() == 3  # the fourth's record went with its failed mail
    assert Notification.objects.filter(mailed_at__isnull=False).count() == 6

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.digests_send(now=at(TUESDAY, 8, 7))["daily"] == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in users)
    assert services.digests_send(now=at(TUESDAY, 9, 7))["daily"] == 0
    assert len(mail.outbox) == 6
    assert not Notification.objects.filter(mailed_at__isnull=True).exists()


def test_a_summary_that_cannot_be_rendered_stops_the_run_and_the_rerun_sends_each_once(
    settings, monkeypatch
):
    """Through the outbox, as in production: the summary, its record and its notices marked
    mailed are one transaction, so the person it failed for is not counted as told."""
    settings.EMAIL_BACKEND = "notifications.outbox.QueuedEmailBackend"
    users = [UserFactory() for _ in range(5)]
    for user in users:
        notice(user, created_at=at(TUESDAY, 5))
    broken = users[2]
    render = services.render_message

    def render_or_fail(recipient, *args, **kwargs):
        if recipient.pk == broken.pk:
            raise ValueError("a template error for this person")
        return render(recipient, *args, **kwargs)

    monkeypatch.setattr(services, "render_message", render_or_fail)
    with pytest.raises(ValueError):
        services.digests_send(now=at(TUESDAY, 7, 7))
    assert OutgoingMail.objects.count() == 2
    assert not DigestSent.objects.filter(user=broken).exists()
    assert not Notification.objects.filter(user=broken, mailed_at__isnull=False).exists()

    monkeypatch.setattr(services, "render_message", render)
    assert services.digests_send(now=at(TUESDAY, 8, 7))["daily"] == 3
    recipients = [pickle.loads(row.message).to[0] for row in OutgoingMail.objects.all()]  # noqa: S301
    assert sorted(recipients) == sorted(u.email for u in users)


# What a summary says, and to whom ---------------------------------------------------------


def test_the_summary_groups_notices_by_what_they_are_about():
    user = UserFactory()
    notice(user, created_at=at(TUESDAY, 1), subject="Første om cykler", count=3)
    notice(user, created_at=at(TUESDAY, 2), subject="Om affald", topic_title="Affald")
    notice(user, created_at=at(TUESDAY, 3), subject="Anden om cykler")
    notice(user, created_at=at(TUESDAY, 4), subject="Uden emne", topic_title="")
    services.digests_send(now=at(TUESDAY, 7, 7))
    body = mail.outbox[0].body
    affald, cykler = body.index("== Affald =="), body.index("== Cykelstier på Nørrebro ==")
    assert affald < body.index("Om affald") < cykler
    # Newest first within a topic; the count of a collapsed notice is shown.
    assert cykler < body.index("Anden om cykler") < body.index("Første om cykler (3)")
    assert body.count("== Cykelstier på Nørrebro ==") == 1
    assert body.index("Første om cykler") < body.index("Uden emne")  # no topic: last
    assert "https://example.org/da/dialog/cykelstier/" in body


def test_a_summary_lists_a_hundred_notices_and_counts_the_rest():
    user = UserFactory()
    Notification.objects.bulk_create(
        Notification(
            user=user,
            kind="debate_comments",
            subject=f"Notits {n}",
            body="",
            topic_title="Cykler",
            mail_due="daily",
            created_at=at(TUESDAY, 5) - timedelta(minutes=n),
        )
        for n in range(103)
    )
    assert services.digests_send(now=at(TUESDAY, 7, 7))["daily"] == 1
    body = mail.outbox[0].body
    assert body.count("* Notits ") == 100
    assert "Notits 0\n" in body and "Notits 102" not in body  # the newest hundred
    with translation.override("da"):
        more = translation.ngettext(
            "And %(counter)s more notice: ", "And %(counter)s more notices: ", 3
        ) % {"counter": 3}
    assert more.strip() in body  # the three not listed, counted
    assert not Notification.objects.filter(mailed_at__isnull=True).exists()
    assert DigestSent.objects.get().notices == 103


def test_only_verified_addresses_get_a_summary():
    verified = UserFactory()
    unverified = UserFactory(verified=False)
    moved = UserFactory()  # verified an address, then changed the account's to an unverified one
    moved.email = "new-address@example.org"
    moved.save()
    inactive = UserFactory(is_active=False)
    for user in (verified, unverified, moved, inactive):
        notice(user, created_at=at(TUESDAY, 5))
    assert services.digests_send(now=at(TUESDAY, 7, 7))["daily"] == 1
    assert [m.to for m in mail.outbox] == [[verified.email]]
    # The others' notices no longer wait for a mail (they stay on the site).
    assert not Notification.objects.filter(mail_due="daily", mailed_at__isnull=True).exists()
    assert Notification.objects.filter(mail_due="").count() == 3
    assert not DigestSent.objects.exclude(user=verified).exists()

    # Once verified, the address gets the next one.
    EmailAddress.objects.filter(user=unverified).update(verified=True)
    notice(unverified, created_at=at(TUESDAY, 9))
    assert services.digests_send(now=at(TUESDAY + timedelta(days=1), 7, 7))["daily"] == 1
    assert mail.outbox[-1].to == [unverified.email]


def test_the_summary_is_in_the_recipients_language_with_one_click_unsubscribe_headers():
    danish = UserFactory(preferred_language="da")
    arabic = UserFactory(preferred_language="ar")
    for user in (danish, arabic):
        notice(user, created_at=at(TUESDAY, 5))
    services.digests_send(now=at(TUESDAY, 7, 7))
    by_address = {m.to[0]: m for m in mail.outbox}
    for user, prefix in ((danish, "/da/"), (arabic, "/ar/")):
        message = by_address[user.email]
        path = unsubscribe_path(message)
        assert path.startswith(f"{prefix}profil/varsler/afmeld/")
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert path in message.body
        assert f"{prefix}profil/varsler/indstillinger/" in message.body
        with translation.override(user.preferred_language):
            subject = translation.gettext("Your daily summary")
        assert message.subject.endswith(subject)


def test_queries_per_summary_are_constant(settings, monkeypatch):
    """Each summary costs the same few queries however many are sent; the run adds a fixed
    number around them (the recipients' ids, their accounts per 500)."""
    settings.EMAIL_BACKEND = "notifications.outbox.QueuedEmailBackend"
    per_digest: list[int] = []
    digest_send = services.digest_send

    def counted(**kwargs):
        with CaptureQueriesContext(connection) as queries:
            result = digest_send(**kwargs)
        per_digest.append(len(queries))
        return result

    monkeypatch.setattr(services, "digest_send", counted)
    figures = {}
    for size, day in ((10, TUESDAY), (50, TUESDAY + timedelta(days=1))):
        users = [UserFactory() for _ in range(size)]
        for user in users:
            for topic in ("Cykler", "Affald", "Budget"):
                notice(user, created_at=at(day, 5), topic_title=topic)
        per_digest.clear()
        with CaptureQueriesContext(connection) as run:
            sent = services.digests_send(now=at(day, 7, 7))
        assert sent["daily"] == size
        figures[size] = (set(per_digest), len(run) - sum(per_digest))
        Notification.objects.filter(user__in=users).update(mail_due="")  # out of the next run
    (ten, ten_overhead), (fifty, fifty_overhead) = figures[10], figures[50]
    assert ten == fifty and len(ten) == 1, figures  # the same for every summary
    assert next(iter(ten)) <= 12, figures
    assert ten_overhead == fifty_overhead, figures


# Unsubscribing ----------------------------------------------------------------------------


@pytest.fixture
def summary():
    user = UserFactory(preferred_language="ar")
    notice(user, created_at=at(TUESDAY, 5))
    services.digests_send(now=at(TUESDAY, 7, 7))
    return user, mail.outbox[0]


def test_one_click_unsubscribe_by_post_without_a_csrf_token(summary):
    user, message = summary
    later = notice(user, created_at=at(TUESDAY, 9))
    mail_client = Client(enforce_csrf_checks=True)  # a mail program: no cookie, no token
    response = mail_client.post(
        unsubscribe_path(message),
        data=message.extra_headers["List-Unsubscribe-Post"],
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert services.preferences(user)["debates"] == "never"
    assert services.preferences(user)["replies"] == "now"  # only what was summarised daily
    later.refresh_from_db()
    assert later.mail_due == ""  # the summary it was waiting for will not come
    assert services.digests_send(now=at(TUESDAY + timedelta(days=1), 7, 7))["daily"] == 0


def test_the_unsubscribe_link_opened_in_a_browser_asks_first(summary):
    user, message = summary
    response = Client().get(unsubscribe_path(message))
    assert response.status_code == 200
    assert b"<form" in response.content and b'method="post"' in response.content
    assert not EmailPreference.objects.filter(user=user).exists()
    assert services.preferences(user)["debates"] == "daily"


def test_a_tampered_unsubscribe_link_is_refused_with_a_message(summary):
    user, message = summary
    path = unsubscribe_path(message)
    token = path.rstrip("/").rsplit("/", 1)[1]
    tampered = path.replace(token, token[:-3] + ("abc" if token[-3:] != "abc" else "xyz"))
    for response in (
        Client().get(tampered),
        Client().post(tampered, {"List-Unsubscribe": "One-Click"}),
    ):
        assert response.status_code == 400
        with translation.override("ar"):
            expected = translation.gettext(
                "This link does not work. Change your e-mail settings on your profile instead."
            )
        assert escape(expected) in response.content.decode()
    assert not EmailPreference.objects.filter(user=user).exists()
