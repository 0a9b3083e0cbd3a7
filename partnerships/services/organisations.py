"""Registering, reviewing and staffing organisations."""

import logging
import secrets

from allauth.account.models import EmailAddress
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import ratelimit
from core.errors import ServiceError
from core.privacy import mask_email
from core.rules import require
from partnerships import emails, notices
from partnerships.cvr import normalise_cvr
from partnerships.models import Invitation, Membership, Organisation, ReviewStatus, Role
from partnerships.services.common import full_clean, refresh_public

logger = logging.getLogger(__name__)

EDITABLE_FIELDS = (
    "name",
    "kind",
    "cvr",
    "address",
    "district",
    "website",
    "description",
    "logo",
    "contact_name",
    "contact_email",
    "contact_phone",
)


def cvr_taken_error() -> ServiceError:
    return ServiceError(
        "cvr_taken",
        fields={
            "cvr": [
                _(
                    "An organisation with this CVR number is already registered. Ask its "
                    "administrator to invite you, or contact us if you think this is a mistake."
                )
            ]
        },
    )


def _slug_for(name: str, attempt: int) -> str:
    base = slugify(name)[:200] or "partner"
    if attempt == 0 and not Organisation.objects.filter(slug=base).exists():
        return base
    number = Organisation.objects.filter(slug__startswith=base).count() + 1 + attempt
    if attempt > 2:
        return f"{base}-{secrets.token_hex(3)}"
    return f"{base}-{number}"


def organisation_register(*, user, logo=None, **fields) -> Organisation:
    """The registering user becomes the administrator. Two people registering the same CVR
    number at once both pass the form check; the database's unique constraint decides, and the
    loser gets the same message as if it had checked a second later."""
    require(user, "partnerships.register_organisation")
    fields = {key: fields[key] for key in EDITABLE_FIELDS if key in fields}
    fields["cvr"] = normalise_cvr(fields.get("cvr"))
    organisation = Organisation(created_by=user, logo=logo or "", **fields)
    organisation.slug = _slug_for(organisation.name, 0)
    if organisation.cvr and Organisation.objects.filter(cvr=organisation.cvr).exists():
        raise cvr_taken_error()
    full_clean(organisation, exclude=["slug"], validate_constraints=False)
    for attempt in range(5):
        try:
            with transaction.atomic():
                organisation.save()
                Membership.objects.create(organisation=organisation, user=user, role=Role.ADMIN)
        except IntegrityError:
            organisation.pk = None
            organisation._state.adding = True
            if organisation.cvr and Organisation.objects.filter(cvr=organisation.cvr).exists():
                logger.info("CVR %s was registered by someone else a moment ago", organisation.cvr)
                raise cvr_taken_error() from None
            if not Organisation.objects.filter(slug=organisation.slug).exists():
                raise
            organisation.slug = _slug_for(organisation.name, attempt + 1)
        else:
            break
    emails.send_registered(organisation)
    return organisation


def organisation_update(*, user, organisation: Organisation, logo=None, **fields) -> Organisation:
    """Changes by the administrator. A rejected organisation that corrects itself goes back to
    the review queue."""
    require(user, "partnerships.manage_organisation", organisation)
    for key in EDITABLE_FIELDS:
        if key in fields and key != "logo":
            setattr(organisation, key, fields[key])
    organisation.cvr = normalise_cvr(organisation.cvr)
    if logo is not None:
        organisation.logo = logo
    if organisation.cvr and (
        Organisation.objects.filter(cvr=organisation.cvr).exclude(pk=organisation.pk).exists()
    ):
        raise cvr_taken_error()
    if organisation.status == ReviewStatus.REJECTED:
        organisation.status = ReviewStatus.PENDING
    full_clean(organisation, exclude=["slug"], validate_constraints=False)
    try:
        with transaction.atomic():
            organisation.save()
            refresh_public(organisation)
    except IntegrityError:
        raise cvr_taken_error() from None
    return organisation


def _review(*, reviewer, organisation: Organisation, status: str, reason: str) -> Organisation:
    """The decision, once the caller has checked the reviewer may make it."""
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
        organisation.status = status
        organisation.rejection_reason = reason
        organisation.reviewed_at = timezone.now()
        organisation.reviewed_by = reviewer
        full_clean(organisation, validate_constraints=False)
        organisation.save()
        refresh_public(organisation)
        # Every member sees it on the site; the administrators (and the contact address) get
        # the e-mail below, so their notices are not mailed again.
        notices.organisation_reviewed(organisation, reviewer=reviewer)
    emails.send_review_result(organisation)
    return organisation


def organisation_approve(*, reviewer, organisation: Organisation) -> Organisation:
    require(reviewer, "partnerships.review_partners")
    return _review(
        reviewer=reviewer, organisation=organisation, status=ReviewStatus.APPROVED, reason=""
    )


def organisation_reject(*, reviewer, organisation: Organisation, reason: str) -> Organisation:
    require(reviewer, "partnerships.review_partners")
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(
            "reason_required",
            fields={"reason": [_("Say why, so the organisation can put it right.")]},
        )
    return _review(
        reviewer=reviewer,
        organisation=organisation,
        status=ReviewStatus.REJECTED,
        reason=reason,
    )


def member_invite(
    *, user, organisation: Organisation, email: str, role: str, ip: str | None = None
) -> Invitation:
    """Each invitation mails a stranger: limited per person and client address (`ip`), so an
    organisation account cannot be used to send mail in bulk."""
    require(user, "partnerships.manage_organisation", organisation)
    ratelimit.hit("invitation.send", user=user, ip=ip)
    email = (email or "").strip()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ServiceError(
            "member",
            fields={"email": [_("This person is already a member of the organisation.")]},
        )
    invitation = Invitation(
        organisation=organisation,
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=user,
    )
    full_clean(invitation)
    with transaction.atomic():
        invitation.save()
    emails.send_invitation(invitation)
    return invitation


def invitation_accept(*, user, token: str) -> Membership:
    require(user, "partnerships.accept_invitation")
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_for_update()
            .select_related("organisation")
            .filter(token=token)
            .first()
        )
        if invitation is None or not invitation.is_open:
            raise ServiceError(
                "expired", _("This invitation has expired or has already been used.")
            )
        owns_address = EmailAddress.objects.filter(
            user=user, email__iexact=invitation.email, verified=True
        ).exists()
        if not owns_address:
            raise ServiceError(
                "wrong_user",
                _("This invitation was sent to %(email)s. Log in with that address to accept it.")
                % {"email": mask_email(invitation.email)},
            )
        membership, created = Membership.objects.get_or_create(
            organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
        )
        if not created and invitation.role == Role.ADMIN and membership.role != Role.ADMIN:
            membership.role = Role.ADMIN
            membership.save(update_fields=["role"])
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def member_remove(*, user, membership: Membership) -> None:
    organisation = membership.organisation
    require(user, "partnerships.manage_organisation", organisation)
    with transaction.atomic():
        admins = list(
            Membership.objects.select_for_update()
            .filter(organisation=organisation, role=Role.ADMIN)
            .values_list("pk", flat=True)
        )
        if membership.role == Role.ADMIN and admins == [membership.pk]:
            raise ServiceError(
                "last_admin",
                _("The organisation needs at least one administrator. Invite another first."),
            )
        membership.delete()
