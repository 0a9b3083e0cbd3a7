"""Writes: the activity history kept when a plan is published, the think tank's badge for a
member with an account, and the example content's reports."""

from __future__ import annotations

from django.db import transaction

from accountability.models import ActionPlanPage, ActivityStatusChange, ThinkTankMember


def plan_record_history(*, plan: ActionPlanPage) -> list[ActivityStatusChange]:
    """After `plan` is published: a history entry for each activity whose status, progress,
    status date or note differs from its last entry (or that has none yet). Entries are only
    added, never changed, so the history says what the plan said on each day."""
    from wagtail.models import Locale

    # Activities are kept on the default-language plan; a translation's copies are not.
    if not isinstance(plan, ActionPlanPage) or plan.locale_id != Locale.get_default().pk:
        return []
    written = []
    with transaction.atomic():
        activities = list(plan.activities.all().prefetch_related("history"))
        for activity in activities:
            last = next(iter(activity.history.all()), None)
            state = (activity.status, activity.progress, activity.status_date, activity.status_note)
            if last is not None and (last.status, last.progress, last.status_date, last.note) == (
                state
            ):
                continue
            written.append(
                ActivityStatusChange.objects.create(
                    activity=activity,
                    previous_status=last.status if last else "",
                    status=activity.status,
                    progress=activity.progress,
                    status_date=activity.status_date,
                    note=activity.status_note,
                )
            )
    return written


def member_grant_badge(*, member: ThinkTankMember) -> None:
    """A member linked to an account carries the think tank's badge on their comments."""
    from accounts.models import Badge, BadgeKind

    if member.account_id is None or not member.is_active:
        return
    Badge.objects.update_or_create(
        user_id=member.account_id,
        kind=BadgeKind.EXPERT,
        defaults={"note": member.organisation[:120]},
    )
