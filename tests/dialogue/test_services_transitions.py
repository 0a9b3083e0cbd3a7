"""dialogue.services.transitions: the one table of how a comment's status changes, the live
event each change sends, and "counted when first visible"."""

import pytest
from django.db import transaction

from core.errors import ServiceError
from dialogue import services
from dialogue.models import Comment, CommentStatus, DebateState
from dialogue.services import transitions
from dialogue.services.transitions import (
    TRANSITIONS,
    CommentAction,
    LiveEvent,
    move_comment,
    step_for,
)
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory, moderator

pytestmark = pytest.mark.django_db

STATUSES = [None, *CommentStatus]


@pytest.fixture
def published_events(monkeypatch):
    """The live events published after commit, as (topic, type)."""
    events = []
    monkeypatch.setattr(
        "dialogue.services.live.publish", lambda topic, event: events.append((topic, event))
    )
    return events


def comment_in(status, debate, parent=None) -> Comment:
    comment = Comment(
        debate=debate,
        author=UserFactory(),
        parent=parent,
        root=parent,
        depth=1 if parent else 0,
        body="Tekst",
        body_html="<p>Tekst</p>",
    )
    if status is not None:
        comment.status = status
        comment.save()
    return comment


def counts(debate, parent):
    debate.refresh_from_db()
    parent.refresh_from_db()
    return debate.comment_count, parent.reply_count


@pytest.mark.parametrize(("before", "action"), sorted(TRANSITIONS, key=str))
def test_every_allowed_transition_moves_the_comment_counts_and_tells_the_pages(
    before, action, published_events, django_capture_on_commit_callbacks
):
    debate = make_debate()
    parent = comment_in(CommentStatus.PUBLISHED, debate)
    comment = comment_in(before, debate, parent=parent)
    step = TRANSITIONS[(before, action)]
    was = counts(debate, parent)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        move_comment(comment, action)
    comment.refresh_from_db()
    assert comment.status == step.to
    grew = (1, 1) if step.counts else (0, 0)
    assert counts(debate, parent) == (was[0] + grew[0], was[1] + grew[1])
    sent = [event["type"] for _topic, event in published_events]
    assert sent == ([step.event] if step.event else [])


@pytest.mark.parametrize(
    ("before", "action"),
    [
        (before, action)
        for before in STATUSES
        for action in CommentAction
        if (before, action) not in TRANSITIONS
    ],
)
def test_a_transition_not_in_the_table_is_refused_with_409(before, action):
    with pytest.raises(ServiceError) as error:
        step_for(before, action)
    assert error.value.status == 409


def test_a_refused_transition_writes_nothing(published_events, django_capture_on_commit_callbacks):
    debate = make_debate()
    comment = comment_in(CommentStatus.PUBLISHED, debate)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ServiceError) as error:
        services.comment_restore(moderator=moderator(), comment=comment)
    assert (error.value.code, error.value.status) == ("not_hidden", 409)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert published_events == []


def test_only_a_first_appearance_counts():
    """The table itself: counting happens exactly when a comment nobody has seen (new or
    pending) becomes something readers see, other than its author's own deletion."""
    for (before, _action), step in TRANSITIONS.items():
        never_seen = before in (None, CommentStatus.PENDING)
        now_seen = step.to not in (CommentStatus.PENDING, CommentStatus.DELETED)
        assert step.counts == (never_seen and now_seen)


def test_every_status_change_of_every_service_goes_through_the_table(monkeypatch):
    asked = []
    real = transitions.step_for

    def recording(status, action):
        asked.append(CommentAction(action))
        return real(status, action)

    monkeypatch.setattr(transitions, "step_for", recording)
    from tests.dialogue.test_services_reports import set_moderation

    set_moderation(word_list="bandeord", report_threshold=1)
    mod, author = moderator(), UserFactory()
    debate = make_debate()
    comment = services.comment_create(user=author, debate=debate, body="Hej")[0]
    comment = services.comment_edit(user=author, comment=comment, body="Hej igen")
    comment = services.comment_edit(user=author, comment=comment, body="Hej bandeord")
    comment = services.comment_approve(moderator=mod, comment=comment)
    services.report_create(user=UserFactory(), comment=comment, reason="spam")
    comment = services.comment_restore(moderator=mod, comment=comment)
    comment = services.comment_hide(moderator=mod, comment=comment, reason="spam")
    services.comment_remove(moderator=mod, comment=comment)
    held = services.comment_create(user=author, debate=debate, body="bandeord")[0]
    services.comment_delete(user=author, comment=held)
    assert set(asked) == set(CommentAction)


def test_a_pending_comment_is_counted_once_when_approved():
    debate = make_debate(state=DebateState.PREMODERATED)
    top = comment_in(CommentStatus.PUBLISHED, debate)
    reply = services.comment_create(
        user=UserFactory(), debate=debate, body="Venter", parent_id=top.pk
    )[0]
    assert reply.status == CommentStatus.PENDING
    assert counts(debate, top) == (0, 0)
    services.comment_approve(moderator=moderator(), comment=reply)
    assert counts(debate, top) == (1, 1)
    with pytest.raises(ServiceError) as error:
        services.comment_approve(moderator=moderator(), comment=reply)
    assert error.value.status == 409
    services.comment_hide(moderator=moderator(), comment=reply, reason="spam")
    services.comment_restore(moderator=moderator(), comment=reply)
    assert counts(debate, top) == (1, 1)


def test_hiding_and_restoring_a_published_comment_does_not_count_it_again():
    debate = make_debate()
    top = comment_in(CommentStatus.PUBLISHED, debate)
    reply = services.comment_create(
        user=UserFactory(), debate=debate, body="Svar", parent_id=top.pk
    )[0]
    assert counts(debate, top) == (1, 1)
    for _ in range(2):
        services.comment_hide(moderator=moderator(), comment=reply, reason="off_topic")
        services.comment_restore(moderator=moderator(), comment=reply)
    assert counts(debate, top) == (1, 1)


def test_a_pending_comment_hidden_by_a_moderator_takes_its_place_and_counts_once():
    debate = make_debate(state=DebateState.PREMODERATED)
    top = comment_in(CommentStatus.PUBLISHED, debate)
    reply = services.comment_create(
        user=UserFactory(), debate=debate, body="Venter", parent_id=top.pk
    )[0]
    services.comment_hide(moderator=moderator(), comment=reply, reason="spam")
    services.comment_restore(moderator=moderator(), comment=reply)
    services.comment_remove(moderator=moderator(), comment=reply)
    assert counts(debate, top) == (1, 1)


def test_the_live_events_are_the_tables(published_events, django_capture_on_commit_callbacks):
    debate = make_debate()
    with django_capture_on_commit_callbacks(execute=True):
        comment = services.comment_create(user=UserFactory(), debate=debate, body="Hej")[0]
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_hide(moderator=moderator(), comment=comment, reason="spam")
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_restore(moderator=moderator(), comment=comment)
    assert [event["type"] for _topic, event in published_events] == [
        LiveEvent.CREATED,
        LiveEvent.HIDDEN,
        LiveEvent.RESTORED,
    ]
    assert {topic for topic, _event in published_events} == {f"debate:{debate.pk}"}
