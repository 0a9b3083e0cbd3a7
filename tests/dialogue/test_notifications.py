"""Following a debate and hearing of it: a reply to one's comment, new comments in a followed
debate, the debate closed with its conclusion, the moderators' notices, and the follow button
on the debate page. Each from the resident's action to the notice in the recipient's language
and the mail in the outbox (huey runs its tasks at once in the tests)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Notification
from dialogue import services
from dialogue.models import DebateState
from notifications.models import EmailPreference, Follow, Frequency
from notifications.services import mark_read
from notifications.topics import page_topic
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory, moderator

pytestmark = pytest.mark.django_db

SITE = "http://testserver.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def post(user, debate, body="Et godt punkt", parent=None):
    return services.comment_create(
        user=user, debate=debate, body=body, parent_id=parent.pk if parent else None
    )[0]


def follow(user, debate):
    Follow.objects.create(user=user, topic=page_topic(debate))


def notices(kind=None, **filters):
    found = Notification.objects.filter(**filters)
    return found.filter(kind=kind) if kind else found


# Replies ----------------------------------------------------------------------------------


def test_a_reply_tells_the_parents_author_in_their_language_on_the_site_and_by_mail(
    debate, on_commit
):
    parent_author = UserFactory(preferred_language="ar")
    replier = UserFactory(display_name="Amina")
    with on_commit():
        parent = post(parent_author, debate)
    with on_commit():
        reply = post(replier, debate, body="Jeg er enig med dig", parent=parent)
    notice = Notification.objects.get(user=parent_author)
    assert notice.kind == "reply" and notice.count == 1
    assert notice.topic == page_topic(debate) and notice.topic_title == debate.title
    # Written in Arabic: the link leads to the debate under /ar/ (core/locales.py).
    path = debate.url.replace("/da/", "/ar/", 1)
    assert notice.link == f"{SITE}{path}#comment-{reply.pk}"
    assert "Amina" in notice.body and "Jeg er enig med dig" in notice.body
    assert debate.title in notice.body
    # The reply notice only: not a second one about a new comment in the debate they follow.
    assert not notices("debate_comments", user=parent_author).exists()
    # Replies are mailed at once by default.
    assert [m.to for m in mail.outbox] == [[parent_author.email]]
    assert notice.link in mail.outbox[0].body
    notice.refresh_from_db()
    assert notice.mailed_at is not None
    # The one who replied hears nothing of their own comment.
    assert not notices(user=replier).exists()


def test_the_notice_is_written_in_each_readers_language(debate, on_commit):
    arabic, english = UserFactory(preferred_language="ar"), UserFactory(preferred_language="en")
    follow(arabic, debate)
    follow(english, debate)
    with on_commit():
        post(UserFactory(), debate)
    links = dict(notices("debate_comments").values_list("user_id", "link"))
    assert "/ar/" in links[arabic.pk] and "/en/" in links[english.pk]


def test_replying_to_ones_own_comment_tells_nobody(debate, on_commit):
    author = UserFactory()
    with on_commit():
        parent = post(author, debate)
        post(author, debate, body="Og en ting til", parent=parent)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_a_blocked_authors_reply_tells_nobody(on_commit):
    debate = make_debate(state=DebateState.PREMODERATED)
    parent_author, follower, author = UserFactory(), UserFactory(), UserFactory()
    follow(follower, debate)
    with on_commit():
        parent = post(parent_author, debate)
        services.comment_approve(moderator=moderator(), comment=parent)
    Notification.objects.all().delete()
    with on_commit():
        reply = post(author, debate, body="Noget grimt", parent=parent)
        # Blocked while the reply waited in the queue; a moderator then lets it through.
        services.author_block(moderator=moderator(), user=author, days=7, reason="Chikane")
        services.comment_approve(moderator=moderator(), comment=reply)
    assert set(Notification.objects.values_list("user_id", "kind")) == {
        (author.pk, "author_blocked")
    }


def test_a_held_comment_tells_nobody_until_a_moderator_approves_it(on_commit):
    debate = make_debate(state=DebateState.PREMODERATED)
    follower, author = UserFactory(), UserFactory()
    follow(follower, debate)
    with on_commit():
        comment = post(author, debate)
    assert not Notification.objects.exists()
    with on_commit():
        services.comment_approve(moderator=moderator(), comment=comment)
    notice = Notification.objects.get()
    assert (notice.user, notice.kind) == (follower, "debate_comments")
    assert notice.link.endswith(f"#comment-{comment.pk}")


def test_a_comment_hidden_before_it_was_approved_tells_nobody(on_commit):
    debate = make_debate(state=DebateState.PREMODERATED)
    follow(UserFactory(), debate)
    with on_commit():
        comment = post(UserFactory(), debate)
        services.comment_hide(moderator=moderator(), comment=comment, reason="spam")
    assert set(Notification.objects.values_list("kind", flat=True)) == {"comment_hidden"}


def test_a_restored_comment_is_not_news_again(debate, on_commit):
    follower = UserFactory()
    follow(follower, debate)
    with on_commit():
        comment = post(UserFactory(), debate)
    mark_read(user=follower)
    with on_commit():
        services.comment_hide(moderator=moderator(), comment=comment, reason="spam")
        services.comment_restore(moderator=moderator(), comment=comment)
    assert notices("debate_comments", user=follower, read_at__isnull=True).count() == 0


# New comments in a followed debate ----------------------------------------------------------


def test_a_second_comment_raises_the_count_of_the_unread_notice(debate, on_commit):
    follower = UserFactory()
    follow(follower, debate)
    with on_commit():
        post(UserFactory(), debate)
    with on_commit():
        post(UserFactory(), debate, body="Også mig")
    notice = Notification.objects.get(user=follower)
    assert (notice.kind, notice.count) == ("debate_comments", 2)
    assert notice.mail_due == Frequency.DAILY and mail.outbox == []  # in the daily summary
    mark_read(user=follower)
    with on_commit():
        post(UserFactory(), debate, body="Og mig")
    assert notices("debate_comments", user=follower).count() == 2  # read: a new one


def test_commenting_follows_the_debate(debate, on_commit):
    author, reader = UserFactory(), UserFactory()
    with on_commit():
        post(author, debate)
    assert Follow.objects.filter(user=author, topic=page_topic(debate)).exists()
    with on_commit():
        post(reader, debate)
        post(author, debate, body="Igen")  # following already: still one row
    assert Follow.objects.filter(user=author).count() == 1
    assert notices("debate_comments", user=author).get().count == 1  # the reader's comment


def test_commenting_does_not_follow_when_the_person_turned_it_off(debate, on_commit):
    author = UserFactory(follow_debates_i_comment=False)
    with on_commit():
        post(author, debate)
        post(UserFactory(), debate)
    assert not Follow.objects.filter(user=author).exists()
    assert not notices(user=author).exists()


def test_a_pending_comment_follows_the_debate_too():
    debate = make_debate(state=DebateState.PREMODERATED)
    author = UserFactory()
    post(author, debate)
    assert Follow.objects.filter(user=author, topic=page_topic(debate)).exists()


def test_followers_who_left_or_were_deactivated_hear_nothing(debate, on_commit):
    gone = UserFactory()
    follow(gone, debate)
    gone.is_active = False
    gone.save()
    with on_commit():
        post(UserFactory(), debate)
    assert not Notification.objects.exists()


def queries_for_a_comment(on_commit, followers: int, parent_author) -> int:
    debate = make_debate()
    parent = post(parent_author, debate)
    Follow.objects.bulk_create(
        Follow(user=UserFactory(), topic=page_topic(debate)) for _ in range(followers)
    )
    author = UserFactory()
    with CaptureQueriesContext(connection) as context, on_commit():
        post(author, debate, parent=parent)
    assert notices("debate_comments", topic=page_topic(debate)).count() == followers
    assert notices("reply", topic=page_topic(debate)).count() == 1
    return len(context.captured_queries)


def test_a_comment_costs_the_same_queries_for_2_and_50_followers(on_commit):
    parent_author = UserFactory()
    # What every later comment reuses (the site's root, the locales) is read first.
    queries_for_a_comment(on_commit, 1, parent_author)
    few = queries_for_a_comment(on_commit, 2, parent_author)
    many = queries_for_a_comment(on_commit, 50, parent_author)
    assert few == many, (few, many)


def test_a_failure_to_notify_never_fails_the_comment(debate, on_commit, monkeypatch, caplog):
    from dialogue.services import following

    def broken(*args, **kwargs):
        raise RuntimeError("the notices are away")

    monkeypatch.setattr(following, "notify_collapsed", broken)
    follow(UserFactory(), debate)
    with on_commit():
        comment = post(UserFactory(), debate)
    comment.refresh_from_db()
    assert comment.is_published
    assert not Notification.objects.exists()
    assert "could not tell people of" in caplog.text


# A debate closed ------------------------------------------------------------------------------


def test_closing_a_debate_tells_its_followers_with_the_conclusion(debate, on_commit):
    follower, arabic = UserFactory(), UserFactory(preferred_language="ar")
    follow(follower, debate)
    follow(arabic, debate)
    conclusion = "Tak for jeres input. Forvaltningen går videre med forslaget om lektiecaféer."
    with on_commit():
        services.debate_set_state(
            user=moderator(), debate=debate, state=DebateState.CLOSED, conclusion=conclusion
        )
    notice = Notification.objects.get(user=follower)
    assert notice.kind == "debate_closed" and conclusion in notice.body
    assert notice.link == f"{SITE}{debate.url}"
    assert "/ar/" in Notification.objects.get(user=arabic).link
    assert sorted(m.to[0] for m in mail.outbox) == sorted([follower.email, arabic.email])
    assert conclusion in mail.outbox[0].body
    # Closed again while closed, or closed again the same day: nobody is told twice.
    with on_commit():
        mod = moderator()
        services.debate_set_state(
            user=mod, debate=debate, state=DebateState.CLOSED, conclusion="Rettet"
        )
        services.debate_set_state(user=mod, debate=debate, state=DebateState.OPEN)
        services.debate_set_state(
            user=mod, debate=debate, state=DebateState.CLOSED, conclusion="Igen"
        )
    assert notices("debate_closed").count() == 2


def test_a_long_conclusion_is_shortened_in_the_notice(debate, on_commit):
    follow(UserFactory(), debate)
    with on_commit():
        services.debate_set_state(
            user=moderator(), debate=debate, state=DebateState.CLOSED, conclusion="ord " * 400
        )
    assert len(Notification.objects.get().body) < 800


def test_an_editor_closing_the_debate_in_the_page_editor_tells_its_followers(debate, on_commit):
    follower = UserFactory()
    follow(follower, debate)
    debate.state, debate.conclusion = DebateState.CLOSED, "Vi har hørt jer."
    with on_commit():
        debate.save_revision().publish()
    assert "Vi har hørt jer." in notices("debate_closed", user=follower).get().body
    with on_commit():
        debate.save_revision().publish()  # published again, still closed: no news
    assert notices("debate_closed").count() == 1


def test_opening_or_premoderating_a_debate_tells_nobody(debate, on_commit):
    follow(UserFactory(), debate)
    with on_commit():
        services.debate_set_state(user=moderator(), debate=debate, state=DebateState.PREMODERATED)
    assert not Notification.objects.exists()


# The moderators' notices ------------------------------------------------------------------


def test_a_moderation_notice_follows_the_authors_e_mail_setting(comment, on_commit):
    author = comment.author
    EmailPreference.objects.create(user=author, group="moderation", frequency=Frequency.NEVER)
    with on_commit():
        services.comment_hide(moderator=moderator(), comment=comment, reason="spam")
    notice = Notification.objects.get(user=author)
    assert notice.kind == "comment_hidden" and notice.mail_due == ""
    assert notice.topic == page_topic(comment.debate)
    assert mail.outbox == []


def test_without_a_review_address_the_notice_points_to_the_contact_page(comment, on_commit):
    from wagtail.models import Site

    from dialogue.models import ModerationSettings

    ModerationSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"review_email": ""}
    )
    with on_commit():
        services.comment_hide(moderator=moderator(), comment=comment, reason="spam")
    body = Notification.objects.get(user=comment.author).body
    assert "kontaktsiden" in body  # the Danish sentence about the contact page
    assert "skriv til ," not in body and "  " not in body


def test_a_moderation_notice_is_not_mailed_to_an_unverified_address(debate, on_commit):
    author = UserFactory()
    author.emailaddress_set.update(verified=False)
    with on_commit():
        services.author_warn(moderator=moderator(), user=author, note="Hold tonen")
    assert Notification.objects.get(user=author).kind == "author_warned"
    assert mail.outbox == []


# The follow button ----------------------------------------------------------------------------


def follow_box(page: str) -> str:
    start = page.index('<div class="follow">')
    return page[start : page.index("</div>", start)]


def test_anonymous_readers_see_a_link_to_log_in_and_follow(client, debate):
    box = follow_box(client.get(debate.url).content.decode())
    assert f'href="{reverse("account_login")}?next={debate.url}"' in box
    assert "<form" not in box


def test_a_logged_in_reader_follows_and_unfollows_the_debate_without_javascript(client, debate):
    reader = UserFactory()
    client.force_login(reader)
    box = follow_box(client.get(debate.url).content.decode())
    assert f'action="{reverse("notifications:follow")}"' in box
    assert f'value="{page_topic(debate)}"' in box and 'aria-pressed="false"' in box
    response = client.post(
        reverse("notifications:follow"),
        {"topic": page_topic(debate), "action": "follow", "next": debate.url},
    )
    assert response.status_code == 302 and response["Location"] == debate.url
    assert Follow.objects.filter(user=reader, topic=page_topic(debate)).exists()
    assert 'aria-pressed="true"' in follow_box(client.get(debate.url).content.decode())
    client.post(
        reverse("notifications:follow"),
        {"topic": page_topic(debate), "action": "unfollow", "next": debate.url},
    )
    assert not Follow.objects.filter(user=reader).exists()


def test_a_debate_that_is_not_live_cannot_be_followed(client, debate):
    reader = UserFactory()
    client.force_login(reader)
    debate.unpublish()
    client.post(reverse("notifications:follow"), {"topic": page_topic(debate)})
    assert not Follow.objects.exists()


# Through the worker (settings.NOTICES_IN_WORKER, the default with Redis) -------------------


def test_with_notices_in_the_worker_the_write_only_queues_and_the_worker_tells_the_same(
    debate, on_commit, settings, monkeypatch
):
    """The comment's write queues one task with the comment's id (huey runs it at once in the
    tests, as the worker would later); the parent's author and a follower hear exactly as
    without the worker."""
    settings.NOTICES_IN_WORKER = True
    from dialogue import tasks

    queued = []
    task = tasks.tell_about_comment
    monkeypatch.setattr(tasks, "tell_about_comment", lambda pk: queued.append(pk) or task(pk))
    parent_author, follower = UserFactory(), UserFactory()
    follow(follower, debate)
    with on_commit():
        parent = post(parent_author, debate)
    with on_commit():
        reply = post(UserFactory(), debate, body="Enig", parent=parent)
    assert queued == [parent.pk, reply.pk]
    assert notices("reply", user=parent_author).get().link.endswith(f"#comment-{reply.pk}")
    assert notices("debate_comments", user=follower).get().count == 2


def test_when_the_queue_is_away_the_notices_are_written_by_the_web_process(
    debate, on_commit, settings, monkeypatch
):
    settings.NOTICES_IN_WORKER = True
    from dialogue import tasks

    def away(*args, **kwargs):
        raise ConnectionError("the queue does not answer")

    monkeypatch.setattr(tasks, "tell_about_comment", away)
    parent_author = UserFactory()
    with on_commit():
        parent = post(parent_author, debate)
    with on_commit():
        post(UserFactory(), debate, body="Enig", parent=parent)
    assert notices("reply", user=parent_author).count() == 1
