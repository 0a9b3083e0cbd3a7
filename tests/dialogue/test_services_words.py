"""dialogue.services.words and comments: the word list and pre-moderation send comments to the
moderators instead of publishing them."""

import pytest

from dialogue import services
from dialogue.models import (
    CommentStatus,
    DebateState,
    HeldBecause,
)
from tests.dialogue.factories import make_debate
from tests.dialogue.moderation_helpers import set_moderation
from tests.factories import UserFactory, moderator

pytestmark = pytest.mark.django_db


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


def test_the_settings_are_read_once_and_a_change_bites_at_once(debate, django_assert_num_queries):
    """Every comment reads the settings: from the cache (Redis in production), which forgets
    them when they are saved (dialogue/signals.py)."""
    from dialogue.services.words import moderation_settings

    set_moderation(word_list="idiot")
    moderation_settings()
    with django_assert_num_queries(0):
        assert moderation_settings().terms() == ["idiot"]
    set_moderation(word_list="fjols")
    held = services.comment_create(user=UserFactory(), debate=debate, body="Sikke et fjols")[0]
    assert held.status == CommentStatus.PENDING
    fine = services.comment_create(user=UserFactory(), debate=debate, body="Sikke en idiot")[0]
    assert fine.status == CommentStatus.PUBLISHED


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
