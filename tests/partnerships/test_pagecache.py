"""Partners in the page cache (core/pagecache.py): an approved partner shows on the cached
register, the front page's pledge totals and the site search at once."""

import pytest

from partnerships.models import Pledge, ReviewStatus
from partnerships.services import organisation_approve
from tests.pagecache import cached_body, fresh_body
from tests.partnerships.factories import (
    CommitmentFactory,
    CommitmentTypeFactory,
    OrganisationFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db


def pending_with_pledge(name: str):
    organisation = OrganisationFactory(name=name, status=ReviewStatus.PENDING)
    pledge = PledgeFactory(organisation=organisation)
    CommitmentFactory(
        pledge=pledge,
        quantity=7,
        commitment_type=CommitmentTypeFactory(name="Praktik", unit="praktikpladser"),
    )
    return organisation


def test_an_approved_partner_shows_on_the_cached_register_at_once(client, register_page, staff):
    organisation = pending_with_pledge("Nørrebro Cykler")
    assert "Nørrebro Cykler" not in cached_body(client, register_page.url)
    organisation_approve(reviewer=staff, organisation=organisation)
    assert "Nørrebro Cykler" in fresh_body(client, register_page.url)


def test_an_approved_partner_counts_in_the_cached_front_page_totals_at_once(client, staff):
    organisation = pending_with_pledge("Valby Bageri")
    assert "praktikpladser" not in cached_body(client, "/en/")
    organisation_approve(reviewer=staff, organisation=organisation)
    assert "praktikpladser" in fresh_body(client, "/en/")


def test_an_approved_partner_is_found_by_the_cached_search_at_once(client, staff):
    organisation = pending_with_pledge("Amager Strandcafe")
    url = "/en/soeg/?q=Strandcafe"
    assert "Amager Strandcafe" not in cached_body(client, url)
    organisation_approve(reviewer=staff, organisation=organisation)
    assert "Amager Strandcafe" in fresh_body(client, url)


def test_a_withdrawn_pledge_leaves_the_cached_register_at_once(client, register_page, staff):
    organisation = pending_with_pledge("Vesterbro Værksted")
    organisation_approve(reviewer=staff, organisation=organisation)
    assert "Vesterbro Værksted" in cached_body(client, register_page.url)
    from partnerships.services import pledge_withdraw
    from tests.factories import UserFactory

    admin = UserFactory()
    organisation.memberships.create(user=admin, role="admin")
    pledge_withdraw(user=admin, pledge=Pledge.objects.get(organisation=organisation))
    assert "Vesterbro Værksted" not in fresh_body(client, register_page.url)
