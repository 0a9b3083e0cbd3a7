"""Yearly reports and the reminders that ask for them."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.rules import require
from partnerships import emails, notices
from partnerships.models import (
    CommitmentProgress,
    Pledge,
    ProgressStatus,
    ReminderKind,
    ReminderSent,
    ReviewStatus,
    YearlyReport,
)
from partnerships.services.common import full_clean


def report_submit(
    *, user, pledge: Pledge, year: int, entries: list[dict], summary: str = ""
) -> YearlyReport:
    """`entries` holds one dict per commitment: commitment, status, quantity_achieved, note."""
    require(user, "partnerships.report_progress", pledge.organisation)
    if not pledge.is_active:
        raise ServiceError("withdrawn", _("A withdrawn pledge takes no reports."), 409)
    commitments = {c.pk: c for c in pledge.commitments.all()}
    given = {entry["commitment"].pk for entry in entries}
    if given != set(commitments):
        raise ServiceError("incomplete", _("Report on every commitment of the pledge."))
    report = YearlyReport(
        pledge=pledge, year=year, summary=(summary or "").strip(), submitted_by=user
    )
    full_clean(report, validate_constraints=False)
    progress = []
    for entry in entries:
        item = CommitmentProgress(
            commitment=entry["commitment"],
            status=entry["status"],
            quantity_achieved=entry.get("quantity_achieved"),
            note=(entry.get("note") or "").strip(),
        )
        full_clean(item, exclude=["report"], validate_constraints=False)
        progress.append(item)
    duplicate = ServiceError(
        "duplicate", _("The report for %(year)s has already been given.") % {"year": year}, 409
    )
    if pledge.reports.filter(year=year).exists():
        raise duplicate
    try:
        with transaction.atomic():
            report.save()
            for item in progress:
                item.report = report
                item.save()
            notices.report_submitted(report, actor=user)
    except IntegrityError:
        raise duplicate from None
    return report


def reminders_send(*, today: date) -> dict[str, int]:
    """Sends each reminder at most once: the row in ReminderSent is written first, in its own
    transaction, and only the run that wrote it sends the mail."""
    sent = {ReminderKind.DUE: 0, ReminderKind.OVERDUE: 0}
    pledges = (
        Pledge.objects.active()
        .filter(organisation__status=ReviewStatus.APPROVED)
        .select_related("organisation")
    )
    for pledge in pledges:
        year = pledge.latest_due_year(today)
        if year is None or pledge.reports.filter(year=year).exists():
            continue
        kind = ReminderKind.OVERDUE if today >= pledge.overdue_date(year) else ReminderKind.DUE
        try:
            with transaction.atomic():
                _reminder, created = ReminderSent.objects.get_or_create(
                    pledge=pledge, year=year, kind=kind
                )
        except IntegrityError:
            created = False
        if created:
            emails.send_report_reminder(pledge, year, kind)
            sent[kind] += 1
    return {str(k): v for k, v in sent.items()}


__all__ = ["ProgressStatus", "reminders_send", "report_submit"]
