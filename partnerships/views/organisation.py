"""Registering an organisation and managing its pledge and reports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.errors import ServiceError, add_to_form
from core.rules import refusal
from partnerships import selectors, services
from partnerships.forms import InviteForm, OrganisationForm, PledgeForm, ReportForm, WithdrawForm
from partnerships.views.common import (
    CHOICES,
    answers_refusals,
    form_status,
    organisation_for,
    pledge_text,
    refused,
)


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    if (error := refusal(request.user, "partnerships.register_organisation")) is not None:
        if error.code == "unverified":
            return refused(request, error, "partnerships/verify_first.html")
        return refused(request, error)
    form = OrganisationForm(request.POST or None, request.FILES or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_register(
                user=request.user, **form.service_fields()
            )
        except ServiceError as caught:
            error = caught
            add_to_form(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is registered. Next step: sign the pledge.")
                % {"name": organisation.name},
            )
            return redirect("partnerships:pledge", pk=organisation.pk)
    status = form_status(form, error)
    return render(request, "partnerships/register.html", {"form": form}, status=status)


@login_required
@answers_refusals
def dashboard(request, pk):
    organisation = organisation_for(request, pk, "partnerships.view_dashboard")
    pledge = organisation.active_pledge
    is_admin = request.user.has_perm("partnerships.manage_organisation", organisation)
    context = {
        "organisation": organisation,
        "pledge": pledge,
        "items": selectors.pledge_with_progress(pledge),
        "report": selectors.report_state(pledge),
        "is_admin": is_admin,
        "memberships": organisation.memberships.select_related("user"),
        "invitations": [i for i in organisation.invitations.all() if i.is_open],
        "invite_form": InviteForm(),
        "past_pledges": organisation.pledges.filter(withdrawn_at__isnull=False),
        **CHOICES,
    }
    return render(request, "partnerships/dashboard.html", context)


@login_required
@answers_refusals
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    organisation = organisation_for(request, pk, "partnerships.manage_organisation")
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                user=request.user, organisation=organisation, **form.service_fields()
            )
        except ServiceError as caught:
            error = caught
            organisation.refresh_from_db()
            add_to_form(form, error)
        else:
            messages.success(request, _("The organisation's details are saved."))
            return redirect("partnerships:dashboard", pk=organisation.pk)
    status = form_status(form, error)
    return render(
        request,
        "partnerships/edit.html",
        {"form": form, "organisation": organisation, **CHOICES},
        status=status,
    )


@login_required
@answers_refusals
@require_http_methods(["GET", "POST"])
def pledge(request, pk):
    organisation = organisation_for(request, pk, "partnerships.manage_organisation")
    if organisation.active_pledge is not None:
        messages.info(request, _("Your organisation has already signed the pledge."))
        return redirect("partnerships:dashboard", pk=organisation.pk)
    catalogue = selectors.catalogue_for(organisation.kind)
    form = PledgeForm(request.POST or None, catalogue=catalogue)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_sign(
                user=request.user,
                organisation=organisation,
                signatory_name=form.cleaned_data["signatory_name"],
                signatory_role=form.cleaned_data["signatory_role"],
                commitments=form.cleaned_data["commitments"],
            )
        except ServiceError as caught:
            error = caught
            add_to_form(form, error)
        else:
            messages.success(request, _("Thank you! Your pledge is signed."))
            return redirect("partnerships:dashboard", pk=organisation.pk)
    status = form_status(form, error)
    context = {
        "form": form,
        "organisation": organisation,
        "pledge_text": pledge_text(organisation.actor),
        "today": timezone.localdate(),
    }
    return render(request, "partnerships/pledge.html", context, status=status)


@login_required
@answers_refusals
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    organisation = organisation_for(request, pk, "partnerships.manage_organisation")
    active = organisation.active_pledge
    if active is None:
        raise Http404
    form = WithdrawForm(request.POST or None)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_withdraw(
                user=request.user, pledge=active, reason=form.cleaned_data["reason"]
            )
        except ServiceError as caught:
            error = caught
            add_to_form(form, error)
        else:
            messages.success(
                request, _("Your pledge is withdrawn; you no longer appear in the register.")
            )
            return redirect("partnerships:dashboard", pk=organisation.pk)
    status = form_status(form, error)
    return render(
        request,
        "partnerships/withdraw.html",
        {"form": form, "organisation": organisation, "pledge": active},
        status=status,
    )


@login_required
@answers_refusals
@require_http_methods(["GET", "POST"])
def report(request, pk):
    organisation = organisation_for(request, pk, "partnerships.report_progress")
    active = organisation.active_pledge
    state = selectors.report_state(active)
    if active is None or state["year"] is None:
        messages.info(request, _("There is no report to give right now."))
        return redirect("partnerships:dashboard", pk=organisation.pk)
    commitments = active.commitments.select_related("commitment_type")
    form = ReportForm(request.POST or None, commitments=commitments)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            services.report_submit(
                user=request.user,
                pledge=active,
                year=state["year"],
                entries=form.entries(),
                summary=form.cleaned_data["summary"],
            )
        except ServiceError as caught:
            error = caught
            add_to_form(form, error)
        else:
            messages.success(request, _("Thank you for your report."))
            return redirect("partnerships:dashboard", pk=organisation.pk)
    status = form_status(form, error)
    return render(
        request,
        "partnerships/report.html",
        {"form": form, "organisation": organisation, "state": state},
        status=status,
    )
