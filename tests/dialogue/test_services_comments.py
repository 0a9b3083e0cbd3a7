"""dialogue.services.comments: residents write, change and delete their comments."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from core.errors import ServiceError
from dialogue import services
from dialogue.models import Comment, CommentRevision, CommentStatus, DebateState
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def debate():
    return make_debate()


def post(user, debate, body="Hej by", **kwargs):
    return services.comment_create(user=user, debate=debate, body=body, **kwargs)[0]


def test_verified_resident_posts_and_the_debate_counts_it(debate):
    comment = post(UserFactory(), debate)
    debate.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert debate.comment_count == 1
    assert debate.last_activity_at is not None


def test_unverified_user_cannot_post(debate):
    with pytest.raises(ServiceError) as error:
        post(UserFactory(verified=False), debate)
    assert error.value.code == "unverified"


def test_anonymous_user_cannot_post(debate):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ServiceError) as error:
        post(AnonymousUser(), debate)
    assert error.value.code == "login_required"


def test_blocked_user_cannot_post_or_react(debate):
    author = UserFactory()
    comment = post(author, debate)
    blocked = UserFactory(blocked_until=timezone.now() + timedelta(days=3))
    with pytest.raises(ServiceError) as error:
        post(blocked, debate)
    assert error.value.code == "blocked"
    with pytest.raises(ServiceError):
        services.reaction_set(user=blocked, comment=comment, value="agree")


def test_closed_debate_takes_no_comments():
    debate = make_debate(state=DebateState.CLOSED, conclusion="Tak")
    with pytest.raises(ServiceError) as error:
        post(UserFactory(), debate)
    assert error.value.code == "closed"


def test_debate_not_yet_open_takes_no_comments():
    debate = make_debate(opens_at=timezone.now() + timedelta(days=1))
    with pytest.raises(ServiceError):
        post(UserFactory(), debate)


def test_retry_with_the_same_client_id_returns_the_saved_comment(debate):
    user = UserFactory()
    client_id = uuid.uuid4()
    first, created = services.comment_create(
        user=user, debate=debate, body="x", client_id=client_id
    )
    again, created_again = services.comment_create(
        user=user, debate=debate, body="x", client_id=str(client_id)
    )
    assert created and not created_again
    assert first.pk == again.pk
    assert Comment.objects.count() == 1


def test_rate_limit_answers_with_a_clear_message(debate, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment.post": {"user": "2/minute"}}
    user = UserFactory()
    post(user, debate)
    post(user, debate)
    with pytest.raises(ServiceError) as error:
        post(user, debate)
    assert error.value.status == 429
    assert "2" in error.value.message


def test_too_long_and_empty_comments_are_refused(debate):
    with pytest.raises(ServiceError) as error:
        post(UserFactory(), debate, body="x" * 2001)
    assert error.value.code == "too_long"
    with pytest.raises(ServiceError) as error:
        post(UserFactory(), debate, body="   ")
    assert error.value.code == "empty"


def test_a_comment_of_exactly_2000_characters_is_accepted(debate):
    assert len(post(UserFactory(), debate, body="æ" * 2000).body) == 2000


def test_threads_are_three_levels_and_deeper_replies_join_the_third(debate):
    top = post(UserFactory(), debate)
    second = post(UserFactory(), debate, parent_id=top.pk)
    third = post(UserFactory(), debate, parent_id=second.pk)
    fourth = post(UserFactory(), debate, parent_id=third.pk)
    assert (top.depth, second.depth, third.depth, fourth.depth) == (0, 1, 2, 2)
    assert fourth.parent_id == second.pk
    assert {second.root_id, third.root_id, fourth.root_id} == {top.pk}


def test_markup_is_stored_as_typed_and_rendered_harmless(debate):
    comment = post(UserFactory(), debate, body="<b>hej</b> https://kk.dk")
    assert comment.body == "<b>hej</b> https://kk.dk"
    assert "<b>" not in comment.body_html
    assert 'href="https://kk.dk"' in comment.body_html


def test_author_edits_within_15_minutes_and_the_old_text_is_kept(debate):
    user = UserFactory()
    comment = post(user, debate, body="første")
    services.comment_edit(user=user, comment=comment, body="anden")
    comment.refresh_from_db()
    assert comment.body == "anden" and comment.edited_at
    assert CommentRevision.objects.get(comment=comment).body == "første"


def test_author_cannot_edit_after_15_minutes(debate):
    user = UserFactory()
    comment = post(user, debate)
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(minutes=16))
    comment.refresh_from_db()
    with pytest.raises(ServiceError) as error:
        services.comment_edit(user=user, comment=comment, body="for sent")
    assert error.value.code == "edit_window"


def test_others_cannot_edit_or_delete(debate):
    comment = post(UserFactory(), debate)
    other = UserFactory()
    with pytest.raises(ServiceError):
        services.comment_edit(user=other, comment=comment, body="nej")
    with pytest.raises(ServiceError):
        services.comment_delete(user=other, comment=comment)


def test_delete_leaves_a_placeholder_that_keeps_the_thread(debate):
    user = UserFactory()
    top = post(user, debate)
    reply = post(UserFactory(), debate, parent_id=top.pk)
    services.comment_delete(user=user, comment=top)
    top.refresh_from_db()
    assert top.status == CommentStatus.DELETED and top.body == ""
    assert Comment.objects.filter(pk=reply.pk).exists()


def test_premoderated_debate_holds_comments_for_review():
    debate = make_debate(state=DebateState.PREMODERATED)
    comment = post(UserFactory(), debate)
    assert comment.status == CommentStatus.PENDING
    debate.refresh_from_db()
    assert debate.comment_count == 0
    services.comment_approve(moderator=moderator(), comment=comment)
    debate.refresh_from_db()
    assert debate.comment_count == 1
