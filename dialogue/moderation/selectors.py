"""Reads for the moderators: the queue with what they need to decide, a thread for context,
an author's history, and the audit log."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q

from dialogue.models import (
    Comment,
    CommentStatus,
    HeldBecause,
    ModerationAction,
    ModerationLogEntry,
    Report,
    ReportReason,
)

QUEUE_REASONS = [*ReportReason.choices, *HeldBecause.choices]


@dataclass
class AuthorHistory:
    hidden: int = 0
    removed: int = 0
    warnings: int = 0
    blocks: int = 0
    entries: list = field(default_factory=list)


def queue_count() -> int:
    return Comment.objects.in_queue().count()


def queue(*, debate_id: int | None = None, reason: str | None = None):
    """Everything waiting for a moderator, oldest first."""
    open_reports = Report.objects.filter(resolved_at__isnull=True).select_related("reporter")
    comments = (
        Comment.objects.in_queue()
        .select_related("debate", "author", "parent", "parent__author")
        .annotate(open_report_count=Count("reports", filter=Q(reports__resolved_at__isnull=True)))
        .prefetch_related(Prefetch("reports", queryset=open_reports, to_attr="open_reports"))
        .order_by("queued_at", "id")
    )
    if debate_id:
        comments = comments.filter(debate_id=debate_id)
    if reason in ReportReason.values:
        comments = comments.filter(
            pk__in=Report.objects.filter(reason=reason, resolved_at__isnull=True).values(
                "comment_id"
            )
        )
    elif reason in HeldBecause.values:
        comments = comments.filter(held_because=reason)
    return comments


def reason_summary(reports: list[Report]) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for report in reports:
        label = str(report.get_reason_display())
        counts[label] = counts.get(label, 0) + 1
    return sorted(counts.items(), key=lambda item: -item[1])


def author_histories(user_ids) -> dict[int, AuthorHistory]:
    """Earlier hidden and removed comments, warnings and blocks, for a page of the queue in
    two queries."""
    ids = [pk for pk in set(user_ids) if pk]
    histories = {pk: AuthorHistory() for pk in ids}
    rows = (
        Comment.objects.filter(
            author_id__in=ids, status__in=[CommentStatus.HIDDEN, CommentStatus.REMOVED]
        )
        .values("author_id", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        history = histories[row["author_id"]]
        if row["status"] == CommentStatus.HIDDEN:
            history.hidden = row["n"]
        else:
            history.removed = row["n"]
    actions = (
        ModerationLogEntry.objects.filter(
            target_user_id__in=ids, action__in=[ModerationAction.WARN, ModerationAction.BLOCK]
        )
        .values("target_user_id", "action")
        .annotate(n=Count("id"))
    )
    for row in actions:
        history = histories[row["target_user_id"]]
        if row["action"] == ModerationAction.WARN:
            history.warnings = row["n"]
        else:
            history.blocks = row["n"]
    return histories


def author_log(user_id: int | None, limit: int = 20) -> list[ModerationLogEntry]:
    if not user_id:
        return []
    return list(
        ModerationLogEntry.objects.filter(target_user_id=user_id)
        .select_related("moderator")
        .order_by("-created_at", "-id")[:limit]
    )


def thread_for(comment: Comment) -> list[Comment]:
    """The whole thread the comment belongs to, every status included, in reading order."""
    root_id = comment.root_id or comment.pk
    return list(
        Comment.objects.filter(Q(pk=root_id) | Q(root_id=root_id))
        .select_related("author")
        .order_by("id")
    )


def all_reports(comment: Comment) -> list[Report]:
    return list(comment.reports.select_related("reporter").order_by("created_at", "id"))


def log_entries(*, action: str | None = None, moderator_id=None, debate_id=None, user_id=None):
    entries = ModerationLogEntry.objects.select_related("moderator", "target_user", "debate")
    if action in ModerationAction.values:
        entries = entries.filter(action=action)
    if moderator_id:
        entries = entries.filter(moderator_id=moderator_id)
    if debate_id:
        entries = entries.filter(debate_id=debate_id)
    if user_id:
        entries = entries.filter(target_user_id=user_id)
    return entries.order_by("-created_at", "-id")
