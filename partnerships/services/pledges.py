"""Signing and withdrawing the pledge."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.rules import require
from partnerships import emails, notices
from partnerships.models import Commitment, CommitmentType, Organisation, Pledge
from partnerships.services.common import full_clean, refresh_public


def already_signed_error() -> ServiceError:
    return ServiceError(
        "already_signed",
        _("This organisation has already signed the pledge. Withdraw it first to sign anew."),
        409,
    )


def pledge_sign(
    *,
    user,
    organisation: Organisation,
    signatory_name: str,
    signatory_role: str,
    commitments: list[dict],
    signed_on: date | None = None,
) -> Pledge:
    """`commitments` holds dicts with commitment_type, quantity, description and target_date."""
    require(user, "partnerships.manage_organisation", organisation)
    if not commitments:
        raise ServiceError(
            "no_commitments", _("Choose at least one commitment from the catalogue.")
        )
    pledge = Pledge(
        organisation=organisation,
        signatory_name=(signatory_name or "").strip(),
        signatory_role=(signatory_role or "").strip(),
        signed_on=signed_on or timezone.localdate(),
        signed_by=user,
        actor=organisation.actor,
        language=(get_language() or "da")[:8],
    )
    full_clean(pledge, validate_constraints=False)
    errors = {}
    prepared = []
    for item in commitments:
        commitment_type: CommitmentType = item["commitment_type"]
        commitment = Commitment(
            commitment_type=commitment_type,
            quantity=item.get("quantity") if commitment_type.is_counted else None,
            description=(item.get("description") or "").strip(),
            target_date=item.get("target_date"),
        )
        try:
            commitment.full_clean(exclude=["pledge"], validate_constraints=False)
        except ValidationError as error:
            errors[commitment_type.pk] = error.messages
        if commitment.target_date and commitment.target_date < pledge.signed_on:
            errors[commitment_type.pk] = [_("The target date cannot be in the past.")]
        prepared.append(commitment)
    if errors:
        raise ServiceError(
            "invalid_commitment",
            fields={f"commitment_{pk}": messages for pk, messages in errors.items()},
        )
    if organisation.pledges.filter(withdrawn_at__isnull=True).exists():
        raise already_signed_error()
    try:
        with transaction.atomic():
            pledge.save()
            for commitment in prepared:
                commitment.pledge = pledge
                commitment.save()
            refresh_public(organisation)
            notices.pledge_signed(pledge, actor=user)
    except IntegrityError:
        if organisation.pledges.filter(withdrawn_at__isnull=True).exists():
            raise already_signed_error() from None
        raise
    return pledge


def pledge_withdraw(*, user, pledge: Pledge, reason: str = "") -> Pledge:
    """The organisation leaves the register at once; the pledge, its commitments and reports
    stay for staff."""
    organisation = pledge.organisation
    require(user, "partnerships.manage_organisation", organisation)
    with transaction.atomic():
        pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
        if pledge.withdrawn_at is not None:
            raise ServiceError("withdrawn", _("This pledge is already withdrawn."), 409)
        pledge.withdrawn_at = timezone.now()
        pledge.withdrawn_by = user
        pledge.withdrawal_reason = (reason or "").strip()
        full_clean(pledge, validate_constraints=False)
        pledge.save()
        refresh_public(organisation)
    emails.send_withdrawn(pledge)
    return pledge
