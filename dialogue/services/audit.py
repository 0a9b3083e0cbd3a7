"""The moderation log: one entry for every moderator action and every time the platform
acts by itself (a comment held on readers' reports). Entries are written, never changed."""

from django.utils.translation import gettext as _

from accounts.models import User
from dialogue.models import Comment, DebatePage, ModerationLogEntry


def comment_excerpt(comment: Comment) -> str:
    author = comment.author.display_name if comment.author else _("Deleted account")
    body = " ".join(comment.body.split())
    return f"#{comment.pk} {author}: {body}"[:250]


def log_action(
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
    """`target` is kept as written at the time: by default the comment's excerpt or the
    person's name."""
    entry = ModerationLogEntry(
        moderator=moderator if moderator is not None and moderator.is_authenticated else None,
        action=action,
        comment=comment,
        debate_id=debate.pk if debate else (comment.debate_id if comment else None),
        target_user=user if user is not None else (comment.author if comment else None),
        reason=reason,
        note=note,
        target=(target or (comment_excerpt(comment) if comment else str(user or "")))[:255],
        details=details or {},
    )
    entry.full_clean(exclude=["moderator", "comment", "debate", "target_user"])
    entry.save()
    return entry
