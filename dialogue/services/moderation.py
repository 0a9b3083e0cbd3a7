"""The moderators' actions: on a comment (approve, hide, restore, remove for personal data)
and on its author (warn, block).

Each action checks the rules, moves the comment through the transition table in one
transaction, writes one audit log entry, tells the author when their words are withheld, and
after commit tells every open page of the debate."""

from datetime import UTC, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import user_block
from core.errors import ServiceError
from core.rules import require
from dialogue.models import (
    Comment,
    CommentRevision,
    CommentStatus,
    HideReason,
    ModerationAction,
    Report,
    ReportOutcome,
)
from dialogue.services.audit import log_action
from dialogue.services.notify import notify_author
from dialogue.services.transitions import CommentAction, lock_comment, move_comment

# "For good": far enough that nobody alive sees it end; User.is_blocked compares with now.
BLOCKED_FOR_GOOD = datetime(9999, 12, 31, tzinfo=UTC)
BLOCK_DAYS = (1, 7, 30, 90)
MAX_NOTE = 2000


def _clean_note(note: str, *, required: bool = False) -> str:
    note = (note or "").strip()
    if required and not note:
        raise ServiceError("note_required", _("Write a note that says why."), 400)
    if len(note) > MAX_NOTE:
        raise ServiceError(
            "too_long", _("A note can be at most %(limit)d characters.") % {"limit": MAX_NOTE}, 400
        )
    return note


def _resolve_reports(comment: Comment, outcome: str, now) -> int:
    return Report.objects.filter(comment=comment, resolved_at__isnull=True).update(
        resolved_at=now, outcome=outcome
    )


def comment_approve(*, moderator, comment: Comment, note: str = "") -> Comment:
    """The comment may stay: open reports are dismissed, a held or pending comment goes public."""
    require(moderator, "dialogue.moderate_comments")
    note = _clean_note(note)
    now = timezone.now()
    with transaction.atomic():
        locked = lock_comment(comment)
        if locked.queued_at is None and locked.status not in (
            CommentStatus.PENDING,
            CommentStatus.HELD,
        ):
            raise ServiceError("not_in_queue", _("This comment is not waiting for anyone."), 409)
        was = locked.status
        dismissed = _resolve_reports(locked, ReportOutcome.DISMISSED, now)
        locked.held_because = ""
        locked.queued_at = None
        move_comment(
            locked, CommentAction.APPROVE, update_fields=["held_because", "queued_at"], now=now
        )
        log_action(
            moderator=moderator,
            action=ModerationAction.APPROVE,
            comment=locked,
            note=note,
            details={"was": was, "reports_dismissed": dismissed},
        )
    return locked


def comment_hide(*, moderator, comment: Comment, reason: str, note: str = "") -> Comment:
    """Readers see "Hidden by the moderators: <reason>"; the text is kept for a restore."""
    require(moderator, "dialogue.moderate_comments")
    if reason not in HideReason.values:
        raise ServiceError("bad_reason", _("Choose a reason."), 400)
    note = _clean_note(note)
    now = timezone.now()
    with transaction.atomic():
        locked = lock_comment(comment)
        was = locked.status
        locked.hidden_reason = reason
        locked.held_because = ""
        locked.queued_at = None
        move_comment(
            locked,
            CommentAction.HIDE,
            update_fields=["hidden_reason", "held_because", "queued_at"],
            now=now,
        )
        _resolve_reports(locked, ReportOutcome.UPHELD, now)
        log_action(
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
    return locked


def comment_restore(*, moderator, comment: Comment, note: str = "") -> Comment:
    require(moderator, "dialogue.moderate_comments")
    note = _clean_note(note)
    with transaction.atomic():
        locked = lock_comment(comment)
        was, reason = locked.status, locked.hidden_reason
        locked.hidden_reason = ""
        locked.held_because = ""
        locked.queued_at = None
        move_comment(
            locked,
            CommentAction.RESTORE,
            update_fields=["hidden_reason", "held_because", "queued_at"],
        )
        _resolve_reports(locked, ReportOutcome.DISMISSED, timezone.now())
        log_action(
            moderator=moderator,
            action=ModerationAction.RESTORE,
            comment=locked,
            reason=reason,
            note=note,
            details={"was": was},
        )
    return locked


def comment_remove(*, moderator, comment: Comment, note: str = "") -> Comment:
    """Personal data: the text and every earlier version are deleted for good."""
    require(moderator, "dialogue.moderate_comments")
    note = _clean_note(note)
    now = timezone.now()
    with transaction.atomic():
        locked = lock_comment(comment)
        was = locked.status
        author = locked.author
        name = author.display_name if author else _("Deleted account")
        target = _("#%(id)s %(name)s: (text removed for personal data)") % {
            "id": locked.pk,
            "name": name,
        }
        CommentRevision.objects.filter(comment=locked).delete()
        locked.hidden_reason = HideReason.PERSONAL_DATA
        locked.body = ""
        locked.body_html = ""
        locked.held_because = ""
        locked.queued_at = None
        move_comment(
            locked,
            CommentAction.REMOVE,
            update_fields=["hidden_reason", "body", "body_html", "held_because", "queued_at"],
            now=now,
        )
        _resolve_reports(locked, ReportOutcome.UPHELD, now)
        log_action(
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
    return locked


def author_warn(*, moderator, user: User, note: str, comment: Comment | None = None):
    require(moderator, "dialogue.moderate_comments")
    note = _clean_note(note, required=True)
    with transaction.atomic():
        entry = log_action(
            moderator=moderator,
            action=ModerationAction.WARN,
            comment=comment,
            user=user,
            note=note,
            target=str(user),
        )
        notify_author(user=user, kind="author_warned", context={"comment": comment, "note": note})
    return entry


def author_block(
    *, moderator, user: User, days: int | None, reason: str, comment: Comment | None = None
) -> User:
    """Blocks for `days` days, or for good when `days` is None. Their open sockets close at
    once (accounts.services.user_block); they can still read, export and delete their data."""
    require(moderator, "dialogue.moderate_comments")
    reason = _clean_note(reason, required=True)
    if days is not None and (not isinstance(days, int) or days < 1 or days > 3650):
        raise ServiceError("bad_period", _("Choose how long the block lasts."), 400)
    if user.pk == moderator.pk or user.has_perm("dialogue.moderate_comments"):
        raise ServiceError("not_allowed", _("Moderators cannot block moderators."), 403)
    until = BLOCKED_FOR_GOOD if days is None else timezone.now() + timedelta(days=days)
    with transaction.atomic():
        user_block(user=user, until=until, reason=reason)
        log_action(
            moderator=moderator,
            action=ModerationAction.BLOCK,
            comment=comment,
            user=user,
            reason="for_good" if days is None else f"{days}d",
            note=reason,
            target=str(user),
            details={"until": until.isoformat(), "days": days},
        )
        notify_author(
            user=user,
            kind="author_blocked",
            context={"until": until, "for_good": days is None, "reason": reason},
        )
    return user
