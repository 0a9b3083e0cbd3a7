"""Events in the page cache (core/pagecache.py): a registration that changes the free places
shows on the cached event page at once, and a page that changes by the clock (sign-up opens)
is not kept past that moment."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory
from tests.pagecache import cached_body, fresh_body

pytestmark = pytest.mark.django_db


def test_a_sign_up_changes_the_free_places_on_the_cached_page_at_once(client):
    event = EventPageFactory(capacity=10, signup_enabled=True)
    assert "10 of 10 left" in cached_body(client, event.url)
    registration = services.registration_create(event=event, user=UserFactory())
    assert "9 of 10 left" in fresh_body(client, event.url)
    cached_body(client, event.url)
    services.registration_cancel(registration=registration, user=registration.user)
    assert "10 of 10 left" in fresh_body(client, event.url)


def test_a_sign_up_leaves_other_events_cached(client):
    first = EventPageFactory(capacity=10, signup_enabled=True)
    second = EventPageFactory(capacity=10, signup_enabled=True)
    cached_body(client, second.url)
    services.registration_create(event=first, user=UserFactory())
    assert client.get(second.url)["X-Page-Cache"] == "hit"


def test_an_event_page_is_not_kept_past_the_moment_sign_up_opens(client, settings, monkeypatch):
    """The sign-up state changes by the clock, without a write: the copy expires then."""
    from core import pagecache

    settings.PAGE_CACHE_SECONDS = 300
    # The clock is read before the page is made: a slow machine (publishing tells the
    # followers, two requests) must not eat into the minute.
    started = pagecache._now()
    opens = timezone.now() + timedelta(seconds=60)
    event = EventPageFactory(capacity=10, signup_enabled=True, signup_opens=opens)
    assert client.get(event.url)["X-Page-Cache"] == "miss"
    assert client.get(event.url)["X-Page-Cache"] == "hit"
    monkeypatch.setattr(pagecache, "_now", lambda: started + 59)
    assert client.get(event.url)["X-Page-Cache"] == "hit"
    monkeypatch.setattr(pagecache, "_now", lambda: started + 61)  # not the usual 300 s
    assert client.get(event.url)["X-Page-Cache"] != "hit"
