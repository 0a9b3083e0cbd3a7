"""dialogue.services.words and comments: the word list and pre-moderation send comments to the
moderators instead of publishing them."""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Site

from dialogue import services
from dialogue.models import (
    CommentStatus,
    DebateState,
    HeldBecause,
    ModerationSettings,
)
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def debate():
    return make_debate()


@pytest.fixture
def comment(debate):
    return services.comment_create(user=UserFactory(), debate=debate, body="Noget at sige")[0]


def set_moderation(**fields):
    site = Site.objects.get(is_default_site=True)
    settings, _ = ModerationSettings.objects.get_or_create(site=site)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def report(user, comment, reason="spam", text="", ip=None):
    """Each reader reports from an address of their own unless `ip` says otherwise."""
    if ip is None and user.pk:
        ip = f"10.0.{user.pk // 256}.{user.pk % 256}"
    return services.report_create(user=user, comment=comment, reason=reason, text=text, ip=ip)


def blocked_user():
    return UserFactory(blocked_until=timezone.now() + timedelta(days=3))


# Word list and pre-moderation ---------------------------------------------------------------


def test_a_listed_word_sends_a_new_comment_to_the_queue(debate):
    set_moderation(word_list="idiot\nskrid hjem\n")
    held = services.comment_create(user=UserFactory(), debate=debate, body="Sikke en IDIOT.")[0]
    assert held.status == CommentStatus.PENDING
    assert held.held_because == HeldBecause.WORD_LIST and held.queued_at is not None
    phrase = services.comment_create(user=UserFactory(), debate=debate, body="Skrid  hjem!")[0]
    assert phrase.status == CommentStatus.PENDING
    debate.refresh_from_db()
    assert debate.comment_count == 0


def test_the_word_list_matches_whole_words_only(debate):
    set_moderation(word_list="idiot")
    fine = services.comment_create(user=UserFactory(), debate=debate, body="idiotisk vejr")[0]
    assert fine.status == CommentStatus.PUBLISHED


def test_an_edit_that_adds_a_listed_word_sends_the_comment_to_the_queue(debate):
    set_moderation(word_list="idiot")
    author = UserFactory()
    comment = services.comment_create(user=author, debate=debate, body="Hej")[0]
    services.comment_edit(user=author, comment=comment, body="Hej idiot")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HELD
    assert comment.held_because == HeldBecause.WORD_LIST


def test_an_edit_of_a_comment_that_already_had_the_word_stays(debate):
    set_moderation(word_list="idiot")
    author = UserFactory()
    comment = services.comment_create(user=author, debate=debate, body="Hej idiot")[0]
    services.comment_approve(moderator=moderator(), comment=comment)
    comment.refresh_from_db()
    services.comment_edit(user=author, comment=comment, body="Hej idiot, undskyld")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_premoderated_comments_wait_and_approval_publishes_them():
    debate = make_debate(state=DebateState.PREMODERATED)
    comment = services.comment_create(user=UserFactory(), debate=debate, body="Hej")[0]
    assert comment.status == CommentStatus.PENDING
    assert comment.held_because == HeldBecause.PREMODERATION
    services.comment_approve(moderator=moderator(), comment=comment)
    comment.refresh_from_db()
    debate.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED and comment.queued_at is None
    assert debate.comment_count == 1
