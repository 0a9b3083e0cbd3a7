"""The notices page, e-mail settings, what I follow and the follow form, as a person uses them
without JavaScript; the data export and the deletion of an account."""

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from accounts.services import user_delete, user_export
from notifications import outbox, services, topics
from notifications.models import EmailPreference, Follow, OutgoingMail
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def test_topics(monkeypatch):
    """A kind of topic of the tests' own: `test:<n>` exists for n < 100."""

    def describe(found):
        return {
            topic: topics.Topic(topic, f"Emne {topic[5:]}", f"/da/emne/{topic[5:]}/", "emne")
            for topic in found
            if topic[5:].isdigit() and int(topic[5:]) < 100
        }

    monkeypatch.setitem(topics._describers, "test", describe)


def notice(user, subject="Et svar", **fields):
    return Notification.objects.create(user=user, kind="reply", subject=subject, body="…", **fields)


def test_the_list_shows_unread_first_and_marks_read_one_or_all(client):
    user = UserFactory()
    old = notice(user, "Gammel", read_at="2026-01-01T00:00Z")
    new = notice(user, "Ny")
    client.force_login(user)
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.index("Ny") < page.index("Gammel")
    assert 'data-unread="1"' in page  # the header's count

    response = client.post(reverse("notifications:list"), {"id": new.pk, "next": "/da/"})
    assert response.status_code == 302 and response["Location"] == "/da/"
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.read_at is not None

    notice(user, "Tredje")
    notice(user, "Fjerde")
    client.post(reverse("notifications:list"))
    assert not Notification.objects.filter(user=user, read_at__isnull=True).exists()


def test_a_bad_id_or_an_outside_next_is_ignored_not_an_error(client):
    user = UserFactory()
    notice(user)
    client.force_login(user)
    response = client.post(
        reverse("notifications:list"), {"id": "x", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("notifications:list")
    assert Notification.objects.filter(user=user, read_at__isnull=True).count() == 1


def test_one_person_never_sees_or_marks_anothers_notices(client):
    owner, other = UserFactory(), UserFactory()
    theirs = notice(owner, "Hemmeligt svar")
    client.force_login(other)
    assert "Hemmeligt svar" not in client.get(reverse("notifications:list")).content.decode()
    client.post(reverse("notifications:list"), {"id": theirs.pk})
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_pages_need_a_login(client):
    for name in ("list", "settings", "following"):
        response = client.get(reverse(f"notifications:{name}"))
        assert response.status_code == 302 and "/konto/login/" in response["Location"]


def test_email_settings_are_saved_per_group_and_a_bad_choice_is_a_400_that_keeps_the_rest(
    client,
):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("notifications:settings"))
    assert page.status_code == 200
    data = {f"group_{g}": "weekly" for g in services.preferences(user)}
    data["group_replies"] = "never"
    response = client.post(reverse("notifications:settings"), data)
    assert response.status_code == 302
    assert services.preferences(user)["replies"] == "never"
    assert services.preferences(user)["events"] == "weekly"
    user.refresh_from_db()
    assert user.follow_debates_i_comment is False  # the box was not ticked

    data["group_events"] = "hourly"
    data["follow_debates_i_comment"] = "on"
    response = client.post(reverse("notifications:settings"), data)
    assert response.status_code == 400
    body = response.content.decode()
    assert 'role="alert"' in body
    # What the person chose is still chosen on the page that came back.
    assert re.search(r'name="group_replies" value="never"[^>]*checked', body)
    assert EmailPreference.objects.get(user=user, group="events").frequency == "weekly"


def test_follow_and_unfollow_without_javascript(client, test_topics):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("notifications:follow"),
        {"topic": "test:7", "action": "follow", "next": "/da/emne/7/"},
    )
    assert response.status_code == 302 and response["Location"] == "/da/emne/7/"
    assert Follow.objects.filter(user=user, topic="test:7").exists()
    client.post(reverse("notifications:follow"), {"topic": "test:7", "action": "follow"})
    assert Follow.objects.filter(user=user).count() == 1  # twice is once

    page = client.get(reverse("notifications:following")).content.decode()
    assert "Emne 7" in page and 'href="/da/emne/7/"' in page

    client.post(reverse("notifications:following"), {"topic": "test:7"})
    assert not Follow.objects.filter(user=user).exists()


def test_an_unknown_topic_is_a_message_not_a_row_or_a_500(client, test_topics):
    user = UserFactory()
    client.force_login(user)
    for topic in ("test:1000", "nothing:1", "", "x" * 500):
        response = client.post(
            reverse("notifications:follow"), {"topic": topic, "action": "follow"}, follow=True
        )
        assert response.status_code == 200
        assert "Det kan ikke følges" in response.content.decode()  # the Danish site says why
    assert not Follow.objects.exists()


