"""Approved partner organisations propose events; editors approve them before anyone sees
them, through Wagtail's workflow."""

import pytest
from django.test import Client
from wagtail.models import TaskState

from events.models import EventPage, OrganiserType
from tests.events.factories import event_index, partner
from tests.factories import UserFactory, editor, moderator

pytestmark = pytest.mark.django_db

SUBMIT = "/da/arrangementer/indsend/"


def proposal(**overrides):
    data = {
        "title": "Lektiecafé på Amager",
        "kind": "meet-up",
        "teaser": "Frivillige hjælper med lektier.",
        "description": "Kom forbi <script>alert(1)</script> med dine lektier.",
        "start": "2027-02-03T15:00",
        "end": "2027-02-03T17:00",
        "venue": "Biblioteket",
        "address": "Jemtelandsgade 3, 2300 København S",
        "district": "amager-vest",
        "organiser_name": "Lektiehjælpen",
        "capacity": "20",
        "interpretation_languages": "arabisk",
        "childcare": "on",
    }
    data.update(overrides)
    return data


def approve(event, user):
    state = event.current_workflow_state
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state.specific, user, "approve")


@pytest.fixture
def index():
    return event_index()


def test_partner_submits_an_event_that_waits_unpublished_for_the_editors(client, index):
    organiser = partner()
    client.force_login(organiser)
    assert client.get(SUBMIT).status_code == 200
    response = client.post(SUBMIT, proposal())
    assert response.status_code == 303
    event = EventPage.objects.get(title="Lektiecafé på Amager")
    assert not event.live
    assert event.submitted_by == organiser
    assert event.organiser_type == OrganiserType.PARTNER
    assert event.organiser_name == "Lektiehjælpen"
    assert event.get_parent().specific == index
    assert event.current_workflow_state is not None
    # Partner text is plain text: escaped, never markup.
    assert "<script>" not in event.description
    assert "&lt;script&gt;" in event.description
    # Nobody sees it yet.
    visitor = Client()
    assert visitor.get("/da/arrangementer/lektiecafe-pa-amager/").status_code == 404
    assert "Lektiecafé" not in visitor.get(index.url).content.decode()
    # The partner sees it in their own list, as awaiting approval.
    assert "Awaiting approval" in client.get(SUBMIT).content.decode()


def test_editor_approves_and_the_event_is_published(client, index):
    organiser = partner()
    client.force_login(organiser)
    client.post(SUBMIT, proposal())
    event = EventPage.objects.get(title="Lektiecafé på Amager")
    reviewer = editor()
    assert (
        TaskState.objects.reviewable_by(reviewer)
        .filter(workflow_state__object_id=str(event.pk))
        .exists()
    )
    approve(event, reviewer)
    event.refresh_from_db()
    assert event.live
    assert client.get(event.url).status_code == 200
    assert "Lektiecafé på Amager" in client.get(index.url).content.decode()


def test_only_editors_review_partner_events(index):
    organiser = partner()
    from events.services import event_submit

    event = event_submit(
        user=organiser,
        index=index,
        data={
            "title": "Møde",
            "kind": "meet-up",
            "start": "2027-02-03T15:00+01:00",
            "end": "2027-02-03T17:00+01:00",
            "address": "Nørrebrogade 1",
            "organiser_name": "Foreningen",
            "description": "Hej",
        },
    )
    for outsider in (UserFactory(), moderator(), organiser):
        assert (
            not TaskState.objects.reviewable_by(outsider)
            .filter(workflow_state__object_id=str(event.pk))
            .exists()
        )


def test_bad_proposal_comes_back_filled_in_with_the_reason(client, index):
    client.force_login(partner())
    response = client.post(SUBMIT, proposal(end="2027-02-03T14:00"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "The event must end after it starts." in html
    assert 'value="Lektiecafé på Amager"' in html
    assert not EventPage.objects.filter(title="Lektiecafé på Amager").exists()


def test_online_event_without_its_link_is_refused(client, index):
    client.force_login(partner())
    response = client.post(SUBMIT, proposal(kind="online", address="", venue=""))
    assert response.status_code == 400
    assert "An online event needs its link." in response.content.decode()


def test_resident_without_a_partner_badge_cannot_submit(client, index):
    client.force_login(UserFactory())
    assert client.get(SUBMIT).status_code == 403
    assert client.post(SUBMIT, proposal()).status_code == 403
    assert not EventPage.objects.exists()


def test_unverified_partner_cannot_submit(client, index):
    client.force_login(partner(verified=False))
    assert client.post(SUBMIT, proposal()).status_code == 403


def test_anonymous_visitor_is_asked_to_log_in_to_submit(client, index):
    response = client.get(SUBMIT)
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_editor_may_submit_too(client, index):
    client.force_login(editor())
    assert client.post(SUBMIT, proposal()).status_code == 303


def test_an_impossible_number_of_places_is_a_form_error_not_a_500(client, index):
    client.force_login(partner())
    response = client.post(SUBMIT, proposal(capacity="9" * 30))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_capacity_error"' in html
    assert 'value="Lektiecafé på Amager"' in html
    assert not EventPage.objects.exists()


def test_a_refused_proposal_shows_a_summary_linking_to_each_field(client, index):
    client.force_login(partner())
    response = client.post(SUBMIT, proposal(end="2027-02-03T14:00", title=""))
    html = response.content.decode()
    summary = html.partition('class="error-summary"')[2].partition("</div>")[0]
    assert 'href="#id_title"' in summary and 'href="#id_end"' in summary
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_end_error"' in html


def test_unverified_partner_is_told_to_confirm_the_address_first(client, index):
    client.force_login(partner(verified=False))
    response = client.get(SUBMIT)
    assert response.status_code == 403
    assert "Confirm your e-mail address" in response.content.decode()


def test_resident_is_told_only_partners_propose_events(client, index):
    client.force_login(UserFactory())
    response = client.get(SUBMIT)
    assert "Only approved partner organisations can propose events." in response.content.decode()
