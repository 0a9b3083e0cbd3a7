"""Reads for the register, the partner pages, the totals and the staff overview."""

from collections import Counter
from datetime import date

from allauth.account.models import EmailAddress
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q, Sum
from django.utils import timezone

from core import pagecache
from core.privacy import mask_email
from partnerships.cache_tags import PARTNERS
from partnerships.models import (
    Commitment,
    CommitmentType,
    District,
    Kind,
    Membership,
    Organisation,
    Pledge,
    ReportState,
    YearlyReport,
    catalogue_text,
)

REGISTER_PAGE_SIZE = 24


def active_commitments():
    pagecache.depends_on(PARTNERS)
    return Commitment.objects.filter(
        pledge__withdrawn_at__isnull=True, pledge__organisation__is_public=True
    )


def organisation_list(
    *,
    q: str | None = None,
    kind: str | None = None,
    district: str | None = None,
    commitment: CommitmentType | int | None = None,
):
    """The public register narrowed by the reader's filters, by name."""
    organisations = Organisation.objects.public()
    if query := (q or "").strip():
        organisations = organisations.filter(
            Q(name__icontains=query) | Q(description__icontains=query) | Q(address__icontains=query)
        )
    if kind:
        organisations = organisations.filter(kind=kind)
    if district:
        organisations = organisations.filter(district=district)
    if commitment:
        organisations = organisations.filter(
            pledges__withdrawn_at__isnull=True,
            pledges__commitments__commitment_type=commitment,
        )
    return organisations.distinct().order_by("name")


def register_listing(*, page_number=None, **filters) -> dict:
    """Everything the register page shows for the filters (see `organisation_list`)."""
    pagecache.depends_on(PARTNERS)  # before anything is read (core/pagecache.py)
    paginator = Paginator(organisation_list(**filters), REGISTER_PAGE_SIZE)
    page_obj = paginator.get_page(page_number)
    return {
        "partners": page_obj.object_list,
        "page_obj": page_obj,
        "result_count": paginator.count,
        "total_count": Organisation.objects.public().count(),
        "chart": partner_chart(),
        "totals": pledge_totals(),
    }


def partner_chart() -> dict:
    """Public partners counted by district and kind, for the SVG chart and its table."""
    counts = Counter(Organisation.objects.public().values_list("district", "kind"))
    kinds = [kind for kind in Kind if any(k == kind for _d, k in counts)]
    rows = []
    for district in District:
        cells = [counts.get((district.value, kind.value), 0) for kind in kinds]
        rows.append({"district": district, "cells": cells, "total": sum(cells)})
    kind_totals = [sum(row["cells"][i] for row in rows) for i in range(len(kinds))]
    return {
        "kinds": kinds,
        "rows": rows,
        "kind_totals": kind_totals,
        "total": sum(kind_totals),
        "max_total": max([row["total"] for row in rows] + [0]),
    }


def pledge_totals(focus_area=None) -> list[dict]:
    """What public partners have pledged, per counted catalogue entry: "412 internship places".
    A focus area in another language counts the commitments linked to any of its translations."""
    commitments = active_commitments().filter(commitment_type__unit__gt="")
    if focus_area is not None:
        commitments = commitments.filter(
            commitment_type__focus_area__translation_key=getattr(
                focus_area, "translation_key", None
            )
        )
    rows = (
        commitments.values(
            "commitment_type",
            "commitment_type__name",
            "commitment_type__unit",
            "commitment_type__translations",
        )
        .annotate(total=Sum("quantity"), partners=Count("pledge__organisation", distinct=True))
        .order_by("commitment_type__sort_order", "commitment_type__name")
    )
    totals = []
    for row in rows:
        if not row["total"]:
            continue
        danish = {"name": row["commitment_type__name"], "unit": row["commitment_type__unit"]}
        text = catalogue_text(danish, row["commitment_type__translations"])
        totals.append(
            {
                "name": text.name,
                "unit": text.unit,
                "lang": text.lang,
                "total": row["total"],
                "partners": row["partners"],
            }
        )
    return totals


def partner_detail(slug: str) -> Organisation | None:
    pagecache.depends_on(PARTNERS)
    return Organisation.objects.filter(slug=slug).first()


def pledge_with_progress(pledge: Pledge | None):
    """The pledge's commitments, each with its latest reported progress."""
    if pledge is None:
        return []
    reports = list(pledge.reports.prefetch_related("progress").order_by("-year"))
    items = []
    for commitment in pledge.commitments.select_related("commitment_type"):
        latest = None
        for report in reports:
            latest = next(
                (p for p in report.progress.all() if p.commitment_id == commitment.pk), None
            )
            if latest is not None:
                latest.year = report.year
                break
        items.append({"commitment": commitment, "progress": latest})
    return items


def memberships_for(user):
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def report_state(pledge: Pledge | None, today: date | None = None) -> dict:
    """Whether a report is expected from this pledge now, and when."""
    today = today or timezone.localdate()
    if pledge is None or not pledge.is_active:
        return {"year": None, "state": ReportState.NONE}
    year = pledge.open_report_year(today)
    if year is None:
        return {"year": None, "state": ReportState.NONE}
    if today >= pledge.overdue_date(year):
        state = ReportState.OVERDUE
    elif today >= pledge.due_date(year):
        state = ReportState.DUE
    else:
        state = ReportState.OPEN
    return {"year": year, "state": state, "due": pledge.due_date(year)}


def overview_rows(today: date | None = None) -> list[dict]:
    """One row per commitment of every pledge (withdrawn ones too), with the latest report:
    the staff overview and its CSV export."""
    today = today or timezone.localdate()
    pledges = (
        Pledge.objects.select_related("organisation")
        .prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.select_related("commitment_type")),
            Prefetch(
                "reports",
                queryset=YearlyReport.objects.prefetch_related("progress").order_by("-year"),
            ),
        )
        .order_by("organisation__name", "-signed_on")
    )
    rows = []
    for pledge in pledges:
        organisation = pledge.organisation
        reports = list(pledge.reports.all())
        state = report_state(pledge, today)
        for commitment in pledge.commitments.all():
            progress, year = None, None
            for report in reports:
                progress = next(
                    (p for p in report.progress.all() if p.commitment_id == commitment.pk), None
                )
                if progress is not None:
                    year = report.year
                    break
            rows.append(
                {
                    "organisation": organisation,
                    "pledge": pledge,
                    "commitment": commitment,
                    "report_state": state["state"],
                    "latest_report_year": year,
                    "progress": progress,
                }
            )
    return rows


def catalogue_for(kind: str) -> list[CommitmentType]:
    return CommitmentType.objects.for_kind(kind)


def invitation_address_shown_to(*, user, invitation) -> str:
    """The invited address in full to the person logged in with it; masked to anyone else who
    holds the link (a forwarded mail, a shared screen)."""
    address = invitation.email
    owns = user.is_authenticated and (
        (user.email or "").lower() == address.lower()
        or EmailAddress.objects.filter(user=user, email__iexact=address).exists()
    )
    return address if owns else mask_email(address)
