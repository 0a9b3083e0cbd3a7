"""Signing and withdrawing the pledge, for every role."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale

from partnerships.models import Kind, Pledge, ReviewStatus
from tests.factories import UserFactory
from tests.partnerships.conftest import translated
from tests.partnerships.factories import (
    CommitmentTypeFactory,
    OrganisationFactory,
    PledgeFactory,
    public_partner,
)


def pledge_url(organisation):
    return reverse("partnerships:pledge", kwargs={"pk": organisation.pk})


def pledge_post(*types, **overrides):
    target = (timezone.localdate() + timedelta(days=365)).isoformat()
    data = {"signatory_name": "Sam Signer", "signatory_role": "Director", "agree": "on"}
    for ct in types:
        data[f"c{ct.pk}_chosen"] = "on"
        if ct.unit:
            data[f"c{ct.pk}_quantity"] = "12"
        else:
            data[f"c{ct.pk}_description"] = "A written diversity policy"
        data[f"c{ct.pk}_target"] = target
    data.update(overrides)
    return data


@pytest.fixture
def catalogue(db):
    return [
        CommitmentTypeFactory(name="Internships", unit="internship places"),
        CommitmentTypeFactory(name="Recruitment policy", unit=""),
        CommitmentTypeFactory(name="Neighbourhood", unit="activities", suitable_kinds=["housing"]),
    ]


def test_administrator_signs_the_pledge_with_commitments(client, resident, catalogue, policy):
    organisation = OrganisationFactory(admin=resident, status=ReviewStatus.APPROVED)
    client.force_login(resident)
    page = client.get(pledge_url(organisation)).content.decode()
    assert "Diversity is a resource" in page  # the first principle
    assert "business community&#x27;s responsibility" in page
    assert "Neighbourhood" not in page  # not offered to businesses
    response = client.post(pledge_url(organisation), pledge_post(*catalogue[:2]))
    assert response.status_code == 302
    pledge = Pledge.objects.get(organisation=organisation)
    assert pledge.signatory_name == "Sam Signer"
    assert pledge.signed_on == timezone.localdate()
    assert pledge.actor == "business"
    assert sorted(str(c) for c in pledge.commitments.all()) == [
        "12 internship places",
        "Recruitment policy: A written diversity policy",
    ]
    organisation.refresh_from_db()
    assert organisation.is_public


def test_civil_society_signs_the_civil_society_responsibilities(
    client, resident, catalogue, policy
):
    organisation = OrganisationFactory(admin=resident, kind=Kind.HOUSING)
    client.force_login(resident)
    page = client.get(pledge_url(organisation)).content.decode()
    assert "civil society&#x27;s responsibility" in page
    assert "Neighbourhood" in page
    client.post(pledge_url(organisation), pledge_post(catalogue[2]))
    assert Pledge.objects.get().actor == "civil_society"
    organisation.refresh_from_db()
    assert not organisation.is_public  # signed but not yet approved


def edit_first_principle(page, *, title: str, text: str, publish: bool = True) -> None:
    """What an editor does in the admin: change the first principle and publish (or not)."""
    page = page.specific.get_latest_revision_as_object()
    blocks = [dict(block) for block in page.principles.raw_data]
    blocks[0] = {**blocks[0], "value": {**blocks[0]["value"], "title": title, "text": text}}
    page.principles = blocks
    revision = page.save_revision()
    if publish:
        revision.publish()


def test_pledge_reads_the_principles_from_the_published_policy_page_in_the_readers_language(
    client, resident, catalogue, policy
):
    english = policy.get_translation(Locale.objects.get(language_code="en"))
    edit_first_principle(english, title="Variety feeds the city", text="<p>Edited in English.</p>")
    edit_first_principle(policy, title="Forskellighed beriger", text="<p>Redigeret på dansk.</p>")
    edit_first_principle(
        english, title="A draft nobody published", text="<p>Draft.</p>", publish=False
    )
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)

    html = client.get(pledge_url(organisation)).content.decode()  # /en/
    assert "Variety feeds the city" in html and "Edited in English." in html
    assert "Diversity is a resource" not in html  # the loader's text is not read
    assert "A draft nobody published" not in html
    assert "Forskellighed beriger" not in html
    assert "Everyone must have the chance to take part" in html  # the other two stay

    with translation.override("da"):
        danish_url = pledge_url(organisation)
    html = client.get(danish_url).content.decode()
    assert "Forskellighed beriger" in html and "Redigeret på dansk." in html
    assert "Variety feeds the city" not in html


def test_pledge_falls_back_to_the_danish_policy_page_when_it_is_not_translated(
    client, resident, catalogue, policy
):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    with translation.override("ar"):
        url = pledge_url(organisation)
    html = client.get(url).content.decode()
    assert "Mangfoldighed er en ressource" in html


def test_pledge_without_commitments_comes_back_with_a_message(client, resident, catalogue):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    response = client.post(pledge_url(organisation), pledge_post())
    assert response.status_code == 400
    assert "Choose at least one commitment" in response.content.decode()
    assert 'value="Sam Signer"' in response.content.decode()


def test_chosen_commitment_needs_a_number_and_a_date(client, resident, catalogue):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    ct = catalogue[0]
    data = pledge_post(ct, **{f"c{ct.pk}_quantity": "", f"c{ct.pk}_target": ""})
    response = client.post(pledge_url(organisation), data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Give the number you commit to." in html
    assert "Give a target date." in html
    assert not Pledge.objects.exists()


def test_pledge_must_be_signed_by_ticking_the_box(client, resident, catalogue):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    data = pledge_post(catalogue[0])
    del data["agree"]
    response = client.post(pledge_url(organisation), data)
    assert response.status_code == 400
    assert "Tick the box to sign the pledge." in response.content.decode()


def test_member_resident_and_anonymous_cannot_sign(client, resident, catalogue):
    member = UserFactory()
    organisation = OrganisationFactory(member=member)
    url = pledge_url(organisation)
    assert client.post(url, pledge_post(catalogue[0])).status_code == 302  # to log in
    client.force_login(member)
    assert client.post(url, pledge_post(catalogue[0])).status_code == 403
    client.force_login(resident)
    assert client.get(url).status_code == 403
    assert not Pledge.objects.exists()


def test_database_allows_one_active_pledge_per_organisation(db):
    pledge = PledgeFactory()
    with pytest.raises(IntegrityError):
        PledgeFactory(organisation=pledge.organisation)


def test_withdrawn_pledge_leaves_room_for_a_new_one(db):
    pledge = PledgeFactory(withdrawn_at=timezone.now())
    PledgeFactory(organisation=pledge.organisation)
    assert Pledge.objects.filter(organisation=pledge.organisation).count() == 2


def test_signing_twice_is_turned_away(client, resident, catalogue):
    organisation = OrganisationFactory(admin=resident)
    PledgeFactory(organisation=organisation)
    client.force_login(resident)
    response = client.post(pledge_url(organisation), pledge_post(catalogue[0]))
    assert response.status_code == 302
    assert Pledge.objects.filter(organisation=organisation).count() == 1


def test_administrator_withdraws_and_the_partner_leaves_the_register(
    client, resident, django_capture_on_commit_callbacks
):
    organisation = public_partner(admin=resident)
    public_url = organisation.get_absolute_url()
    assert client.get(public_url).status_code == 200
    client.force_login(resident)
    url = reverse("partnerships:withdraw", kwargs={"pk": organisation.pk})
    assert client.post(url, {"reason": "Closing down"}).status_code == 400  # not confirmed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"reason": "Closing down", "confirm": "on"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert not organisation.is_public
    pledge = Pledge.objects.get(organisation=organisation)
    assert pledge.withdrawn_at is not None
    assert pledge.withdrawal_reason == "Closing down"
    assert pledge.commitments.count() == 1  # history stays
    assert any(translated("Your pledge is withdrawn") in m.subject for m in mail.outbox)
    client.logout()
    assert client.get(public_url).status_code == 404


def test_member_cannot_withdraw(client, db):
    member = UserFactory()
    organisation = public_partner(member=member)
    client.force_login(member)
    url = reverse("partnerships:withdraw", kwargs={"pk": organisation.pk})
    assert client.post(url, {"confirm": "on"}).status_code == 403
    organisation.refresh_from_db()
    assert organisation.is_public