def test_the_follow_form_leads_anonymous_readers_to_log_in_and_get_back(client, test_topics):
    response = client.post(
        reverse("notifications:follow"), {"topic": "test:7", "next": "/da/emne/7/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "/da/emne/7/" in response["Location"]
    assert client.get(reverse("notifications:follow")).status_code == 302  # GET: back, not 405


def test_a_followed_topic_that_is_gone_can_still_be_unfollowed(client, test_topics):
    user = UserFactory()
    Follow.objects.create(user=user, topic="test:500")
    client.force_login(user)
    page = client.get(reverse("notifications:following")).content.decode()
    assert "Findes ikke længere på siden" in page
    client.post(reverse("notifications:following"), {"topic": "test:500"})
    assert not Follow.objects.exists()


def test_the_data_export_holds_notices_follows_and_settings(test_topics):
    user = UserFactory()
    notice(user, "Et svar til dig", topic="test:3", topic_title="Emne 3")
    Follow.objects.create(user=user, topic="test:3")
    EmailPreference.objects.create(user=user, group="replies", frequency="daily")
    data = json.loads(user_export(user=user))
    assert data["notifications"][0]["subject"] == "Et svar til dig"
    assert data["notifications"][0]["topic_title"] == "Emne 3"
    section = data["follows_and_email_settings"]
    assert [f["topic"] for f in section["follows"]] == ["test:3"]
    assert section["email_settings"]["replies"] == "daily"


def test_deleting_the_account_deletes_its_follows_notices_and_waiting_mail(
    django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "notifications.outbox.QueuedEmailBackend"
    user, other = UserFactory(email="goes@example.org"), UserFactory(email="stays@example.org")
    notice(user)
    Follow.objects.create(user=user, topic="test:3")
    EmailPreference.objects.create(user=user, group="replies", frequency="daily")
    mail.send_mail("Til dig", "…", None, ["Goes@example.org"])
    mail.send_mail("Til en anden", "…", None, ["stays@example.org"])
    assert OutgoingMail.objects.count() == 2
    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=user)
    assert not Follow.objects.exists() and not Notification.objects.exists()
    assert not EmailPreference.objects.exists()
    assert list(OutgoingMail.objects.values_list("subject", flat=True)) == ["Til en anden"]
    assert outbox.forget("") == 0
    assert other.pk


def test_the_nightly_clean_up_deletes_old_read_notices_and_summary_records_only():
    from datetime import timedelta

    from django.utils import timezone

    from notifications.models import DigestSent
    from notifications.tasks import clean_up

    user = UserFactory()
    long_ago = timezone.now() - timedelta(days=400)
    old_read = notice(user, "Gammel, læst", read_at=long_ago)
    old_unread = notice(user, "Gammel, ulæst")
    Notification.objects.filter(pk__in=[old_read.pk, old_unread.pk]).update(created_at=long_ago)
    fresh_read = notice(user, "Ny, læst", read_at=timezone.now())
    DigestSent.objects.create(
        user=user, frequency="daily", period="2025-01-01", notices=1, sent_at=long_ago
    )
    DigestSent.objects.create(user=user, frequency="daily", period="2026-11-30", notices=1)

    assert clean_up.call_local() == {"notices": 1, "summaries": 1}
    assert set(Notification.objects.values_list("pk", flat=True)) == {old_unread.pk, fresh_read.pk}
    assert list(DigestSent.objects.values_list("period", flat=True)) == ["2026-11-30"]


def test_a_notice_in_another_language_than_the_page_says_so(client):
    """WCAG 3.1.2: a Danish notice on the Arabic notices page is marked Danish (and left to
    right); an Arabic one is not marked again."""
    user = UserFactory(preferred_language="ar")
    notice(user, "Nyt svar på din kommentar", language="da")
    notice(user, "رد جديد", language="ar")
    client.force_login(user)
    page = client.get("/ar/profil/varsler/").content.decode()
    assert '<span lang="da" dir="ltr">Nyt svar på din kommentar</span>' in page
    assert "<span>رد جديد</span>" in page


def test_notify_records_the_language_each_notice_is_written_in(test_topics):
    from notifications.services import notify

    danish, arabic = UserFactory(preferred_language=""), UserFactory(preferred_language="ar")
    created = notify(
        [danish, arabic],
        kind="page_updated",
        template="accountability/notices/page_updated",
        context={"title": "Plan", "changes": 1},
    )
    assert {n.user_id: n.language for n in created} == {danish.pk: "da", arabic.pk: "ar"}
