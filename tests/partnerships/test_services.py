"""The services say no with one `ServiceError`: a code for programs, a message for people, and
field messages where they belong to one field. The reason for a refusal comes from the rules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from core.errors import ServiceError
from partnerships import services
from partnerships.models import Membership
from tests.factories import UserFactory
from tests.partnerships.factories import (
    CommitmentTypeFactory,
    OrganisationFactory,
    public_partner,
)


def refusal(call, **kwargs) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        call(**kwargs)
    return caught.value


def registration(**overrides) -> dict:
    return {
        "name": "Amager Bageri ApS",
        "kind": "business",
        "cvr": "12345674",
        "address": "Amagerbrogade 1",
        "district": "amager-oest",
        "description": "Bread",
        "contact_name": "Karin",
        "contact_email": "karin@bageri.example",
        "contact_phone": "12345678",
        **overrides,
    }


def test_unverified_user_is_refused_with_the_rules_reason(db):
    error = refusal(
        services.organisation_register, user=UserFactory(verified=False), **registration()
    )
    assert (error.code, error.status) == ("unverified", 403)
    assert error.message == "Confirm your e-mail address before you take part."


def test_a_taken_cvr_number_is_a_message_on_the_cvr_field(resident):
    OrganisationFactory(cvr="12345674")
    error = refusal(services.organisation_register, user=resident, **registration())
    assert error.code == "cvr_taken"
    assert list(error.fields) == ["cvr"]
    assert "already registered" in error.fields["cvr"][0]


def test_a_model_check_keeps_its_field(resident):
    error = refusal(services.organisation_register, user=resident, **registration(name=""))
    assert "name" in error.fields


def test_a_member_who_is_not_administrator_cannot_sign(db):
    member = UserFactory()
    organisation = OrganisationFactory(member=member)
    error = refusal(
        services.pledge_sign,
        user=member,
        organisation=organisation,
        signatory_name="Sam",
        signatory_role="Director",
        commitments=[],
    )
    assert (error.code, error.status) == ("not_admin", 403)


def test_signing_twice_is_already_signed(resident):
    organisation = public_partner(admin=resident)
    error = refusal(
        services.pledge_sign,
        user=resident,
        organisation=organisation,
        signatory_name="Sam",
        signatory_role="Director",
        commitments=[
            {
                "commitment_type": CommitmentTypeFactory(),
                "quantity": 3,
                "target_date": timezone.localdate() + timedelta(days=30),
            }
        ],
    )
    assert error.code == "already_signed"


def test_withdrawing_twice_is_withdrawn(resident):
    pledge = public_partner(admin=resident).active_pledge
    services.pledge_withdraw(user=resident, pledge=pledge)
    assert refusal(services.pledge_withdraw, user=resident, pledge=pledge).code == "withdrawn"


def test_a_report_without_every_commitment_is_incomplete(resident):
    pledge = public_partner(member=resident).active_pledge
    error = refusal(services.report_submit, user=resident, pledge=pledge, year=2026, entries=[])
    assert error.code == "incomplete"


def test_the_last_administrator_stays(resident):
    OrganisationFactory(admin=resident)
    membership = Membership.objects.get(user=resident)
    error = refusal(services.member_remove, user=resident, membership=membership)
    assert error.code == "last_admin"
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_rejecting_needs_a_reason_on_the_reason_field(staff):
    error = refusal(
        services.organisation_reject, reviewer=staff, organisation=OrganisationFactory(), reason=" "
    )
    assert list(error.fields) == ["reason"]


def test_only_staff_review(resident):
    error = refusal(
        services.organisation_approve, reviewer=resident, organisation=OrganisationFactory()
    )
    assert (error.code, error.status) == ("not_reviewer", 403)
