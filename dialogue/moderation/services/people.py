"""Moderators' actions on an author: warn, block."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import user_block
from core.errors import ServiceError
from dialogue.models import (
    Comment,
    ModerationAction,
)
from dialogue.moderation.notify import notify_author
from dialogue.moderation.services._common import (
    BLOCKED_FOR_GOOD,
    _clean_note,
    _log,
    _require_moderator,
)


def author_warn(*, moderator, user: User, note: str, comment: Comment | None = None):
    _require_moderator(moderator)
    note = _clean_note(note, required=True)
    with transaction.atomic():
        entry = _log(
            moderator=moderator,
            action=ModerationAction.WARN,
            comment=comment,
            user=user,
            note=note,
            target=str(user),
        )
        notify_author(user=user, kind="author_warned", context={"comment": comment, "note": note})
    return entry


BLOCK_DAYS = (1, 7, 30, 90)


def author_block(
    *, moderator, user: User, days: int | None, reason: str, comment: Comment | None = None
) -> User:
    """Blocks for `days` days, or for good when `days` is None. Their open sockets close at
    once (accounts.services.user_block); they can still read, export and delete their data."""
    _require_moderator(moderator)
    reason = _clean_note(reason, required=True)
    if days is not None and (not isinstance(days, int) or days < 1 or days > 3650):
        raise ServiceError("bad_period", _("Choose how long the block lasts."), 400)
    if user.pk == moderator.pk or user.has_perm("dialogue.moderate_comments"):
        raise ServiceError("not_allowed", _("Moderators cannot block moderators."), 403)
    until = BLOCKED_FOR_GOOD if days is None else timezone.now() + timedelta(days=days)
    with transaction.atomic():
        user_block(user=user, until=until, reason=reason)
        _log(
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
