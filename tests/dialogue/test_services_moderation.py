"""dialogue.services.moderation: every moderator action for every role, the notices and
e-mails to authors, and the audit log they write."""

import itertools
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Notification
from core.errors import ServiceError
from dialogue import services
from dialogue.models import (
    Comment,
    CommentRevision,
    CommentStatus,
    ModerationLogEntry,
    Report,
    ReportOutcome,
)
from tests.dialogue.moderation_helpers import blocked_user, report, set_moderation
from tests.factories import UserFactory, editor, moderator

pytestmark = pytest.mark.django_db


# Actions by role ----------------------------------------------------------------------------

ACTIONS = {
    "approve": lambda user, c: services.comment_approve(moderator=user, comment=c),
    "hide": lambda user, c: services.comment_hide(moderator=user, comment=c, reason="spam"),
    "restore": lambda user, c: services.comment_restore(moderator=user, comment=c),
    "remove": lambda user, c: services.comment_remove(moderator=user, comment=c),
    "warn": lambda user, c: services.author_warn(moderator=user, user=c.author, note="Stop"),
    "block": lambda user, c: services.author_block(
        moderator=user, user=c.author, days=7, reason="Spam"
    ),
}
NOT_MODERATORS = {
    "anonymous": AnonymousUser,
    "resident": UserFactory,
    "blocked": blocked_user,
    "editor": editor,
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("role", [*sorted(NOT_MODERATORS), "author"])
def test_only_moderators_moderate(comment, action, role):
    user = comment.author if role == "author" else NOT_MODERATORS[role]()
    report(UserFactory(), comment)
    with pytest.raises(ServiceError) as error:
        ACTIONS[action](user, comment)
    assert error.value.status == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert not ModerationLogEntry.objects.exists()


def test_moderator_approves_a_reported_comment_and_the_reports_are_dismissed(comment):
    report(UserFactory(), comment)
    report(UserFactory(), comment)
    mod = moderator()
    services.comment_approve(moderator=mod, comment=comment, note="Fair kritik")
    comment.refresh_from_db()
    assert comment.queued_at is None and comment.status == CommentStatus.PUBLISHED
    assert set(Report.objects.values_list("outcome", flat=True)) == {ReportOutcome.DISMISSED}
    entry = ModerationLogEntry.objects.get()
    assert (entry.moderator, entry.action, entry.note) == (mod, "approve", "Fair kritik")
    assert entry.comment == comment and entry.target_user == comment.author


def test_approving_a_held_comment_publishes_it_again(comment):
    set_moderation(report_threshold=1)
    report(UserFactory(), comment)
    services.comment_approve(moderator=moderator(), comment=comment)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_a_comment_nobody_flagged_cannot_be_approved(comment):
    with pytest.raises(ServiceError) as error:
        services.comment_approve(moderator=moderator(), comment=comment)
    assert error.value.status == 409


def test_moderator_hides_with_a_reason_and_the_author_is_told_in_their_language(
    comment, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
    author = comment.author
    author.preferred_language = "en"
    author.save()
    report(UserFactory(), comment)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_hide(
            moderator=moderator(), comment=comment, reason="offensive", note="Personangreb"
        )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HIDDEN and comment.hidden_reason == "offensive"
    assert comment.body == "Noget at sige"  # kept, so it can be restored
    assert Report.objects.get().outcome == ReportOutcome.UPHELD
    notice = Notification.objects.get(user=author)
    assert "hateful or offensive" in notice.body and "Personangreb" in notice.body
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [author.email]
    assert "hidden your comment" in message.subject
    # The mail leaves through notifications (the person's settings decide): it names the
    # moderators' review address to write to, and has no reply address of its own.
    assert "write to moderation@blanddigibyen.kk.dk" in message.body
    assert notice.mailed_at is not None and message.extra_headers["List-Unsubscribe"]
    # The link is in the author's language too: the Danish debate under /en/ (core/locales.py).
    path = comment.debate.url.replace("/da/", "/en/", 1)
    link = f"http://127.0.0.1:8000{path}#comment-{comment.pk}"
    assert link in message.body and notice.link == link
    entry = ModerationLogEntry.objects.get()
    assert (entry.action, entry.reason, entry.note) == ("hide", "offensive", "Personangreb")


def test_the_e_mail_is_written_in_the_authors_language(comment, monkeypatch):
    from core import email

    used = []
    real = email.recipient_language

    def recording(*args, **kwargs):
        used.append(real(*args, **kwargs))
        return used[-1]

    monkeypatch.setattr(email, "recipient_language", recording)
    comment.author.preferred_language = "ar"
    comment.author.save()
    services.comment_hide(moderator=moderator(), comment=comment, reason="spam")
    english = UserFactory(preferred_language="en")
    other = services.comment_create(user=english, debate=comment.debate, body="Hello")[0]
    services.comment_hide(moderator=moderator(), comment=other, reason="spam")
    no_choice = UserFactory(preferred_language="")
    third = services.comment_create(user=no_choice, debate=comment.debate, body="Hej")[0]
    services.comment_hide(moderator=moderator(), comment=third, reason="spam")
    # Asked once for the notice and once for the e-mail of each hiding.
    assert [code for code, _ in itertools.groupby(used)] == ["ar", "en", "da"]


def test_hide_needs_a_known_reason(comment):
    with pytest.raises(ServiceError) as error:
        services.comment_hide(moderator=moderator(), comment=comment, reason="ugly")
    assert error.value.status == 400


def test_moderator_restores_a_hidden_comment(comment):
    mod = moderator()
    services.comment_hide(moderator=mod, comment=comment, reason="spam")
    services.comment_restore(moderator=mod, comment=comment, note="Fejl")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED and comment.hidden_reason == ""
    assert list(ModerationLogEntry.objects.order_by("id").values_list("action", flat=True)) == [
        "hide",
        "restore",
    ]


def test_only_hidden_comments_can_be_restored(comment):
    with pytest.raises(ServiceError) as error:
        services.comment_restore(moderator=moderator(), comment=comment)
    assert error.value.status == 409


def test_removing_for_personal_data_deletes_the_text_and_its_revisions(
    debate, django_capture_on_commit_callbacks
):
    author = UserFactory()
    comment = services.comment_create(user=author, debate=debate, body="Ring til 12345678")[0]
    services.comment_edit(user=author, comment=comment, body="Ring til Jens på 12345678")
    assert CommentRevision.objects.filter(comment=comment).exists()
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_remove(moderator=moderator(), comment=comment, note="Telefonnummer")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REMOVED
    assert comment.body == "" and comment.body_html == ""
    assert not CommentRevision.objects.filter(comment=comment).exists()
    entry = ModerationLogEntry.objects.get()
    assert "12345678" not in entry.target and entry.action == "remove"
    assert Notification.objects.get(user=author).kind == "comment_removed"
    assert len(mail.outbox) == 1 and "12345678" not in mail.outbox[0].body
    with pytest.raises(ServiceError):
        services.comment_restore(moderator=moderator(), comment=comment)


def test_moderator_warns_the_author_by_mail_and_on_the_site(
    comment, django_capture_on_commit_callbacks
):
    with pytest.raises(ServiceError) as error:
        services.author_warn(moderator=moderator(), user=comment.author, note=" ")
    assert error.value.code == "note_required"
    with django_capture_on_commit_callbacks(execute=True):
        services.author_warn(
            moderator=moderator(), user=comment.author, note="Hold tonen", comment=comment
        )
    assert Notification.objects.get(user=comment.author).kind == "author_warned"
    assert "Hold tonen" in mail.outbox[0].body
    assert ModerationLogEntry.objects.get().action == "warn"


def test_moderator_blocks_the_author_for_a_period(comment, django_capture_on_commit_callbacks):
    author = comment.author
    with django_capture_on_commit_callbacks(execute=True):
        services.author_block(moderator=moderator(), user=author, days=7, reason="Chikane")
    author.refresh_from_db()
    assert author.is_blocked
    assert timedelta(days=6) < author.blocked_until - timezone.now() <= timedelta(days=7)
    with pytest.raises(ServiceError) as error:
        services.comment_create(user=author, debate=comment.debate, body="igen")
    assert error.value.code == "blocked"
    entry = ModerationLogEntry.objects.get()
    assert (entry.action, entry.reason, entry.note) == ("block", "7d", "Chikane")
    assert "Chikane" in mail.outbox[0].body


def test_moderator_blocks_for_good(comment):
    services.author_block(moderator=moderator(), user=comment.author, days=None, reason="Spam")
    comment.author.refresh_from_db()
    assert comment.author.blocked_until.year == 9999
    assert ModerationLogEntry.objects.get().reason == "for_good"


def test_block_needs_a_reason_and_never_hits_a_moderator(comment):
    with pytest.raises(ServiceError):
        services.author_block(moderator=moderator(), user=comment.author, days=7, reason="")
    with pytest.raises(ServiceError):
        services.author_block(moderator=moderator(), user=moderator(), days=7, reason="x")


# The audit log ------------------------------------------------------------------------------


def test_the_audit_log_cannot_be_changed_or_deleted(comment):
    services.comment_hide(moderator=moderator(), comment=comment, reason="spam", note="x")
    entry = ModerationLogEntry.objects.get()
    entry.note = "rewritten"
    with pytest.raises(ValidationError):
        entry.save()
    with pytest.raises(ValidationError):
        entry.delete()
    with pytest.raises(ValidationError):
        ModerationLogEntry.objects.filter(pk=entry.pk).update(note="rewritten")
    entry.refresh_from_db()
    assert entry.note == "x"


def test_the_log_outlives_the_comment_and_the_moderator(comment):
    mod = moderator()
    services.comment_hide(moderator=mod, comment=comment, reason="spam")
    Comment.objects.filter(pk=comment.pk).delete()
    mod.delete()
    entry = ModerationLogEntry.objects.get()
    assert entry.comment is None and entry.moderator is None
    assert "Noget at sige" in entry.target
