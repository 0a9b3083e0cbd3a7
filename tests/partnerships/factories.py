import itertools
from datetime import timedelta

import factory
from django.utils import timezone

from partnerships.cvr import cvr_with_check_digit
from partnerships.models import (
    Commitment,
    CommitmentType,
    Kind,
    Membership,
    Organisation,
    Pledge,
    ReviewStatus,
    Role,
)
from tests.factories import UserFactory

_cvr_seeds = itertools.count(2000000)


def valid_cvr() -> str:
    while True:
        cvr = cvr_with_check_digit(str(next(_cvr_seeds)))
        if cvr:
            return cvr


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    kind = Kind.BUSINESS
    cvr = factory.LazyFunction(valid_cvr)
    address = "Rådhuspladsen 1, 1550 København V"
    district = "indre-by"
    description = "We employ people from all over the city."
    contact_name = "Kim Contact"
    contact_email = factory.Sequence(lambda n: f"contact{n}@org.example")
    contact_phone = "+45 33 66 33 66"
    status = ReviewStatus.PENDING

    @factory.post_generation
    def admin(self, create, extracted, **kwargs):
        if create and extracted:
            Membership.objects.create(organisation=self, user=extracted, role=Role.ADMIN)

    @factory.post_generation
    def member(self, create, extracted, **kwargs):
        if create and extracted:
            Membership.objects.create(organisation=self, user=extracted, role=Role.MEMBER)


class CommitmentTypeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitmentType

    name = factory.Sequence(lambda n: f"Commitment type {n}")
    unit = "internship places"
    suitable_kinds = factory.LazyFunction(list)


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    organisation = factory.SubFactory(OrganisationFactory)
    signatory_name = "Sam Signer"
    signatory_role = "Director"
    signed_on = factory.LazyFunction(timezone.localdate)
    actor = factory.LazyAttribute(lambda o: o.organisation.actor)


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    pledge = factory.SubFactory(PledgeFactory)
    commitment_type = factory.SubFactory(CommitmentTypeFactory)
    quantity = 10
    target_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=365))


def public_partner(*, admin=None, member=None, quantity=10, commitment_type=None, **kwargs):
    """An approved organisation with a signed pledge and one commitment, in the register."""
    from partnerships.services.common import refresh_public

    organisation = OrganisationFactory(
        status=ReviewStatus.APPROVED, admin=admin, member=member, **kwargs
    )
    pledge = PledgeFactory(organisation=organisation)
    CommitmentFactory(
        pledge=pledge,
        quantity=quantity,
        commitment_type=commitment_type or CommitmentTypeFactory(),
    )
    refresh_public(organisation)
    organisation.refresh_from_db()
    return organisation


__all__ = [
    "CommitmentFactory",
    "CommitmentTypeFactory",
    "OrganisationFactory",
    "PledgeFactory",
    "UserFactory",
    "public_partner",
    "valid_cvr",
]
