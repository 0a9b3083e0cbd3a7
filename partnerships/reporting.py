"""Partnerships in one year's figures, for the yearly status report (accountability.reporting):
organisations approved, pledges signed and in force, commitments by kind, yearly partner reports
delivered. Labels are English msgids, translated when the report is shown. Example content is
counted (the demo shows a report), and said so in a figure of its own."""

from django.db.models import Count, Q
from django.utils.translation import gettext_noop

from core.years import year_bounds
from partnerships.models import Commitment, Organisation, Pledge, YearlyReport
from partnerships.models.choices import ReviewStatus


def year_in_figures(year: int) -> dict:
    start, end = year_bounds(year)
    approved = Organisation.objects.filter(status=ReviewStatus.APPROVED).filter(
        Q(reviewed_at__lt=end) | Q(reviewed_at__isnull=True, created_at__lt=end)
    )
    counts = approved.aggregate(
        total=Count("pk"),
        new=Count(
            "pk",
            filter=Q(reviewed_at__gte=start) | Q(reviewed_at__isnull=True, created_at__gte=start),
        ),
        examples=Count("pk", filter=Q(is_example=True)),
    )
    in_force = Pledge.objects.filter(signed_on__lte=f"{year}-12-31").filter(
        Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=end)
    )
    pledges = in_force.aggregate(
        total=Count("pk"), signed=Count("pk", filter=Q(signed_on__year=year))
    )
    by_kind = list(
        Commitment.objects.filter(pledge__in=in_force)
        .values("commitment_type__name")
        .annotate(
            commitments=Count("pk"), organisations=Count("pledge__organisation", distinct=True)
        )
        .order_by("commitment_type__name")
    )
    reports = YearlyReport.objects.filter(year=year).count()
    has_data = bool(counts["new"] or pledges["signed"] or reports)
    return {
        "key": "partnerships",
        "heading": gettext_noop("Partnerships"),
        "has_data": has_data,
        "facts": [
            {
                "label": gettext_noop("Approved partner organisations at year end"),
                "value": counts["total"],
            },
            {"label": gettext_noop("Newly approved during the year"), "value": counts["new"]},
            {"label": gettext_noop("Pledges in force at year end"), "value": pledges["total"]},
            {"label": gettext_noop("Pledges signed during the year"), "value": pledges["signed"]},
            {
                "label": gettext_noop("Yearly partner reports delivered for the year"),
                "value": reports,
            },
            {
                "label": gettext_noop("Of the organisations, example content"),
                "value": counts["examples"],
            },
        ],
        "tables": [
            {
                "name": "commitments-by-kind",
                "caption": gettext_noop("Commitments by kind, pledges in force at year end"),
                "columns": [
                    gettext_noop("Kind"),
                    gettext_noop("Commitments"),
                    gettext_noop("Organisations"),
                ],
                "rows": [
                    [row["commitment_type__name"], row["commitments"], row["organisations"]]
                    for row in by_kind
                ],
            }
        ],
    }
