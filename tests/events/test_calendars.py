"""Calendar files and feeds, and times across the daylight-saving changes (last Sunday of
March and of October): entered and shown in Copenhagen time, exported unambiguously."""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from events.forms import EventSubmissionForm
from events.models import Districts, EventKind
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db

CPH = ZoneInfo("Europe/Copenhagen")


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def future(month, day, hour, minute=0):
    """A date in the coming years with the same weekday rules, in Copenhagen time."""
    return datetime(2027, month, day, hour, minute, tzinfo=CPH)


@pytest.fixture
def spring_forward_day():
    # Sunday 28 March 2027: clocks go from 02:00 CET to 03:00 CEST.
    return EventPageFactory(
        title="Forårsmøde", start=future(3, 28, 10), end=future(3, 28, 12), capacity=None
    )


@pytest.fixture
def fall_back_day():
    # Sunday 31 October 2027: clocks go from 03:00 CEST back to 02:00 CET.
    return EventPageFactory(
        title="Efterårsmøde", start=future(10, 31, 10), end=future(10, 31, 12), capacity=None
    )


def test_event_on_the_spring_forward_sunday_is_stored_shown_and_exported_right(
    client, spring_forward_day
):
    event = spring_forward_day
    assert event.start == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)  # CEST is UTC+2
    html = client.get(event.url).content.decode()
    assert "10:00" in html and "12:00" in html
    calendar = parse(client.get(reverse("events:event_ics", args=[event.pk])))
    [vevent] = calendar.events
    assert "DTSTART;TZID=Europe/Copenhagen:20270328T100000" in calendar.to_ical().decode()
    assert vevent.start == datetime(2027, 3, 28, 8, 0, tzinfo=UTC)
    assert vevent.end - vevent.start == timedelta(hours=2)


def test_event_on_the_fall_back_sunday_is_stored_shown_and_exported_right(client, fall_back_day):
    event = fall_back_day
    assert event.start == datetime(2027, 10, 31, 9, 0, tzinfo=UTC)  # CET is UTC+1
    html = client.get(event.url).content.decode()
    assert "10:00" in html
    [vevent] = parse(client.get(reverse("events:event_ics", args=[event.pk]))).events
    assert vevent.start == datetime(2027, 10, 31, 9, 0, tzinfo=UTC)


def test_event_across_the_night_the_clocks_change_lasts_its_real_length(client):
    # 01:30 CET to 03:30 CEST is one hour, not two.
    event = EventPageFactory(start=future(3, 28, 1, 30), end=future(3, 28, 3, 30), capacity=None)
    event.refresh_from_db()  # as stored: in UTC
    assert event.end - event.start == timedelta(hours=1)
    html = client.get(event.url).content.decode()
    assert "01:30" in html and "03:30" in html
    [vevent] = parse(client.get(reverse("events:event_ics", args=[event.pk]))).events
    # Python subtracts datetimes in one zone on the wall clock, so compare in UTC.
    assert vevent.end.astimezone(UTC) - vevent.start.astimezone(UTC) == timedelta(hours=1)


def test_the_calendar_carries_the_copenhagen_time_zone_with_both_changes(
    spring_forward_day, client
):
    calendar = parse(client.get(reverse("events:event_ics", args=[spring_forward_day.pk])))
    [vtimezone] = calendar.timezones
    assert vtimezone.tz_name == "Europe/Copenhagen"
    text = vtimezone.to_ical().decode()
    assert "TZOFFSETTO:+0200" in text and "TZOFFSETTO:+0100" in text
    assert calendar.get_missing_tzids() == set()


@pytest.mark.parametrize(
    ("local_time", "why"),
    [("2027-03-28T02:30", "does not exist"), ("2027-10-31T02:30", "happens twice")],
)
def test_a_time_that_does_not_exist_or_happens_twice_is_refused_in_the_form(local_time, why):
    form = EventSubmissionForm(
        data={
            "title": "Møde",
            "kind": EventKind.MEET_UP,
            "description": "Kom og vær med.",
            "start": local_time,
            "end": "2027-11-01T12:00",
            "address": "Nørrebrogade 1",
            "organiser_name": "Foreningen",
        }
    )
    assert not form.is_valid(), why
    assert "start" in form.errors


def test_event_calendar_file_is_valid_rfc_5545_and_links_back(client):
    event = EventPageFactory(
        title="Integrationskonferencen",
        kind=EventKind.CONFERENCE,
        venue="Københavns Rådhus",
        address="Rådhuspladsen 1",
    )
    response = client.get(reverse("events:event_ics", args=[event.pk]))
    calendar = parse(response)
    assert "attachment" in response["Content-Disposition"]
    assert calendar["VERSION"] == "2.0"
    assert "Bland dig i byen" in str(calendar["PRODID"])
    [vevent] = calendar.events
    assert str(vevent["UID"]).startswith("event-") and "@" in str(vevent["UID"])
    assert vevent.DTSTAMP is not None
    assert str(vevent["SUMMARY"]) == "Integrationskonferencen"
    assert "Københavns Rådhus" in str(vevent["LOCATION"])
    assert vevent.start == event.start and vevent.end == event.end
    url = str(vevent["URL"])
    # The link comes from SITE_URL, not from the host that happened to ask.
    assert url == settings.SITE_URL + event.url
    assert client.get(urlparse(url).path).status_code == 200


def test_unpublished_event_has_no_calendar_file(client):
    event = EventPageFactory(live=False)
    assert client.get(reverse("events:event_ics", args=[event.pk])).status_code == 404


def test_feed_lists_upcoming_published_events_each_linking_to_its_page(client):
    upcoming = EventPageFactory(title="Kommende")
    EventPageFactory(
        title="Forbi",
        start=timezone.now() - timedelta(days=3),
        end=timezone.now() - timedelta(days=3) + timedelta(hours=2),
    )
    EventPageFactory(title="Kladde", live=False)
    calendar = parse(client.get(reverse("events:feed")))
    assert [str(e["SUMMARY"]) for e in calendar.events] == ["Kommende"]
    assert len({str(e["UID"]) for e in calendar.events}) == 1
    url = str(calendar.events[0]["URL"])
    assert urlparse(url).path == upcoming.url
    assert client.get(urlparse(url).path).status_code == 200
    assert calendar["REFRESH-INTERVAL"] is not None


def test_feeds_per_kind_and_per_district(client):
    EventPageFactory(title="Konference", kind=EventKind.CONFERENCE, district=Districts.INDRE_BY)
    EventPageFactory(title="Valby-møde", kind=EventKind.MEET_UP, district=Districts.VALBY)
    by_kind = parse(client.get(reverse("events:feed") + "?kind=conference"))
    assert [str(e["SUMMARY"]) for e in by_kind.events] == ["Konference"]
    by_district = parse(client.get(reverse("events:feed") + "?district=valby"))
    assert [str(e["SUMMARY"]) for e in by_district.events] == ["Valby-møde"]
    both = parse(client.get(reverse("events:feed") + "?kind=conference&district=valby"))
    assert both.events == []


@pytest.mark.parametrize("query", ["?kind=party", "?district=aarhus"])
def test_feed_with_an_unknown_filter_is_a_400_not_a_500(client, query):
    response = client.get(reverse("events:feed") + query)
    assert response.status_code == 400
    assert b"Unknown" in response.content


def test_feed_uid_stays_the_same_between_fetches(client):
    EventPageFactory()
    first = parse(client.get(reverse("events:feed")))
    second = parse(client.get(reverse("events:feed")))
    assert first["UID"] == second["UID"]
