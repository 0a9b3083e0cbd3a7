"""Moderators' actions on a comment: approve, hide, restore, remove for personal data."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError
from dialogue.models import (
    Comment,
    CommentRevision,
    CommentStatus,
    HideReason,
    ModerationAction,
    ReportOutcome,
)
from dialogue.moderation.notify import notify_author
from dialogue.moderation.services._common import (
    _announce,
    _clean_note,
    _lock,
    _log,
    _require_moderator,
    _resolve_reports,
)
from dialogue.services import _count_new_comment


def comment_approve(*, moderator, comment: Comment, note: str = "") -> Comment:
    """The comment may stay: open reports are dismissed, a held or pending comment goes public."""
    _require_moderator(moderator)
    note = _clean_note(note)
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(comment)
        if locked.queued_at is None and locked.status not in (
            CommentStatus.PENDING,
            CommentStatus.HELD,
        ):
            raise ServiceError("not_in_queue", _("This comment is not waiting for anyone."), 409)
        dismissed = _resolve_reports(locked, ReportOutcome.DISMISSED, now)
        was = locked.status
        if was == CommentStatus.PENDING:
            locked.status = CommentStatus.PUBLISHED
            _count_new_comment(locked.debate_id, locked.parent, now)
        elif was == CommentStatus.HELD:
            locked.status = CommentStatus.PUBLISHED
        locked.held_because = ""
        locked.queued_at = None
        locked.save(update_fields=["status", "held_because", "queued_at"])
        _log(
            moderator=moderator,
            action=ModerationAction.APPROVE,
            comment=locked,
            note=note,
            details={"was": was, "reports_dismissed": dismissed},
        )
        if was == CommentStatus.PENDING:
            _announce(locked, "comment.created")
        elif was == CommentStatus.HELD:
            _announce(locked, "comment.restored")
    return locked


def comment_hide(*, moderator, comment: Comment, reason: str, note: str = "") -> Comment:
    """Readers see "Hidden by the moderators: <reason>"; the text is kept for a restore."""
    _require_moderator(moderator)
    if reason not in HideReason.values:
        raise ServiceError("bad_reason", _("Choose a reason."), 400)
    note = _clean_note(note)
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(comment)
        if locked.status in (CommentStatus.DELETED, CommentStatus.REMOVED):
            raise ServiceError("gone", _("This comment is already gone."), 409)
        was = locked.status
        if was == CommentStatus.PENDING:  # never shown: it now takes its place in the thread
            _count_new_comment(locked.debate_id, locked.parent, now)
        locked.status = CommentStatus.HIDDEN
        locked.hidden_reason = reason
        locked.held_because = ""
        locked.queued_at = None
        locked.save(update_fields=["status", "hidden_reason", "held_because", "queued_at"])
        _resolve_reports(locked, ReportOutcome.UPHELD, now)
        _log(
            moderator=moderator,
            action=ModerationAction.HIDE,
            comment=locked,
            reason=reason,
            note=note,
            details={"was": was},
        )
        notify_author(
            user=locked.author,
            kind="comment_hidden",
            context={"comment": locked, "reason": HideReason(reason).label, "note": note},
        )
        _announce(locked, "comment.hidden")
    return locked


def comment_restore(*, moderator, comment: Comment, note: str = "") -> Comment:
    _require_moderator(moderator)
    note = _clean_note(note)
    with transaction.atomic():
        locked = _lock(comment)
        if locked.status not in (CommentStatus.HIDDEN, CommentStatus.HELD):
            raise ServiceError("not_hidden", _("Only a hidden comment can be restored."), 409)
        was, reason = locked.status, locked.hidden_reason
        locked.status = CommentStatus.PUBLISHED
        locked.hidden_reason = ""
        locked.held_because = ""
        locked.queued_at = None
        locked.save(update_fields=["status", "hidden_reason", "held_because", "queued_at"])
        _resolve_reports(locked, ReportOutcome.DISMISSED, timezone.now())
        _log(
            moderator=moderator,
            action=ModerationAction.RESTORE,
            comment=locked,
            reason=reason,
            note=note,
            details={"was": was},
        )
        _announce(locked, "comment.restored")
    return locked


def comment_remove(*, moderator, comment: Comment, note: str = "") -> Comment:
    """Personal data: the text and every earlier version are deleted for good."""
    _require_moderator(moderator)
    note = _clean_note(note)
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(comment)
        if locked.status == CommentStatus.REMOVED:
            raise ServiceError("gone", _("This comment is already removed."), 409)
        was = locked.status
        if was == CommentStatus.PENDING:
            _count_new_comment(locked.debate_id, locked.parent, now)
        author = locked.author
        name = author.display_name if author else _("Deleted account")
        target = _("#%(id)s %(name)s: (text removed for personal data)") % {
            "id": locked.pk,
            "name": name,
        }
        CommentRevision.objects.filter(comment=locked).delete()
        locked.status = CommentStatus.REMOVED
        locked.hidden_reason = HideReason.PERSONAL_DATA
        locked.body = ""
        locked.body_html = ""
        locked.held_because = ""
        locked.queued_at = None
        locked.save(
            update_fields=[
                "status",
                "hidden_reason",
                "body",
                "body_html",
                "held_because",
                "queued_at",
            ]
        )
        _resolve_reports(locked, ReportOutcome.UPHELD, now)
        _log(
            moderator=moderator,
            action=ModerationAction.REMOVE,
            comment=locked,
            reason=HideReason.PERSONAL_DATA,
            note=note,
            target=target,
            details={"was": was},
        )
        notify_author(
            user=author, kind="comment_removed", context={"comment": locked, "note": note}
        )
        _announce(locked, "comment.hidden")
    return locked
