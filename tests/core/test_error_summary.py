"""After a server-side form error the page opens on an error summary (role=alert) whose items
link to the fields they name, on every form a resident meets: sign-up and log-in (allauth), a
comment without JavaScript, an event sign-up, an organisation's registration and its pledge."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.dialogue.factories import make_debate
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory
from tests.partnerships.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


class _Summary(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()
        self.summaries: list[dict] = []
        self.links: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if self._depth:
            self._depth += 1
            if tag == "a":
                self.links.append(a.get("href", ""))
        elif "data-error-summary" in a:
            self.summaries.append(a)
            self._depth = 1

    def handle_endtag(self, tag):
        if self._depth:
            self._depth -= 1


def summary_of(response, *, fields=True) -> list[str]:
    """The summary's links; fails unless there is one summary, an alert that takes focus, whose
    links each lead to an element on the page."""
    parser = _Summary()
    parser.feed(response.content.decode())
    assert len(parser.summaries) == 1, parser.summaries
    [summary] = parser.summaries
    assert summary.get("role") == "alert"
    assert summary.get("tabindex") == "-1"
    if fields:
        assert parser.links, "the summary names no field"
    for href in parser.links:
        assert href.startswith("#") and href[1:] in parser.ids, (href, "leads nowhere")
    return parser.links


def test_allauth_sign_up_has_a_summary_linking_to_its_fields(client):
    response = client.post(
        "/da/konto/signup/",
        {"display_name": "", "email": "not-an-address", "password1": "x", "password2": "y"},
    )
    assert response.status_code == 200
    links = summary_of(response)
    assert "#id_display_name" in links and "#id_email" in links


def test_allauth_log_in_with_a_wrong_password_has_a_summary(client):
    UserFactory(email="kim@example.org")
    response = client.post("/da/konto/login/", {"login": "kim@example.org", "password": "wrong"})
    assert response.status_code == 200
    summary_of(response, fields=False)
    # A field left empty is linked.
    response = client.post("/da/konto/login/", {"login": "", "password": ""})
    assert "#id_login" in summary_of(response)


def test_a_comment_without_javascript_comes_back_with_a_summary(client):
    debate = make_debate()
    client.force_login(UserFactory())
    response = client.post(reverse("dialogue:comment_create", args=[debate.pk]), {"body": " "})
    assert response.status_code == 400
    assert summary_of(response) == ["#comment-form-body"]


def test_a_refused_event_sign_up_opens_on_the_reason(client):
    event = EventPageFactory(signup_closes=timezone.now() - timedelta(minutes=1))
    client.force_login(UserFactory())
    response = client.post(reverse("events:signup", args=[event.pk]))
    assert response.status_code == 409
    summary_of(response, fields=False)


def test_organisation_registration_has_a_summary_linking_to_each_field(client):
    client.force_login(UserFactory())
    response = client.post(reverse("partnerships:register"), {"kind": "nonsense"})
    assert response.status_code == 400
    links = summary_of(response)
    assert "#id_name" in links and "#id_contact_email" in links


def test_pledge_without_agreement_has_a_summary(client):
    user = UserFactory()
    organisation = OrganisationFactory(admin=user, status="approved")
    client.force_login(user)
    response = client.post(
        reverse("partnerships:pledge", args=[organisation.pk]), {"signatory_name": ""}
    )
    assert response.status_code == 400
    links = summary_of(response)
    assert any("agree" in link for link in links), links
