"""The events' part of the yearly status report: one calendar year's figures, stored as plain
JSON and counted in the database."""

import json
from datetime import datetime, timedelta

import pytest
from django.utils import timezone, translation
from wagtail.models import Locale

from events.models import EventKind, Registration, RegistrationStatus
from events.reporting import KEY_KINDS, year_in_figures
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUERIES = 4


def copenhagen(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.get_default_timezone())


def event(start: datetime, **fields):
    return EventPageFactory(start=start, end=start + timedelta(hours=2), **fields)


def sign_ups(page, confirmed=0, waiting=0, cancelled=0) -> None:
    for status, count in (
        (RegistrationStatus.CONFIRMED, confirmed),
        (RegistrationStatus.WAITING, waiting),
        (RegistrationStatus.CANCELLED, cancelled),
    ):
        for _ in range(count):
            Registration.objects.create(event=page, user=UserFactory(), status=status)


def facts(result) -> dict:
    return {fact["label"]: fact["value"] for fact in result["facts"]}


@pytest.fixture
def calendar():
    """Events around 2024, on both sides of its edges in Copenhagen time."""
    conference = event(
        copenhagen(2024, 3, 14, 9),
        title="Integrationskonferencen 2024",
        kind=EventKind.CONFERENCE,
        attendance=180,
    )
    sign_ups(conference, confirmed=3, waiting=1, cancelled=1)
    # Its English page is the same event, with sign-ups of its own.
    english = conference.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = "The integration conference 2024"
    english.save_revision().publish()
    sign_ups(english, confirmed=1)
    # 23:30 UTC on 30 December, but 31 December in Copenhagen.
    meeting = event(
        copenhagen(2024, 12, 31, 0, 30), title="Statusmøde 2024", kind=EventKind.STATUS_MEETING
    )
    sign_ups(meeting, confirmed=2)
    meet_up = event(copenhagen(2024, 6, 5, 17), is_example=True, attendance=25)
    sign_ups(meet_up, confirmed=1)

    # Half an hour into 2025 (still 2024 in UTC).
    sign_ups(
        event(copenhagen(2025, 1, 1, 0, 30), kind=EventKind.CONFERENCE, attendance=200),
        confirmed=2,
    )
    sign_ups(event(copenhagen(2023, 9, 1, 17), attendance=40), confirmed=1)
    sign_ups(event(copenhagen(2024, 5, 1, 17), live=False), confirmed=1)


def test_the_year_counts_events_registrations_attendance_and_lists_the_key_events(calendar):
    result = year_in_figures(2024)

    assert result["key"] == "events"
    assert result["heading"] == "Events"
    assert result["has_data"] is True
    assert result["facts"] == [
        {"label": "Events held", "value": 3},
        {"label": "Of the events, example content", "value": 1},
        {"label": "Confirmed registrations", "value": 7},
        {"label": "Events with attendance recorded", "value": 2},
        {"label": "Attendance at the events where it was recorded", "value": 205},
    ]
    [table] = result["tables"]
    assert table["name"] == "key-events"
    assert table["columns"] == ["Title", "Kind", "Date", "Registrations", "Attended"]
    assert table["rows"] == [
        ["Integrationskonferencen 2024", "Integration conference", "2024-03-14", 4, 180],
        ["Statusmøde 2024", "Status meeting", "2024-12-31", 2, None],
    ]


def test_the_kinds_are_written_with_the_msgids_of_their_labels():
    with translation.override("en"):
        assert {kind: str(kind.label) for kind in KEY_KINDS} == KEY_KINDS


def test_the_next_year_has_the_conference_just_after_new_year(calendar):
    result = year_in_figures(2025)

    assert facts(result)["Events held"] == 1
    assert facts(result)["Attendance at the events where it was recorded"] == 200
    assert [row[2] for row in result["tables"][0]["rows"]] == ["2025-01-01"]


def test_a_year_without_events_has_no_data_and_zeros(calendar):
    result = year_in_figures(2010)

    assert result["has_data"] is False
    assert all(fact["value"] == 0 for fact in result["facts"])
    assert result["tables"][0]["rows"] == []


def test_the_figures_survive_json_and_stay_english_whatever_the_language(calendar):
    with translation.override("da"):
        result = year_in_figures(2024)

    assert json.loads(json.dumps(result)) == result
    assert result["tables"][0]["rows"][0][1] == "Integration conference"


def test_the_number_of_queries_does_not_grow_with_the_events(django_assert_max_num_queries):
    kinds = [EventKind.CONFERENCE, EventKind.STATUS_MEETING, EventKind.MEET_UP]

    def add_events(count: int) -> None:
        for n in range(count):
            page = event(copenhagen(2024, n % 12 + 1, 10, 17), kind=kinds[n % 3], attendance=n)
            sign_ups(page, confirmed=2, waiting=1)

    add_events(3)
    with django_assert_max_num_queries(QUERIES) as few:
        assert facts(year_in_figures(2024))["Events held"] == 3
    add_events(27)
    with django_assert_max_num_queries(QUERIES) as many:
        assert facts(year_in_figures(2024))["Events held"] == 30
    assert len(many.captured_queries) == len(few.captured_queries)
