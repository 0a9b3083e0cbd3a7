"""Invitations and members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.clientip import client_ip
from core.errors import ServiceError, add_to_form
from core.http import post_only
from partnerships import selectors, services
from partnerships.forms import InviteForm
from partnerships.models import Invitation, Membership
from partnerships.views.common import answers_refusals, form_status, organisation_for


def _back_to_dashboard(request, pk, **kwargs) -> str:
    return reverse("partnerships:dashboard", kwargs={"pk": pk})


@login_required
@answers_refusals
@post_only(_back_to_dashboard)
def invite(request, pk):
    organisation = organisation_for(request, pk, "partnerships.manage_organisation")
    form = InviteForm(request.POST)
    error = None
    if form.is_valid():
        try:
            services.member_invite(
                user=request.user,
                organisation=organisation,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                ip=client_ip(request),
            )
        except ServiceError as refusal:
            error = refusal
            add_to_form(form, error)
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
        status=form_status(form, error),
    )


@login_required
@answers_refusals
@post_only(_back_to_dashboard)
def remove_member(request, pk, membership_pk):
    organisation = organisation_for(request, pk, "partnerships.manage_organisation")
    membership = get_object_or_404(Membership, pk=membership_pk, organisation=organisation)
    try:
        services.member_remove(user=request.user, membership=membership)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(name)s is no longer a member.") % {"name": membership.user})
    return redirect("partnerships:dashboard", pk=organisation.pk)


@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    found = Invitation.objects.select_related("organisation").filter(token=token).first()
    if found is None:
        raise Http404
    error = None
    if request.method == "POST":
        try:
            membership = services.invitation_accept(user=request.user, token=token)
        except ServiceError as refusal:
            error = refusal  # the rules' reason: expired, another address, unverified...
        else:
            messages.success(
                request,
                _("Welcome to %(name)s.") % {"name": membership.organisation.name},
            )
            return redirect("partnerships:dashboard", pk=membership.organisation_id)
    return render(
        request,
        "partnerships/invitation.html",
        {
            "invitation": found,
            "invited_address": selectors.invitation_address_shown_to(
                user=request.user, invitation=found
            ),
            "error": error,
        },
        status=error.page_status if error else 200,
    )
