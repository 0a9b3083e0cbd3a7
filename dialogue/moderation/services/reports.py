"""Readers' reports, and the threshold that hides a comment pending review."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dialogue.models import (
    Comment,
    CommentStatus,
    HeldBecause,
    ModerationAction,
    Report,
    ReportReason,
)
from dialogue.models.moderation import MAX_REPORT_TEXT
from dialogue.moderation.services._common import (
    _announce,
    _lock,
    _log,
)
from dialogue.moderation.words import moderation_settings
from dialogue.services import DialogueError


def report_create(*, user, comment: Comment, reason: str, text: str = "") -> Report:
    """A reader reports a comment. At the threshold of open reports from different people the
    comment is hidden pending review."""
    text = (text or "").strip()
    if reason not in ReportReason.values:
        raise DialogueError("bad_reason", _("Choose why you report the comment."), 400)
    if reason == ReportReason.OTHER and not text:
        raise DialogueError("text_required", _("Tell the moderators what is wrong."), 400)
    if len(text) > MAX_REPORT_TEXT:
        raise DialogueError(
            "too_long",
            _("A report can be at most %(limit)d characters.") % {"limit": MAX_REPORT_TEXT},
            400,
        )
    if not user.has_perm("dialogue.report_comment", comment):
        from dialogue.services import _why_not_allowed

        if comment.author_id == getattr(user, "pk", None):
            raise DialogueError("own_comment", _("You cannot report your own comment."), 403)
        if user.is_authenticated and comment.status != CommentStatus.PUBLISHED:
            raise DialogueError(
                "not_published", _("The moderators already look at this comment."), 409
            )
        error = _why_not_allowed(user, comment.debate)
        if error.code == "closed":
            error = DialogueError("not_allowed", _("You cannot report this comment."), 403)
        raise error
    if Report.objects.filter(comment=comment, reporter=user).exists():
        raise DialogueError(
            "already_reported", _("You have already reported this comment. Thank you."), 409
        )
    threshold = moderation_settings().report_threshold
    now = timezone.now()
    report = Report(comment=comment, reporter=user, reason=reason, text=text, created_at=now)
    try:
        report.full_clean(exclude=["comment", "reporter"])
    except ValidationError as exc:
        raise DialogueError("invalid", " ".join(exc.messages), 400) from exc
    try:
        with transaction.atomic():
            locked = _lock(comment)
            report.comment = locked
            report.save()
            fields = []
            if locked.queued_at is None:
                locked.queued_at = now
                fields.append("queued_at")
            open_reports = Report.objects.filter(comment=locked, resolved_at__isnull=True).count()
            if open_reports >= threshold and locked.status == CommentStatus.PUBLISHED:
                locked.status = CommentStatus.HELD
                locked.held_because = HeldBecause.REPORTS
                fields += ["status", "held_because"]
                _log(
                    moderator=None,
                    action=ModerationAction.HOLD,
                    comment=locked,
                    reason=HeldBecause.REPORTS,
                    details={"reports": open_reports, "threshold": threshold},
                )
                _announce(locked, "comment.hidden")
            if fields:
                locked.save(update_fields=fields)
    except IntegrityError as exc:  # the same reader twice at once: the constraint decides
        raise DialogueError(
            "already_reported", _("You have already reported this comment. Thank you."), 409
        ) from exc
    return report
