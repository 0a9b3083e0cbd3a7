"""Thin views: read through selectors, write through services, permissions from rules.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Locale

from home.policy_text import POLICY
from partnerships import selectors, services
from partnerships.forms import (
    InviteForm,
    OrganisationForm,
    PledgeForm,
    ReportForm,
    WithdrawForm,
)
from partnerships.models import Membership, Organisation, PartnerIndexPage


def add_errors(form, error: ValidationError) -> None:
    """A service's ValidationError onto the form: on the field when the form has it."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            target = field if field in form.fields else None
            if field == NON_FIELD_ERRORS:
                target = None
            for item in errors:
                form.add_error(target, item)
    else:
        form.add_error(None, error)


def _check(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def pledge_text(actor: str) -> dict:
    """The policy's three principles and this actor's responsibilities, in the page language."""
    language = get_language() if get_language() in POLICY else "da"
    policy = POLICY[language]
    responsibility = next(r for r in policy["responsibilities"] if r["actor"] == actor)
    return {"principles": policy["principles"], "responsibility": responsibility}


def register_page(request):
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        locale = None
    pages = PartnerIndexPage.objects.live()
    return (pages.filter(locale=locale).first() if locale else None) or pages.first()


def _organisation_for(request, pk: int, perm: str) -> Organisation:
    organisation = get_object_or_404(Organisation, pk=pk)
    _check(request, perm, organisation)
    return organisation


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    if not request.user.has_perm("partnerships.register_organisation"):
        return render(request, "partnerships/verify_first.html", status=403)
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_register(
                user=request.user, **form.service_fields()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s is registered. Next step: sign the pledge.")
                % {"name": organisation.name},
            )
            return redirect("partnerships:pledge", pk=organisation.pk)
    status = 400 if form.errors else 200
    return render(request, "partnerships/register.html", {"form": form}, status=status)


def partner(request, slug):
    organisation = selectors.partner_detail(slug)
    if organisation is None or not request.user.has_perm("partnerships.view_partner", organisation):
        raise Http404
    pledge = organisation.active_pledge
    context = {
        "organisation": organisation,
        "pledge": pledge,
        "items": selectors.pledge_with_progress(pledge),
        "register_page": register_page(request),
        "pledge_text": pledge_text(organisation.actor) if pledge else None,
    }
    return render(request, "partnerships/partner.html", context)


@login_required
def mine(request):
    return render(
        request,
        "partnerships/mine.html",
        {"memberships": selectors.memberships_for(request.user)},
    )


@login_required
def dashboard(request, pk):
    organisation = _organisation_for(request, pk, "partnerships.view_dashboard")
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
    }
    return render(request, "partnerships/dashboard.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    organisation = _organisation_for(request, pk, "partnerships.manage_organisation")
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(
                user=request.user, organisation=organisation, **form.service_fields()
            )
        except ValidationError as error:
            organisation.refresh_from_db()
            add_errors(form, error)
        else:
            messages.success(request, _("The organisation's details are saved."))
            return redirect("partnerships:dashboard", pk=organisation.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "partnerships/edit.html",
        {"form": form, "organisation": organisation},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def pledge(request, pk):
    organisation = _organisation_for(request, pk, "partnerships.manage_organisation")
    if organisation.active_pledge is not None:
        messages.info(request, _("Your organisation has already signed the pledge."))
        return redirect("partnerships:dashboard", pk=organisation.pk)
    catalogue = selectors.catalogue_for(organisation.kind)
    form = PledgeForm(request.POST or None, catalogue=catalogue)
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_sign(
                user=request.user,
                organisation=organisation,
                signatory_name=form.cleaned_data["signatory_name"],
                signatory_role=form.cleaned_data["signatory_role"],
                commitments=form.cleaned_data["commitments"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you! Your pledge is signed."))
            return redirect("partnerships:dashboard", pk=organisation.pk)
    status = 400 if form.errors else 200
    context = {
        "form": form,
        "organisation": organisation,
        "pledge_text": pledge_text(organisation.actor),
        "today": timezone.localdate(),
    }
    return render(request, "partnerships/pledge.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, pk):
    organisation = _organisation_for(request, pk, "partnerships.manage_organisation")
    active = organisation.active_pledge
    if active is None:
        raise Http404
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.pledge_withdraw(
                user=request.user, pledge=active, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request, _("Your pledge is withdrawn; you no longer appear in the register.")
            )
            return redirect("partnerships:dashboard", pk=organisation.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "partnerships/withdraw.html",
        {"form": form, "organisation": organisation, "pledge": active},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    organisation = _organisation_for(request, pk, "partnerships.report_progress")
    active = organisation.active_pledge
    state = selectors.report_state(active)
    if active is None or state["year"] is None:
        messages.info(request, _("There is no report to give right now."))
        return redirect("partnerships:dashboard", pk=organisation.pk)
    commitments = active.commitments.select_related("commitment_type")
    form = ReportForm(request.POST or None, commitments=commitments)
    if request.method == "POST" and form.is_valid():
        try:
            services.report_submit(
                user=request.user,
                pledge=active,
                year=state["year"],
                entries=form.entries(),
                summary=form.cleaned_data["summary"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you for your report."))
            return redirect("partnerships:dashboard", pk=organisation.pk)
    status = 400 if form.errors else 200
    return render(
        request,
        "partnerships/report.html",
        {"form": form, "organisation": organisation, "state": state},
        status=status,
    )


@login_required
@require_POST
def invite(request, pk):
    organisation = _organisation_for(request, pk, "partnerships.manage_organisation")
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.member_invite(
                user=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("An invitation is on its way to %(email)s.")
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("partnerships:dashboard", pk=organisation.pk)
    return render(
        request,
        "partnerships/invite.html",
        {"invite_form": form, "organisation": organisation},
        status=400,
    )


@login_required
@require_POST
def remove_member(request, pk, membership_pk):
    organisation = _organisation_for(request, pk, "partnerships.manage_organisation")
    membership = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    try:
        services.member_remove(user=request.user, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
    return redirect("partnerships:dashboard", pk=organisation.pk)


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    from partnerships.models import Invitation

    found = Invitation.objects.select_related("organisation").filter(token=token).first()
    if found is None:
        raise Http404
    error = None
    if request.method == "POST":
        try:
            membership = services.invitation_accept(user=request.user, token=token)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        except PermissionDenied:
            error = _("Please verify your e-mail address first.")
        else:
            messages.success(
                request,
                _("Welcome to %(name)s.") % {"name": membership.organisation.name},
            )
            return redirect("partnerships:dashboard", pk=membership.organisation_id)
    return render(
        request,
        "partnerships/invitation.html",
        {"invitation": found, "error": error},
        status=400 if error else 200,
    )
