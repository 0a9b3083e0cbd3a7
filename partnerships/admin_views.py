"""Staff screens in the Wagtail admin: reviewing one organisation, and the overview of all
partners and their yearly reports with its CSV export."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from core.admin import PermissionRequiredMixin
from core.csv import safe_row
from core.errors import ServiceError, add_to_form
from partnerships import selectors, services
from partnerships.forms import RejectForm
from partnerships.models import Organisation
from partnerships.views.common import CHOICES

REVIEW_PERMISSION = "partnerships.review_partners"


class ReviewView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = REVIEW_PERMISSION
    template_name = "partnerships/admin/review.html"
    header_icon = "group"
    page_title = gettext_lazy("Review partner")

    def get_page_subtitle(self):
        return self.organisation.name

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailsnippets_partnerships_organisation:list"),
                "label": _("Organisations"),
            },
            {"url": "", "label": self.organisation.name},
        ]

    def dispatch(self, request, pk, *args, **kwargs):
        self.organisation = get_object_or_404(Organisation, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pledge = self.organisation.active_pledge
        context.update(
            {
                "organisation": self.organisation,
                "pledge": pledge,
                "items": selectors.pledge_with_progress(pledge),
                "past_pledges": self.organisation.pledges.filter(withdrawn_at__isnull=False),
                "memberships": self.organisation.memberships.select_related("user"),
                "reject_form": kwargs.get("reject_form") or RejectForm(),
                **CHOICES,
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action == "approve":
            services.organisation_approve(reviewer=request.user, organisation=self.organisation)
            messages.success(
                request, _("%(name)s is approved and told so.") % {"name": self.organisation}
            )
            return redirect("wagtailsnippets_partnerships_organisation:list")
        if action == "reject":
            form = RejectForm(request.POST)
            if form.is_valid():
                try:
                    services.organisation_reject(
                        reviewer=request.user,
                        organisation=self.organisation,
                        reason=form.cleaned_data["reason"],
                    )
                except ServiceError as error:
                    add_to_form(form, error)
                else:
                    messages.success(
                        request,
                        _("%(name)s is rejected and told why.") % {"name": self.organisation},
                    )
                    return redirect("wagtailsnippets_partnerships_organisation:list")
            response = self.render_to_response(self.get_context_data(reject_form=form))
            response.status_code = 400
            return response
        return HttpResponse(status=400)


class OverviewView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = REVIEW_PERMISSION
    template_name = "partnerships/admin/overview.html"
    header_icon = "list-ul"
    page_title = gettext_lazy("Partners and yearly reports")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(CHOICES, rows=selectors.overview_rows())
        context["csv_url"] = reverse("partnerships_admin:overview_csv")
        return context


CSV_COLUMNS = [
    ("organisation", gettext_lazy("Organisation")),
    ("cvr", gettext_lazy("CVR number")),
    ("kind", gettext_lazy("Kind")),
    ("district", gettext_lazy("District")),
    ("review_status", gettext_lazy("Review status")),
    ("public", gettext_lazy("Public")),
    ("example", gettext_lazy("Example")),
    ("signed_on", gettext_lazy("Pledge signed")),
    ("withdrawn_at", gettext_lazy("Pledge withdrawn")),
    ("commitment", gettext_lazy("Commitment")),
    ("pledged", gettext_lazy("Pledged number")),
    ("unit", gettext_lazy("Unit")),
    ("description", gettext_lazy("Description")),
    ("target_date", gettext_lazy("Target date")),
    ("report_state", gettext_lazy("Report state")),
    ("report_year", gettext_lazy("Latest report year")),
    ("progress", gettext_lazy("Reported status")),
    ("achieved", gettext_lazy("Reported number")),
    ("note", gettext_lazy("Reported note")),
]


def csv_row(row: dict) -> dict:
    organisation, pledge, commitment = row["organisation"], row["pledge"], row["commitment"]
    progress = row["progress"]
    return {
        "organisation": organisation.name,
        "cvr": organisation.cvr,
        "kind": organisation.get_kind_display(),
        "district": organisation.get_district_display(),
        "review_status": organisation.get_status_display(),
        "public": _("yes") if organisation.is_public else _("no"),
        "example": _("yes") if organisation.is_example else _("no"),
        "signed_on": pledge.signed_on.isoformat(),
        "withdrawn_at": pledge.withdrawn_at.date().isoformat() if pledge.withdrawn_at else "",
        "commitment": commitment.commitment_type.name,
        "pledged": commitment.quantity if commitment.quantity is not None else "",
        "unit": commitment.commitment_type.unit,
        "description": commitment.description,
        "target_date": commitment.target_date.isoformat(),
        "report_state": row["report_state"],
        "report_year": row["latest_report_year"] or "",
        "progress": progress.get_status_display() if progress else "",
        "achieved": (
            progress.quantity_achieved
            if progress and progress.quantity_achieved is not None
            else ""
        ),
        "note": progress.note if progress else "",
    }


class OverviewCSVView(PermissionRequiredMixin, View):
    """Every cell, the header too, passes `safe_cell`: no formula from what organisations
    typed reaches a spreadsheet (CSV injection)."""

    permission = REVIEW_PERMISSION

    def get(self, request):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="partners-{stamp}.csv"'
        response.write("\ufeff")  # so spreadsheet programs read the Danish letters right
        writer = csv.writer(response)
        writer.writerow(safe_row(label for _key, label in CSV_COLUMNS))
        for row in selectors.overview_rows():
            values = csv_row(row)
            writer.writerow(safe_row(values[key] for key, _label in CSV_COLUMNS))
        return response
