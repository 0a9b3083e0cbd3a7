"""What every moderation action shares: the audit log entry, the permission check, notes,
locking and the live event."""

from datetime import UTC, datetime

from django.utils.translation import gettext as _

from accounts.models import User
from core.errors import ServiceError
from core.rules import require
from dialogue.models import (
    Comment,
    DebatePage,
    ModerationLogEntry,
    Report,
)
from dialogue.serializers import comment_payload
from dialogue.services import _publish_after_commit

# "For good": far enough that nobody alive sees it end; User.is_blocked compares with now.
BLOCKED_FOR_GOOD = datetime(9999, 12, 31, tzinfo=UTC)
MAX_NOTE = 2000


def _excerpt(comment: Comment) -> str:
    author = comment.author.display_name if comment.author else _("Deleted account")
    body = " ".join(comment.body.split())
    text = f"#{comment.pk} {author}: {body}"
    return text[:250]


def _log(
    *,
    moderator,
    action: str,
    comment: Comment | None = None,
    user: User | None = None,
    reason: str = "",
    note: str = "",
    target: str = "",
    debate: DebatePage | None = None,
    details: dict | None = None,
) -> ModerationLogEntry:
    entry = ModerationLogEntry(
        moderator=moderator if moderator is not None and moderator.is_authenticated else None,
        action=action,
        comment=comment,
        debate_id=debate.pk if debate else (comment.debate_id if comment else None),
        target_user=user if user is not None else (comment.author if comment else None),
        reason=reason,
        note=note,
        target=(target or (_excerpt(comment) if comment else str(user or "")))[:255],
        details=details or {},
    )
    entry.full_clean(exclude=["moderator", "comment", "debate", "target_user"])
    entry.save()
    return entry


def _require_moderator(user) -> None:
    require(user, "dialogue.moderate_comments")


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


def _lock(comment: Comment) -> Comment:
    return (
        Comment.objects.select_for_update(of=("self",))
        .select_related("debate", "author")
        .get(pk=comment.pk)
    )


def _announce(comment: Comment, event_type: str) -> None:
    _publish_after_commit(
        comment.debate_id, {"type": event_type, "comment": comment_payload(comment)}
    )
