"""Invitations and members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partnerships import services
from partnerships.forms import InviteForm
from partnerships.models import Membership
from partnerships.views.common import (
    add_errors,
    organisation_for,
)


@login_required
@require_POST
def invite(request, pk):
    organisation = organisation_for(request, pk, "partnerships.manage_organisation")
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
    organisation = organisation_for(request, pk, "partnerships.manage_organisation")
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
