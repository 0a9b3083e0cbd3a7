"""Attendee and waiting lists: city staff and the organising partner see them and export
them; nobody else does."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from events.services import registration_create
from tests.events.factories import EventPageFactory, partner
from tests.factories import UserFactory, editor, moderator

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser():
    return partner()


@pytest.fixture
def event(organiser):
    event = EventPageFactory(capacity=1, submitted_by=organiser, title="Lektiecafé")
    registration_create(event=event, user=UserFactory(display_name="Amina", email="a@example.org"))
    registration_create(
        event=event, user=UserFactory(display_name="=HYPERLINK(1)", email="b@example.org")
    )
    return event


def lists_url(event):
    return reverse("events:attendees", args=[event.pk])


def csv_url(event):
    return reverse("events:attendees_csv", args=[event.pk])


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("resident", 403),
        ("unverified", 403),
        ("other_partner", 403),
        ("organiser", 200),
        ("editor", 200),
        ("moderator", 403),
    ],
)
def test_who_sees_the_attendee_lists(client, event, organiser, role, status):
    users = {
        "resident": UserFactory,
        "unverified": lambda: UserFactory(verified=False),
        "other_partner": partner,
        "organiser": lambda: organiser,
        "editor": editor,
        "moderator": moderator,
    }
    client.force_login(users[role]())
    assert client.get(lists_url(event)).status_code == status
    assert client.get(csv_url(event)).status_code == status
    page = client.get(event.url).content.decode()
    assert (lists_url(event) in page) == (status == 200)


def test_anonymous_visitor_is_sent_to_log_in_for_the_lists(client, event):
    for url in (lists_url(event), csv_url(event)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/konto/login/" in response["Location"]


def test_lists_show_attending_and_waiting_in_order(client, event, organiser):
    client.force_login(organiser)
    html = client.get(lists_url(event)).content.decode()
    assert html.index("Amina") < html.index("=HYPERLINK(1)")
    assert "Waiting list" in html


def test_csv_export_has_both_lists_and_defuses_formulas(client, event):
    client.force_login(editor())
    with translation.override("en"):
        response = client.get(csv_url(event))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["List", "Place", "Name", "E-mail", "Signed up", "Place confirmed"]
    assert rows[1][:4] == ["Attending", "1", "Amina", "a@example.org"]
    assert rows[2][:4] == ["Waiting", "1", "'=HYPERLINK(1)", "b@example.org"]
    assert rows[2][5] == ""


def test_editors_find_registrations_in_the_admin_and_export_them(client, event):
    client.force_login(editor())
    listing = client.get("/admin/event_registrations/")
    assert listing.status_code == 200
    assert "a@example.org" in listing.content.decode() or "Amina" in listing.content.decode()
    export = client.get("/admin/event_registrations/?export=csv")
    assert export.status_code == 200
    assert b"a@example.org" in b"".join(export.streaming_content)


def test_residents_cannot_open_the_admin_registrations(client, event):
    client.force_login(UserFactory())
    response = client.get("/admin/event_registrations/")
    assert response.status_code in (302, 403)


def test_every_cell_a_resident_typed_is_defused_in_the_csv(client, organiser):
    event = EventPageFactory(capacity=5, submitted_by=organiser)
    registration_create(
        event=event, user=UserFactory(display_name="+SUM(A1:A9)", email="@cmd@example.org")
    )
    client.force_login(organiser)
    response = client.get(csv_url(event))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][2:4] == ["'+SUM(A1:A9)", "'@cmd@example.org"]


def test_the_admin_registrations_export_defuses_formulas(client, event):
    client.force_login(editor())
    export = client.get("/admin/event_registrations/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(export.streaming_content).decode("utf-8"))))
    names = [cell for row in rows[1:] for cell in row if "HYPERLINK" in cell]
    assert names == ["'=HYPERLINK(1)"]
    assert any(row[2] == "Amina" for row in rows[1:])
