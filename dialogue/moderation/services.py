"""Every moderation write: readers' reports and the moderators' actions.

Each action checks the rules, changes the comment in one transaction, writes one audit log
entry, tells the author when their words are withheld, and after commit tells every open page
of the debate (`comment.hidden`, `comment.restored`, `comment.created`)."""

from datetime import UTC, datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.services import user_block
from dialogue.models import (
    MAX_COMMENT_LENGTH,
    Comment,
    CommentRevision,
    CommentStatus,
    DebatePage,
    DebateState,
    HeldBecause,
    HideReason,
    ModerationAction,
    ModerationLogEntry,
    Report,
    ReportOutcome,
    ReportReason,
)
from dialogue.models.moderation import MAX_REPORT_TEXT
from dialogue.moderation.notify import notify_author
from dialogue.moderation.words import moderation_settings
from dialogue.serializers import comment_payload
from dialogue.services import DialogueError, _count_new_comment, _publish_after_commit

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
    if not user.has_perm("dialogue.moderate_comments"):
        raise DialogueError("not_allowed", _("Only moderators can do that."), 403)


def _clean_note(note: str, *, required: bool = False) -> str:
    note = (note or "").strip()
    if required and not note:
        raise DialogueError("note_required", _("Write a note that says why."), 400)
    if len(note) > MAX_NOTE:
        raise DialogueError(
            "too_long", _("A note can be at most %(limit)d characters.") % {"limit": MAX_NOTE}, 400
        )
    return note


def _resolve_reports(comment: Comment, outcome: str, now) -> int:
    return Report.objects.filter(comment=comment, resolved_at__isnull=True).update(
        resolved_at=now, outcome=outcome
    )


def _lock(comment: Comment) -> Comment:
    return Comment.objects.select_for_update().select_related("debate", "author").get(pk=comment.pk)


def _announce(comment: Comment, event_type: str) -> None:
    _publish_after_commit(
        comment.debate_id, {"type": event_type, "comment": comment_payload(comment)}
    )


# Reports ------------------------------------------------------------------------------------


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


# Moderator actions on comments --------------------------------------------------------------


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
            raise DialogueError("not_in_queue", _("This comment is not waiting for anyone."), 409)
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
        raise DialogueError("bad_reason", _("Choose a reason."), 400)
    note = _clean_note(note)
    now = timezone.now()
    with transaction.atomic():
        locked = _lock(comment)
        if locked.status in (CommentStatus.DELETED, CommentStatus.REMOVED):
            raise DialogueError("gone", _("This comment is already gone."), 409)
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
            raise DialogueError("not_hidden", _("Only a hidden comment can be restored."), 409)
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
            raise DialogueError("gone", _("This comment is already removed."), 409)
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


# Moderator actions on people ----------------------------------------------------------------


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
        raise DialogueError("bad_period", _("Choose how long the block lasts."), 400)
    if user.pk == moderator.pk or user.has_perm("dialogue.moderate_comments"):
        raise DialogueError("not_allowed", _("Moderators cannot block moderators."), 403)
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


# Debates ------------------------------------------------------------------------------------


def debate_set_state(*, user, debate: DebatePage, state: str, conclusion: str = "") -> DebatePage:
    """Open, pre-moderated or closed. Closing needs a conclusion, shown at the top of the page.
    The page's latest revision is changed too, so a later publish by an editor keeps it."""
    if not user.has_perm("dialogue.switch_debate_state"):
        raise DialogueError("not_allowed", _("You cannot change the state of debates."), 403)
    if state not in DebateState.values:
        raise DialogueError("bad_state", _("Choose open, pre-moderated or closed."), 400)
    conclusion = (conclusion or "").strip()
    if state == DebateState.CLOSED and not conclusion:
        raise DialogueError(
            "conclusion_required", _("Write a conclusion before you close the debate."), 400
        )
    if len(conclusion) > MAX_COMMENT_LENGTH * 5:
        raise DialogueError("too_long", _("The conclusion is too long."), 400)
    with transaction.atomic():
        page = DebatePage.objects.select_for_update().get(pk=debate.pk)
        was = page.state
        page.state = state
        if conclusion:
            page.conclusion = conclusion
        DebatePage.objects.filter(pk=page.pk).update(state=page.state, conclusion=page.conclusion)
        revision = page.latest_revision
        if revision is not None:
            content = dict(revision.content)
            content["state"], content["conclusion"] = page.state, page.conclusion
            type(revision).objects.filter(pk=revision.pk).update(content=content)
        _log(
            moderator=user,
            action=ModerationAction.DEBATE_STATE,
            debate=page,
            reason=state,
            note=conclusion if state == DebateState.CLOSED else "",
            target=page.question[:255],
            details={"was": was},
        )
        _publish_after_commit(
            page.pk, {"type": "debate.state", "state": page.state, "conclusion": page.conclusion}
        )
    return page
