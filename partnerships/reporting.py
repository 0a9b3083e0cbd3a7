"""Partnerships in one year's figures, for the yearly status report (accountability.reporting).

Labels are English msgids, marked and not translated: the report stores them and translates
them when it is shown, so one snapshot serves every language.

The register keeps each organisation's review status now and when it was last reviewed, not a
history. So "approved at year end" means approved now and reviewed before the year ended (or,
never reviewed, registered before it: the demo loader and the admin approve without a review);
an organisation sent back to review later drops out of the earlier years as well.

A pledge counts only when its organisation does: a pledge signed while the organisation still
awaits review, or after it was rejected, is not one the city has accepted (the public register
shows the same ones). Example content is counted, so the demo's report has figures, and a figure
of its own says how many of the organisations are examples. The table names each catalogue entry
by its Danish name: data, like an organisation's name, not a msgid.

Four queries, however many organisations, pledges and reports there are."""

from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_noop

from core.years import year_bounds
from partnerships.models import Commitment, Organisation, Pledge, ReviewStatus, YearlyReport


def year_in_figures(year: int) -> dict:
    start, end = year_bounds(year)
    first_day, last_day = date(year, 1, 1), date(year, 12, 31)

    # When an organisation was approved: its review, else its registration.
    approved = Organisation.objects.annotate(
        approved_at=Coalesce("reviewed_at", "created_at")
    ).filter(status=ReviewStatus.APPROVED, approved_at__lt=end)
    organisations = approved.aggregate(
        at_year_end=Count("pk"),
        examples=Count("pk", filter=Q(is_example=True)),
        new=Count("pk", filter=Q(approved_at__gte=start)),
    )

    in_force = (
        Pledge.objects.annotate(
            approved_at=Coalesce("organisation__reviewed_at", "organisation__created_at")
        )
        .filter(
            organisation__status=ReviewStatus.APPROVED,
            approved_at__lt=end,
            signed_on__lte=last_day,
        )
        .filter(Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gte=end))
    )
    pledges = in_force.aggregate(
        in_force=Count("pk"), signed=Count("pk", filter=Q(signed_on__gte=first_day))
    )

    by_type = (
        Commitment.objects.filter(pledge__in=in_force.values("pk"))
        .values("commitment_type", "commitment_type__name", "commitment_type__sort_order")
        .annotate(
            commitments=Count("pk"), organisations=Count("pledge__organisation", distinct=True)
        )
        .order_by("commitment_type__sort_order", "commitment_type__name", "commitment_type")
    )
    rows = [
        [row["commitment_type__name"], row["commitments"], row["organisations"]] for row in by_type
    ]

    # A report is given "for" the year of the pledge's anniversary it answers.
    reports = YearlyReport.objects.filter(year=year).count()

    facts = [
        {
            "label": gettext_noop("Approved partner organisations at year end"),
            "value": organisations["at_year_end"],
        },
        {
            "label": gettext_noop("Of the organisations, example content"),
            "value": organisations["examples"],
        },
        {
            "label": gettext_noop("Newly approved during the year"),
            "value": organisations["new"],
        },
        {"label": gettext_noop("Pledges in force at year end"), "value": pledges["in_force"]},
        {
            "label": gettext_noop("Pledges signed during the year, not withdrawn by year end"),
            "value": pledges["signed"],
        },
        {"label": gettext_noop("Yearly partner reports delivered for the year"), "value": reports},
    ]
    return {
        "key": "partnerships",
        "heading": gettext_noop("Partnerships"),
        "has_data": any(fact["value"] for fact in facts) or bool(rows),
        "facts": facts,
        "tables": [
            {
                "name": "commitments-by-kind",
                "caption": gettext_noop("Commitments by kind, pledges in force at year end"),
                "columns": [
                    gettext_noop("Kind"),
                    gettext_noop("Commitments"),
                    gettext_noop("Organisations"),
                ],
                "rows": rows,
            }
        ],
    }
