"""Members of approved organisations in the partnerships register act as partners: they
submit events for their organisation and see the lists of its events."""

import pytest
from django.urls import reverse

from events.models import EventPage
from tests.events.factories import EventPageFactory, event_index, organisation
from tests.events.test_submission import SUBMIT, proposal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_member_of_an_approved_organisation_submits_for_it(client):
    event_index()
    member = UserFactory()
    org = organisation(members=[member])
    client.force_login(member)
    form = client.get(SUBMIT).content.decode()
    assert 'name="organisation"' in form and "Lektiehjælpen" in form
    assert 'name="organiser_name"' not in form
    data = proposal(organisation=str(org.pk))
    del data["organiser_name"]
    assert client.post(SUBMIT, data).status_code == 303
    event = EventPage.objects.get(title="Lektiecafé på Amager")
    assert event.organiser_organisation == org
    assert event.organiser_name == "Lektiehjælpen"


def test_member_cannot_submit_for_another_organisation(client):
    event_index()
    member = UserFactory()
    organisation(members=[member])
    other = organisation(name="Andre", members=[UserFactory()])
    client.force_login(member)
    data = proposal(organisation=str(other.pk))
    response = client.post(SUBMIT, data)
    assert response.status_code == 400
    assert not EventPage.objects.exists()


def test_member_of_an_organisation_awaiting_review_is_not_yet_a_partner(client):
    event_index()
    member = UserFactory()
    organisation(status="pending", members=[member])
    client.force_login(member)
    assert client.get(SUBMIT).status_code == 403


def test_every_member_of_the_organising_organisation_sees_the_lists(client):
    submitter, colleague, outsider = UserFactory(), UserFactory(), UserFactory()
    org = organisation(members=[submitter, colleague])
    organisation(name="Andre", members=[outsider])
    event = EventPageFactory(organiser_type="partner", organiser_organisation=org)
    url = reverse("events:attendees", args=[event.pk])
    client.force_login(colleague)
    assert client.get(url).status_code == 200
    client.force_login(outsider)
    assert client.get(url).status_code == 403
