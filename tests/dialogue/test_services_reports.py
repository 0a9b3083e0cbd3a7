"""dialogue.services.reports: readers' reports and the threshold that hides a comment
pending review."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import IntegrityError, transaction

from core.errors import ServiceError
from dialogue.models import (
    CommentStatus,
    DebateState,
    HeldBecause,
    ModerationAction,
    ModerationLogEntry,
    Report,
)
from tests.dialogue.moderation_helpers import blocked_user, report, set_moderation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


# Reports ------------------------------------------------------------------------------------


def test_verified_resident_reports_a_comment_with_a_reason(comment):
    made = report(UserFactory(), comment, "offensive")
    assert made.reason == "offensive" and made.resolved_at is None
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.queued_at is not None  # in the queue, still readable below the threshold


def test_other_needs_a_text(comment):
    with pytest.raises(ServiceError) as error:
        report(UserFactory(), comment, "other")
    assert error.value.code == "text_required" and error.value.status == 400
    assert report(UserFactory(), comment, "other", "Det er reklame").text == "Det er reklame"


def test_unknown_reason_is_refused(comment):
    with pytest.raises(ServiceError) as error:
        report(UserFactory(), comment, "boring")
    assert error.value.status == 400


def test_nobody_reports_the_same_comment_twice(comment):
    reader = UserFactory()
    report(reader, comment)
    with pytest.raises(ServiceError) as error:
        report(reader, comment, "offensive")
    assert error.value.code == "already_reported"
    assert Report.objects.count() == 1


def test_the_database_refuses_a_second_report_by_the_same_reader(comment):
    reader = UserFactory()
    report(reader, comment)
    with pytest.raises(IntegrityError), transaction.atomic():
        Report.objects.create(comment=comment, reporter=reader, reason="spam")


def test_author_cannot_report_their_own_comment(comment):
    with pytest.raises(ServiceError) as error:
        report(comment.author, comment)
    assert error.value.code == "own_comment"


@pytest.mark.parametrize(
    ("make_user", "code"),
    [
        (AnonymousUser, "login_required"),
        (lambda: UserFactory(verified=False), "unverified"),
        (blocked_user, "blocked"),
    ],
)
def test_anonymous_unverified_and_blocked_people_cannot_report(comment, make_user, code):
    with pytest.raises(ServiceError) as error:
        report(make_user(), comment)
    assert error.value.code == code
    assert not Report.objects.exists()


def test_a_closed_debate_can_still_be_reported(comment):
    debate = comment.debate
    debate.state = DebateState.CLOSED
    debate.conclusion = "Tak for input"
    debate.save()
    comment.refresh_from_db()
    assert report(UserFactory(), comment).pk


def test_three_reports_from_different_people_hide_the_comment_pending_review(comment):
    report(UserFactory(), comment, "spam")
    report(UserFactory(), comment, "offensive")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    report(UserFactory(), comment, "spam")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HELD
    assert comment.held_because == HeldBecause.REPORTS
    entry = ModerationLogEntry.objects.get()
    assert entry.action == ModerationAction.HOLD and entry.moderator is None


def test_the_threshold_is_a_site_setting(comment):
    set_moderation(report_threshold=1)
    report(UserFactory(), comment)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HELD


def test_a_held_comment_cannot_be_reported_again(comment):
    set_moderation(report_threshold=1)
    report(UserFactory(), comment)
    comment.refresh_from_db()
    with pytest.raises(ServiceError) as error:
        report(UserFactory(), comment)
    assert error.value.status == 409
