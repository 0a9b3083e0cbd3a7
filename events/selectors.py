"""Reads: the listing with its filters, what an event page shows a given person, the annual
cycle, and the organiser's lists. Filters arrive as plain keyword arguments; the page binds
the form (core.pages.FilterableIndexMixin)."""

from datetime import datetime

from django.core.paginator import Paginator
from django.db.models import Min, Q
from django.utils import timezone

from core import pagecache
from core.locales import children_in_every_language, one_per_translation
from core.rules import refusal
from events.cache_tags import EVENTS, event_tag
from events.models import EventIndexPage, EventPage, Registration, RegistrationStatus
from notifications.topics import page_topic

PAST_PAGE_SIZE = 12
UPCOMING_PAGE_SIZE = 30


def events_for_locale(locale=None, *, language: str | None = None):
    """Every published event once, in the reader's language (`language`, or `locale`'s) where
    it has a translation, else in the language it was written in: an event never depends on a
    page in the reader's language existing. Neither given: every version of every event."""
    qs = EventPage.objects.live().public()
    language = language or (locale.language_code if locale is not None else None)
    if language:
        qs = one_per_translation(qs, language)
    return qs


def filter_events(qs, *, kind=None, district=None, month=None):
    qs = qs.of_kind(kind).in_district(district)
    if month:
        qs = qs.in_month(*month)
    return qs


def event_listing(
    *,
    index: EventIndexPage,
    kind: str | None = None,
    district: str | None = None,
    month: tuple[int, int] | None = None,
    page=None,
    upcoming_page=None,
    now: datetime | None = None,
) -> dict:
    """The index's published events, upcoming and past, each a page at a time (`page` and
    `upcoming_page` as typed: a page number that is not one gives the first or the last
    page)."""
    pagecache.depends_on(EVENTS)
    # EventPage has no subclasses: its rows are already the specific pages (`.specific()` would
    # ask for each row's content type and read it again: two queries more per list).
    events = filter_events(
        one_per_translation(
            children_in_every_language(index, EventPage).live().public()
        ).select_related("locale"),
        kind=kind,
        district=district,
        month=month,
    )
    now = now or timezone.now()
    upcoming = Paginator(events.upcoming(now), UPCOMING_PAGE_SIZE).get_page(upcoming_page)
    # An event that ends moves to the past ones: the page changes when one shown on it ends,
    # and a later page also when one on an earlier page does.
    for event in upcoming:
        pagecache.valid_until(event.end)
    if upcoming.number > 1:
        pagecache.valid_until(events.upcoming(now).aggregate(first=Min("end"))["first"])
    return {
        "upcoming_events": upcoming,
        "past_events": Paginator(events.past(now), PAST_PAGE_SIZE).get_page(page),
    }


def _changes_by_the_clock(event: EventPage, now) -> None:
    """Sign-up opens and closes, the event starts and ends: the page changes without a write."""
    for moment in (event.signup_opens, event.signup_closes, event.start, event.end):
        if moment is not None and moment > now:
            pagecache.valid_until(moment)


def event_page_context(*, event: EventPage, user) -> dict:
    pagecache.depends_on(event_tag(event.pk))
    _changes_by_the_clock(event, timezone.now())
    registration = None
    signup_refusal = refusal(user, "events.sign_up", event)
    if user.is_authenticated:
        registration = Registration.objects.active().filter(event=event, user=user).first()
    confirmed = Registration.objects.filter(event=event).confirmed().count()
    waiting = Registration.objects.filter(event=event).waiting().count()
    places_left = None if event.capacity is None else max(event.capacity - confirmed, 0)
    position = None
    if registration is not None and registration.status == RegistrationStatus.WAITING:
        position = (
            Registration.objects.filter(event=event)
            .waiting()
            .filter(
                Q(created_at__lt=registration.created_at)
                | Q(created_at=registration.created_at, pk__lte=registration.pk)
            )
            .count()
        )
    return {
        "registration": registration,
        "waiting_position": position,
        "confirmed_count": confirmed,
        "waiting_count": waiting,
        "places_left": places_left,
        "is_full": places_left == 0,
        "signup_state": event.signup_state(),
        "page_is_past": event.is_past(),
        "can_sign_up": signup_refusal is None,
        "signup_refusal": signup_refusal,
        "can_see_attendees": user.has_perm("events.see_attendees", event),
        "statuses": RegistrationStatus,
        "follow_topic": page_topic(event),
    }


def organiser_lists(*, event: EventPage) -> dict:
    rows = Registration.objects.filter(event=event).select_related("user")
    return {
        "confirmed": list(rows.confirmed().order_by("confirmed_at", "pk")),
        "waiting": list(rows.waiting()),
        "cancelled": list(
            rows.filter(status=RegistrationStatus.CANCELLED).order_by("cancelled_at", "pk")
        ),
    }
