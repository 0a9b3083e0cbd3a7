"""The events index: upcoming and past, filters by kind, district and month; the annual
cycle; past events keep their page with the summary and attendance."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import EventIndexPage, EventKind, EventPage, Registration
from tests.events.factories import EventPageFactory, event_index
from tests.renders import renders_of

pytestmark = pytest.mark.django_db

CPH = ZoneInfo("Europe/Copenhagen")


def days_ago(n):
    return (timezone.now() - timedelta(days=n)).replace(second=0, microsecond=0)


@pytest.fixture
def events():
    return {
        "conference": EventPageFactory(
            title="Konferencen", kind=EventKind.CONFERENCE, district="indre-by"
        ),
        "valby": EventPageFactory(title="Valby-mødet", district="valby"),
        "past": EventPageFactory(
            title="Sidste års workshop",
            kind=EventKind.WORKSHOP,
            start=days_ago(30),
            end=days_ago(30) + timedelta(hours=2),
            summary="<p>Vi aftalte 14 praktikforløb.</p>",
            attendance=53,
        ),
    }


def sections(html):
    upcoming, _, past = html.partition('id="past-title"')
    return upcoming, past


def test_listing_shows_upcoming_and_past_apart(client, events):
    response = client.get(event_index().url)
    assert response.status_code == 200
    upcoming, past = sections(response.content.decode())
    assert "Konferencen" in upcoming and "Valby-mødet" in upcoming
    assert "Sidste års workshop" in past and "Sidste års workshop" not in upcoming


def test_filter_by_kind_and_district(client, events):
    url = event_index().url
    html = client.get(url, {"kind": "conference"}).content.decode()
    assert "Konferencen" in html and "Valby-mødet" not in html
    html = client.get(url, {"district": "valby"}).content.decode()
    assert "Valby-mødet" in html and "Konferencen" not in html
    # The chosen values stay selected in the form.
    assert '<option value="valby" selected>' in html


def test_filter_by_month_counts_in_copenhagen_time(client):
    # 31 January 23:30 in Copenhagen is still January, although it is 22:30 UTC.
    EventPageFactory(
        title="Nytårsmøde",
        start=datetime(2027, 1, 31, 23, 30, tzinfo=CPH),
        end=datetime(2027, 2, 1, 1, 0, tzinfo=CPH),
    )
    url = event_index().url
    assert "Nytårsmøde" in client.get(url, {"month": "2027-01"}).content.decode()
    assert "Nytårsmøde" not in client.get(url, {"month": "2027-02"}).content.decode()


@pytest.mark.parametrize(
    "params", [{"month": "januar"}, {"month": "2027-13"}, {"kind": "party"}, {"district": "x"}]
)
def test_bad_filter_is_a_400_with_the_form_filled_in_and_a_message(client, events, params):
    response = client.get(event_index().url, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="errorlist' in html
    if "month" in params:
        assert f'value="{params["month"]}"' in html
        assert "Write the month as year-month" in html


@pytest.mark.parametrize(
    "query",
    [
        "kind=%C2%B2",
        "district=%C2%B2",
        "month=%C2%B2",
        "kind=" + "9" * 30,
        "district=" + "9" * 30,
        "month=" + "9" * 30,
        "month=0000-01",
        "month=9999-12",
        "month=2027-00",
    ],
)
def test_strange_filter_values_are_a_400_never_a_500(client, events, query):
    response = client.get(f"{event_index().url}?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and 'aria-invalid="true"' in html


def test_the_valid_filters_still_apply_beside_a_bad_one(client, events):
    response = client.get(event_index().url, {"district": "valby", "month": "januar"})
    assert response.status_code == 400
    upcoming, _past = sections(response.content.decode())
    assert "Valby-mødet" in upcoming and "Konferencen" not in upcoming
    assert '<option value="valby" selected>' in upcoming
    assert 'value="januar"' in upcoming


@pytest.mark.parametrize("page", ["%C2%B2", "9" * 30, "-1", "abc"])
def test_a_strange_page_number_shows_a_page_of_past_events(client, events, page):
    response = client.get(f"{event_index().url}?page={page}")
    assert response.status_code == 200
    assert "Sidste års workshop" in response.content.decode()


def test_filter_labels_do_not_call_every_filter_optional(client, events):
    html = client.get(event_index().url).content.decode()
    assert '<label for="id_kind">Kind</label>' in html
    assert (
        "field__optional" not in html.partition('class="event-filter"')[2].partition("</form>")[0]
    )


def test_filter_form_has_a_label_for_every_field(client, events):
    html = client.get(event_index().url).content.decode()
    for name in ("kind", "district", "month"):
        assert f'<label for="id_{name}">' in html


def test_past_event_keeps_its_page_with_summary_and_attendance(client, events):
    response = client.get(events["past"].url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "This event has taken place" in html
    assert "Vi aftalte 14 praktikforløb." in html
    assert "53 people took part." in html
    assert "Sign-up is over." in html


def test_event_page_shows_place_access_and_services(client):
    event = EventPageFactory(
        step_free_access=True,
        interpretation_languages="arabisk, somali",
        sign_language=True,
        childcare=True,
        organiser_type="partner",
        organiser_name="Boligforeningen",
    )
    html = client.get(event.url).content.decode()
    for text in (
        "Step-free access",
        "arabisk, somali",
        "Sign language interpretation",
        "Childcare",
        "Boligforeningen",
        "Mjølnerparken 110",
    ):
        assert text in html


def test_event_links_to_its_debate_and_focus_area(client):
    from home.models import FocusAreaPage, HomePage

    home = HomePage.objects.first()
    focus = home.add_child(instance=FocusAreaPage(title="Den inddragende by", slug="fokus"))
    event = EventPageFactory(focus_area=focus)
    assert "Den inddragende by" in client.get(event.url).content.decode()


def test_end_before_start_is_refused_by_the_page():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        EventPageFactory(start=timezone.now() + timedelta(days=2), end=timezone.now())


def test_events_are_searchable():
    EventPageFactory(title="Lektiecafé", teaser="Hjælp til lektier")
    EventPageFactory(title="Fællesspisning")
    assert [e.title for e in EventPage.objects.live().search("lektier")] == ["Lektiecafé"]


def test_demo_events_load_once_marked_as_examples_with_one_full(client):
    call_command("load_demo_events")
    call_command("load_demo_events")
    index = EventIndexPage.objects.get(locale__language_code="da")
    assert index.show_in_menus
    events = EventPage.objects.child_of(index)
    assert events.count() == 5
    assert all(event.is_example for event in events)
    assert events.upcoming().exists() and events.past().exists()
    full = [
        e
        for e in events
        if e.capacity and Registration.objects.filter(event=e).confirmed().count() >= e.capacity
    ]
    assert len(full) == 1
    html = client.get(full[0].url).content.decode()
    assert "Example" in html
    assert "Join the waiting list" in html or "Log in to sign up" in html


def test_upcoming_events_come_a_page_at_a_time_with_the_filters_kept(client, settings):
    from events.selectors import UPCOMING_PAGE_SIZE

    settings.PAGE_CACHE_SECONDS = 0
    first = timezone.now() + timedelta(days=1)
    for n in range(UPCOMING_PAGE_SIZE + 2):
        EventPageFactory(
            title=f"Fællesspisning {n:02d}",
            district="valby",
            start=first + timedelta(days=n),
            end=first + timedelta(days=n, hours=2),
        )
    url = event_index().url
    upcoming, _past = sections(client.get(url, {"district": "valby"}).content.decode())
    assert "Fællesspisning 00" in upcoming
    assert f"Fællesspisning {UPCOMING_PAGE_SIZE - 1:02d}" in upcoming
    assert f"Fællesspisning {UPCOMING_PAGE_SIZE:02d}" not in upcoming
    assert 'aria-label="Upcoming events, more pages"' in upcoming
    assert "?district=valby&amp;upcoming=2#upcoming-title" in upcoming  # the filter is kept
    second, _past = sections(
        client.get(url, {"district": "valby", "upcoming": "2"}).content.decode()
    )
    assert f"Fællesspisning {UPCOMING_PAGE_SIZE + 1:02d}" in second
    assert "Fællesspisning 00" not in second
    assert "?district=valby&amp;upcoming=1#upcoming-title" in second
    for strange in ("abc", "-1", "9" * 30):  # never a 500, always a page of events
        response = client.get(url, {"upcoming": strange})
        assert response.status_code == 200
        assert "Fællesspisning" in sections(response.content.decode())[0]


def test_a_later_page_of_upcoming_events_expires_when_an_earlier_event_ends(client, monkeypatch):
    """Page 2 changes when an event on page 1 ends (everything moves up by one)."""
    from core import pagecache
    from events.selectors import UPCOMING_PAGE_SIZE

    ends_in = timedelta(minutes=4)  # sooner than PAGE_CACHE_SECONDS
    running = EventPageFactory(
        start=timezone.now() - timedelta(hours=1), end=timezone.now() + ends_in
    )
    start = timezone.now() + timedelta(days=2)
    for n in range(UPCOMING_PAGE_SIZE + 1):
        EventPageFactory(start=start + timedelta(days=n), end=start + timedelta(days=n, hours=2))
    url = f"{event_index().url}?upcoming=2"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    ends = running.end.timestamp()
    monkeypatch.setattr(pagecache, "_now", lambda: ends - 5)
    assert client.get(url)["X-Page-Cache"] == "hit"
    monkeypatch.setattr(pagecache, "_now", lambda: ends + 1)
    assert client.get(url)["X-Page-Cache"] != "hit"


def test_each_card_is_rendered_once_and_a_change_shows_at_once(client, events, settings):
    # The page cache off: the cards are fragments (core/fragments.py) named by what they show.
    settings.PAGE_CACHE_SECONDS = 0
    url = event_index().url
    with renders_of("events/includes/event_card.html") as cards:
        assert "Valby-mødet" in client.get(url).content.decode()
        first = len(cards)
        assert first == 3
        client.get(url)
        assert len(cards) == first  # reused, none rendered again
        valby = events["valby"]
        valby.title, valby.cancelled = "Valby-mødet flyttes", True
        valby.save_revision().publish()
        body = client.get(url).content.decode()
        assert len(cards) == first + 1  # only the changed card
    assert "Valby-mødet flyttes" in body and "Cancelled" in body
    english = client.get(url.replace("/da/", "/en/", 1)).content.decode()
    assert '<span class="language-label" lang="da"' in english
    assert '<span class="language-label"' not in body


def test_the_filter_fields_are_rendered_once_per_choice_and_never_for_made_up_values(
    client, events, settings
):
    from core import fragments

    settings.PAGE_CACHE_SECONDS = 0
    url = event_index().url
    with renders_of("core/forms/field.html") as fields:
        client.get(url)
        first = len(fields)
        assert first >= 3  # kind, district, month
        client.get(url)
        assert len(fields) == first + 1  # the month is typed text: rendered each time
        body = client.get(url, {"district": "valby"}).content.decode()
        assert '<option value="valby" selected>' in body
        remembered = len(fragments._local)
        for made_up in ("zzz", "qqq", "9" * 30):
            assert client.get(url, {"district": made_up}).status_code == 400
        assert len(fragments._local) == remembered
    english = client.get(url.replace("/da/", "/en/", 1)).content.decode()
    assert '<option value="valby"' in english
