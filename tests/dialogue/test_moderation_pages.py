"""What readers and authors see of moderation on the public site: the report form over HTTP,
placeholders, pre-moderation and word-list visibility, notices on the profile and in the header,
and the data export."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from dialogue import services
from dialogue.models import CommentStatus, DebateState, ModerationSettings, Report
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def debate():
    return make_debate()


@pytest.fixture
def comment(debate):
    return services.comment_create(user=UserFactory(), debate=debate, body="Et godt indlæg")[0]


def english(url: str) -> str:
    return url.replace("/da/", "/en/", 1)


def report_url(comment):
    return f"/da/dialog/kommentar/{comment.pk}/rapporter/"


def test_readers_see_a_report_form_per_comment_but_not_on_their_own(client, comment):
    client.force_login(UserFactory())
    page = client.get(comment.debate.url).content.decode()
    assert report_url(comment) in page
    assert 'name="reason"' in page and "<legend>" in page
    client.force_login(comment.author)
    assert report_url(comment) not in client.get(comment.debate.url).content.decode()


def test_anonymous_and_blocked_readers_get_no_report_form(client, comment):
    assert report_url(comment) not in client.get(comment.debate.url).content.decode()
    client.force_login(UserFactory(blocked_until=timezone.now() + timedelta(days=1)))
    assert report_url(comment) not in client.get(comment.debate.url).content.decode()


def test_a_resident_reports_over_http(client, comment):
    reader = UserFactory()
    client.force_login(reader)
    response = client.post(report_url(comment), {"reason": "offensive", "text": ""})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert Report.objects.get().reporter == reader


def test_a_second_report_is_refused_with_409_and_the_text_kept(client, comment):
    client.force_login(UserFactory())
    client.post(report_url(comment), {"reason": "spam"})
    response = client.post(report_url(comment), {"reason": "other", "text": "mine ord"})
    assert response.status_code == 409
    assert "mine ord" in response.content.decode()
    assert Report.objects.count() == 1


def test_other_without_text_comes_back_with_400(client, comment):
    client.force_login(UserFactory())
    response = client.post(report_url(comment), {"reason": "other", "text": ""})
    assert response.status_code == 400
    assert not Report.objects.exists()
    assert client.post(report_url(comment), {"reason": "nonsense"}).status_code == 400


@pytest.mark.parametrize("who", ["anonymous", "author", "blocked", "unverified"])
def test_people_who_may_not_report_are_refused(client, comment, who):
    users = {
        "author": lambda: comment.author,
        "blocked": lambda: UserFactory(blocked_until=timezone.now() + timedelta(days=1)),
        "unverified": lambda: UserFactory(verified=False),
    }
    if who != "anonymous":
        client.force_login(users[who]())
    response = client.post(report_url(comment), {"reason": "spam"})
    assert response.status_code == 403
    assert not Report.objects.exists()


def test_the_report_page_works_without_javascript(client, comment):
    client.force_login(UserFactory())
    response = client.get(report_url(comment))
    assert response.status_code == 200
    assert "Et godt indlæg" in response.content.decode()


def server_rendered(response) -> str:
    """The page without its <template> for live comments, which holds every placeholder."""
    return response.content.decode().split('<template id="comment-template">')[0]


def test_a_held_comment_shows_hidden_pending_review_to_readers(client, comment):
    site = Site.objects.get(is_default_site=True)
    ModerationSettings.objects.update_or_create(site=site, defaults={"report_threshold": 1})
    services.report_create(user=UserFactory(), comment=comment, reason="spam")
    page = server_rendered(client.get(english(comment.debate.url)))
    assert "Et godt indlæg" not in page
    assert "Hidden pending review" in page


def test_a_hidden_comment_shows_the_reason_to_readers(client, comment):
    services.comment_hide(moderator=moderator(), comment=comment, reason="off_topic")
    page = server_rendered(client.get(english(comment.debate.url)))
    assert "Et godt indlæg" not in page
    assert "Hidden by the moderators: off topic." in page


def test_a_removed_comment_shows_personal_data_as_the_reason(client, comment):
    services.comment_remove(moderator=moderator(), comment=comment)
    page = server_rendered(client.get(english(comment.debate.url)))
    assert "Hidden by the moderators: personal data." in page


def test_premoderated_comments_are_seen_only_by_their_author_until_approved(client):
    debate = make_debate(state=DebateState.PREMODERATED)
    author = UserFactory()
    comment = services.comment_create(user=author, debate=debate, body="Min mening")[0]
    assert "Min mening" not in client.get(debate.url).content.decode()
    client.force_login(UserFactory())
    assert "Min mening" not in client.get(debate.url).content.decode()
    client.force_login(author)
    page = server_rendered(client.get(english(debate.url)))
    assert "Min mening" in page and "Awaiting moderation" in page
    services.comment_approve(moderator=moderator(), comment=comment)
    client.logout()
    assert "Min mening" in client.get(debate.url).content.decode()


def test_a_word_list_hit_over_http_tells_the_author_it_awaits_moderation(client, debate):
    site = Site.objects.get(is_default_site=True)
    ModerationSettings.objects.update_or_create(site=site, defaults={"word_list": "fjols"})
    author = UserFactory()
    client.force_login(author)
    response = client.post(
        english(f"/da/dialog/{debate.pk}/kommenter/"), {"body": "Sikke et Fjols"}, follow=True
    )
    assert response.status_code == 200
    assert "shown when a moderator has read it" in response.content.decode()
    client.logout()
    assert "Sikke et Fjols" not in client.get(debate.url).content.decode()


def test_the_author_sees_the_notice_on_the_profile_and_a_count_in_the_header(client, comment):
    comment.author.preferred_language = "en"
    comment.author.save()
    services.comment_hide(
        moderator=moderator(), comment=comment, reason="spam", note="Reklame for ure"
    )
    client.force_login(comment.author)
    front = client.get("/en/").content.decode()
    assert 'data-unread="1"' in front and "new notice" in front
    profile = client.get("/en/profil/").content.decode()
    assert "The moderators have hidden your comment" in profile
    assert "Reklame for ure" in profile
    assert "moderation@blanddigibyen.kk.dk" in profile
    client.post(reverse("notifications:list"))  # "mark all as read" on the notices page
    assert 'data-unread="0"' in client.get("/en/").content.decode()


def test_blocked_people_still_read_and_download_and_see_why(client, comment):
    author = comment.author
    services.author_block(moderator=moderator(), user=author, days=None, reason="Chikane")
    client.force_login(author)
    assert client.get(comment.debate.url).status_code == 200
    profile = client.get("/en/profil/").content.decode()
    assert "You cannot write in debates any more" in profile
    export = client.post("/en/profil/data/")
    assert export.status_code == 200
    data = json.loads(export.content)
    assert data["dialogue"]["comments"][0]["body"] == "Et godt indlæg"
    assert any("Chikane" in n["body"] for n in data["notifications"])


def test_the_export_holds_a_readers_reports(client, comment):
    reader = UserFactory()
    services.report_create(user=reader, comment=comment, reason="other", text="Usandt")
    client.force_login(reader)
    data = json.loads(client.post("/en/profil/data/").content)
    assert data["dialogue"]["reports"][0]["text"] == "Usandt"


def test_blocked_people_cannot_react_or_report_over_http(client, comment):
    client.force_login(UserFactory(blocked_until=timezone.now() + timedelta(days=1)))
    assert client.post(report_url(comment), {"reason": "spam"}).status_code == 403
    react = client.post(f"/da/dialog/kommentar/{comment.pk}/reaktion/", {"value": "agree"})
    assert react.status_code == 403
    comment.refresh_from_db()
    assert comment.agree_count == 0 and comment.status == CommentStatus.PUBLISHED


def test_a_blocked_author_can_still_delete_their_account_and_the_record_stays(client, comment):
    author = comment.author
    services.report_create(user=author, comment=_other_comment(comment), reason="spam")
    services.comment_hide(moderator=moderator(), comment=comment, reason="spam")
    services.author_block(moderator=moderator(), user=author, days=30, reason="Spam")
    client.force_login(author)
    response = client.post("/en/profil/slet/", {"confirm": "on"})
    assert response.status_code == 302
    from accounts.models import User
    from dialogue.models import ModerationLogEntry

    assert not User.objects.filter(pk=author.pk).exists()
    assert ModerationLogEntry.objects.count() == 2
    assert not ModerationLogEntry.objects.filter(target_user__isnull=False).exists()
    comment.refresh_from_db()
    assert comment.author is None and comment.status == CommentStatus.HIDDEN


def _other_comment(comment):
    return services.comment_create(user=UserFactory(), debate=comment.debate, body="Andet")[0]


def test_a_blocked_person_can_still_log_in(client, comment):
    author = comment.author
    services.author_block(moderator=moderator(), user=author, days=7, reason="Spam")
    response = client.post(
        "/en/konto/login/", {"login": author.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert client.get("/en/profil/").status_code == 200
