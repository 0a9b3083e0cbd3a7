"""Events as iCalendar (RFC 5545): one event for "add to my calendar" and the e-mail
attachment, and feeds to subscribe to. Times carry TZID=Europe/Copenhagen with its VTIMEZONE,
so a calendar shows the right hour on both sides of a daylight-saving change."""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from icalendar import Calendar, Event

PRODID = "-//Københavns Kommune//Bland dig i byen//DA"
UID_DOMAIN = "blanddigibyen.kk.dk"


def _local(value):
    return value.astimezone(ZoneInfo(settings.TIME_ZONE))


def event_uid(event) -> str:
    # The same event in Danish and English is one calendar entry.
    return f"event-{event.translation_key}@{UID_DOMAIN}"


def event_component(event, *, url: str) -> Event:
    description = Truncator(strip_tags(event.description or event.teaser)).chars(1000)
    if url:
        description = f"{description}\n\n{url}".strip()
    location = event.place_display or event.online_url
    component = Event.new(
        uid=event_uid(event),
        summary=event.title,
        start=_local(event.start),
        end=_local(event.end),
        stamp=timezone.now(),
        last_modified=event.last_published_at or None,
        description=description or None,
        location=location or None,
        url=url or None,
        categories=[event.get_kind_display()],
    )
    if getattr(event, "cancelled", False):
        component.add("status", "CANCELLED")  # calendars that subscribed strike it through
    return component


def _calendar(name: str, events_with_urls, uid: str) -> Calendar:
    calendar = Calendar.new(prodid=PRODID, name=name, uid=uid, refresh_interval=timedelta(hours=6))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    starts, ends = [], []
    for event, url in events_with_urls:
        calendar.add_component(event_component(event, url=url))
        starts.append(_local(event.start).date())
        ends.append(_local(event.end).date())
    if starts:
        # Only the transitions the entries need, not fifty years of them.
        calendar.add_missing_timezones(
            first_date=min(starts) - timedelta(days=366), last_date=max(ends) + timedelta(days=366)
        )
    return calendar


def event_calendar(event, *, url: str) -> bytes:
    return _calendar(event.title, [(event, url)], uid=f"cal-{event_uid(event)}").to_ical()


def feed_calendar(name: str, events_with_urls, *, key: str = "all") -> bytes:
    """A feed to subscribe to; `key` keeps its UID the same from one fetch to the next."""
    return _calendar(name, events_with_urls, uid=f"feed-{key}@{UID_DOMAIN}").to_ical()
