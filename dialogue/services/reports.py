"""Readers' reports, and the threshold that hides a comment pending review."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import ratelimit
from core.clientip import address_token
from core.errors import ServiceError
from core.rules import require
from dialogue.models import (
    MAX_REPORT_TEXT,
    Comment,
    CommentStatus,
    HeldBecause,
    ModerationAction,
    Report,
    ReportReason,
)
from dialogue.services.audit import log_action
from dialogue.services.transitions import CommentAction, lock_comment, move_comment
from dialogue.services.words import moderation_settings


def _already_reported() -> ServiceError:
    return ServiceError(
        "already_reported", _("You have already reported this comment. Thank you."), 409
    )


def _counting_sources(comment: Comment, now) -> int:
    """How many of the comment's open reports count toward hiding it: those from accounts older
    than DIALOGUE_REPORTER_MIN_ACCOUNT_DAYS, one per client address (reports that came without
    an address count once together). Fresh accounts and one machine with many accounts still
    put the comment in the moderators' queue; they cannot hide it on their own."""
    cutoff = now - timedelta(days=settings.DIALOGUE_REPORTER_MIN_ACCOUNT_DAYS)
    return (
        Report.objects.filter(
            comment=comment, resolved_at__isnull=True, reporter__date_joined__lte=cutoff
        )
        .values("reporter_address")
        .distinct()
        .count()
    )


def report_create(
    *, user, comment: Comment, reason: str, text: str = "", ip: str | None = None
) -> Report:
    """A reader reports a comment. At the threshold of open reports from established accounts
    on distinct client addresses (`ip`, core.clientip) the comment is hidden pending review."""
    text = (text or "").strip()
    if reason not in ReportReason.values:
        raise ServiceError("bad_reason", _("Choose why you report the comment."), 400)
    if reason == ReportReason.OTHER and not text:
        raise ServiceError("text_required", _("Tell the moderators what is wrong."), 400)
    if len(text) > MAX_REPORT_TEXT:
        raise ServiceError(
            "too_long",
            _("A report can be at most %(limit)d characters.") % {"limit": MAX_REPORT_TEXT},
            400,
        )
    require(user, "dialogue.report_comment", comment)
    if Report.objects.filter(comment=comment, reporter=user).exists():
        raise _already_reported()
    ratelimit.hit("comment.report", user=user, ip=ip)
    threshold = moderation_settings().report_threshold
    now = timezone.now()
    report = Report(
        comment=comment,
        reporter=user,
        reason=reason,
        text=text,
        created_at=now,
        reporter_address=address_token(ip),
    )
    try:
        report.full_clean(exclude=["comment", "reporter"])
    except ValidationError as exc:
        raise ServiceError("invalid", " ".join(exc.messages), 400) from exc
    try:
        with transaction.atomic():
            locked = lock_comment(comment)
            report.comment = locked
            report.save()
            fields = []
            if locked.queued_at is None:
                locked.queued_at = now
                fields.append("queued_at")
            sources = _counting_sources(locked, now)
            if sources >= threshold and locked.status == CommentStatus.PUBLISHED:
                locked.held_because = HeldBecause.REPORTS
                move_comment(locked, CommentAction.HOLD, update_fields=[*fields, "held_because"])
                log_action(
                    moderator=None,
                    action=ModerationAction.HOLD,
                    comment=locked,
                    reason=HeldBecause.REPORTS,
                    details={"reports": sources, "threshold": threshold},
                )
            elif fields:
                locked.save(update_fields=fields)
    except IntegrityError as exc:  # the same reader twice at once: the constraint decides
        raise _already_reported() from exc
    return report
