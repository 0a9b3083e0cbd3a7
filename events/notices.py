"""What people hear about events (notifications.services writes the notices and mails them).

- Following: an event (`page:<translation key>`, as every followable page), the events in a
  district (`events:district:<slug>`) or of a kind (`events:kind:<kind>`).
- A new event (its first publication in any language): the followers of its district and of its
  kind (`event_new`).
- An event whose date, time or place changes, or that is cancelled (the page's "cancelled" box,
  or an upcoming event taken off the site with no translation left), is told to everyone signed
  up to it (the waiting list too, on every translation) and to its followers (`event_changed`,
  `event_cancelled`). A publication is compared with the previous one, so each change is told
  once; a translation's editor catching up with the original tells nobody again (only the
  event's original page, the first written of its translations, speaks for it).
- The day before: a reminder to those with a place (`event_reminder`, once per registration:
  `Registration.reminded_at`), sent by the hourly job in events/tasks.py.
- A partner's proposal approved or sent back by the editors (Wagtail's workflow): the partner
  who proposed it and the members of its organisation (`event_reviewed`).

The signals are connected in events.signals."""

import logging
from datetime import timedelta
from urllib.parse import urlencode

from django.db import transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import PageLogEntry

from accounts.models import User
from core.locales import default_locale_page, localized_page
from events.models import Districts, EventIndexPage, EventKind, EventPage, Registration
from notifications import services
from notifications.topics import Topic, page_topic

log = logging.getLogger(__name__)

TEMPLATES = "events/notices/"
# What a change is told for: when and where.
CHANGE_FIELDS = ("start", "end", "venue", "address", "online_url")
REMIND_BEFORE = timedelta(hours=24)

KIND_TITLES = {
    EventKind.CONFERENCE: gettext_lazy("Integration conferences"),
    EventKind.STATUS_MEETING: gettext_lazy("Status meetings"),
    EventKind.MEET_UP: gettext_lazy("Community meet-ups"),
    EventKind.WORKSHOP: gettext_lazy("Workshops"),
    EventKind.ONLINE: gettext_lazy("Online events"),
}


# Topics ----------------------------------------------------------------------------------


def district_topic(district: str) -> str:
    return f"events:district:{district}"


def kind_topic(kind: str) -> str:
    return f"events:kind:{kind}"


def describe_topics(topics: list[str]) -> dict[str, Topic]:
    """`events:district:<slug>` and `events:kind:<kind>`, in the active language; the link is
    the event list filtered by it."""
    base = None
    found = {}
    for topic in topics:
        parts = topic.split(":")
        if len(parts) != 3:
            continue
        _prefix, axis, value = parts
        if axis == "district" and value in Districts.values:
            title = _("Events in %(district)s") % {"district": Districts(value).label}
            kind_label = _("Events in a district")
        elif axis == "kind" and value in EventKind.values:
            title = str(KIND_TITLES[EventKind(value)])
            kind_label = _("Kind of event")
        else:
            continue
        if base is None:
            base = _index_url()
        url = f"{base}?{urlencode({axis: value})}" if base else ""
        found[topic] = Topic(topic=topic, title=title, url=url, kind_label=kind_label)
    return found


# Helpers ---------------------------------------------------------------------------------


def _title(event: EventPage) -> str:
    """The event's title in the active (the reader's) language, where it is translated."""
    return localized_page(event).title


def _url(event: EventPage) -> str:
    return event.get_url() or ""


def _index_url() -> str:
    index = default_locale_page(EventIndexPage)
    return (index.get_url() or "") if index is not None else ""


lazy_title = lazy(_title, str)


def _is_original(event: EventPage) -> bool:
    """The first written of the event's translations speaks for the event."""
    first = (
        EventPage.objects.filter(translation_key=event.translation_key)
        .order_by("pk")
        .values_list("pk", flat=True)
        .first()
    )
    return first == event.pk


def _registrants(event: EventPage):
    """Everyone with a place or on the waiting list, on any translation of the event."""
    return (
        Registration.objects.active()
        .filter(event__translation_key=event.translation_key)
        .values("user_id")
    )


def _attendees_and_followers(event: EventPage):
    return User.objects.filter(is_active=True).filter(
        Q(pk__in=_registrants(event)) | Q(pk__in=services.followers(page_topic(event)).values("pk"))
    )


def _previous_publication(event: EventPage, revision) -> EventPage | None:
    """The event as it was last published before this publication (the log of publications is
    written after the `page_published` signal, so the newest entry is the one before)."""
    entries = PageLogEntry.objects.filter(page_id=event.pk, action="wagtail.publish")
    if revision is not None:
        entries = entries.exclude(revision_id=revision.pk)
    entry = entries.select_related("revision").order_by("-timestamp", "-pk").first()
    if entry is None or entry.revision is None:
        return None
    return entry.revision.as_object()


def _context(event: EventPage, **extra) -> dict:
    return {"event": event, "title": lazy_title(event), **extra}


# Publication, change, cancellation -------------------------------------------------------


def event_published(sender, instance, revision=None, **kwargs) -> None:
    """`page_published`: a new event, or a change, a cancellation or a reinstatement."""
    event = instance
    if not isinstance(event, EventPage) or not event.live:
        return
    previous = _previous_publication(event, revision)
    if previous is None:
        if event.first_published_at == event.last_published_at:
            _tell_new(event)
        return
    if not _is_original(event):
        return
    if event.cancelled and not previous.cancelled:
        _tell_cancelled(event)
        return
    if event.cancelled or event.is_past():
        return
    changed = [name for name in CHANGE_FIELDS if getattr(previous, name) != getattr(event, name)]
    if changed or previous.cancelled:
        _tell_changed(event, previous, changed)


def event_unpublished(sender, instance, **kwargs) -> None:
    """`page_unpublished`: an upcoming event taken off the site, with no translation left
    live, is called off for those signed up to it and its followers."""
    event = instance
    if not isinstance(event, EventPage) or event.cancelled or event.start <= timezone.now():
        return
    if EventPage.objects.live().filter(translation_key=event.translation_key).exists():
        return
    services.notify(
        _attendees_and_followers(event),
        kind="event_cancelled",
        template=TEMPLATES + "event_cancelled",
        context=_context(event, withdrawn=True),
        topic=page_topic(event),
        link=_index_url,
        topic_title=lambda: _title(event),
    )


def _tell_new(event: EventPage) -> None:
    if event.cancelled or event.is_example or event.is_past():
        return
    others = EventPage.objects.filter(
        translation_key=event.translation_key, first_published_at__isnull=False
    ).exclude(pk=event.pk)
    if others.exists():  # a translation of an event already announced
        return
    topics = [district_topic(event.district)] if event.district else []
    topics.append(kind_topic(event.kind))
    told: list[int] = []  # who follows both hears once, of the district
    for topic in topics:
        people = services.followers(topic).exclude(pk__in=told)
        created = services.notify(
            people,
            kind="event_new",
            template=TEMPLATES + "event_new",
            context=_context(event),
            topic=topic,
            link=lambda: _url(event),
            topic_title=lambda topic=topic: _topic_title(topic),
        )
        told += [notice.user_id for notice in created]


def _topic_title(topic: str) -> str:
    described = describe_topics([topic]).get(topic)
    return described.title if described else ""


def _tell_changed(event: EventPage, previous: EventPage, changed: list[str]) -> None:
    services.notify(
        _attendees_and_followers(event),
        kind="event_changed",
        template=TEMPLATES + "event_changed",
        context=_context(
            event,
            previous=previous,
            time_changed="start" in changed or "end" in changed,
            place_changed=any(name in changed for name in ("venue", "address", "online_url")),
            reinstated=previous.cancelled,
        ),
        topic=page_topic(event),
        link=lambda: _url(event),
        topic_title=lambda: _title(event),
    )


def _tell_cancelled(event: EventPage) -> None:
    services.notify(
        _attendees_and_followers(event),
        kind="event_cancelled",
        template=TEMPLATES + "event_cancelled",
        context=_context(event, withdrawn=False),
        topic=page_topic(event),
        link=lambda: _url(event),
        topic_title=lambda: _title(event),
    )


# A partner's proposal reviewed -----------------------------------------------------------


def _reviewed(state, user, *, approved: bool) -> None:
    event = state.content_object
    event = getattr(event, "specific", event)
    if not isinstance(event, EventPage) or event.submitted_by_id is None:
        return
    people = User.objects.filter(is_active=True)
    if event.organiser_organisation_id is not None:
        people = people.filter(
            Q(pk=event.submitted_by_id)
            | Q(partner_memberships__organisation_id=event.organiser_organisation_id)
        ).distinct()
    else:
        people = people.filter(pk=event.submitted_by_id)
    task_state = state.current_task_state
    comment = (task_state.comment if task_state is not None else "") or ""
    services.notify(
        people,
        kind="event_reviewed",
        template=TEMPLATES + "event_reviewed",
        context=_context(event, approved=approved, comment=comment.strip()),
        topic=page_topic(event),
        link=(lambda: _url(event)) if approved else (lambda: reverse("events:submit")),
        topic_title=lambda: _title(event),
        actor=user,
    )


def workflow_approved(sender, instance, user=None, **kwargs) -> None:
    _reviewed(instance, user, approved=True)


def workflow_rejected(sender, instance, user=None, **kwargs) -> None:
    _reviewed(instance, user, approved=False)


# The day before --------------------------------------------------------------------------


def reminders_due(now):
    """Places at events starting within a day, not yet reminded. Who signed up less than a
    day before the start has just had the confirmation: no reminder."""
    return (
        Registration.objects.confirmed()
        .filter(
            reminded_at__isnull=True,
            event__live=True,
            event__cancelled=False,
            event__start__gt=now,
            event__start__lte=now + REMIND_BEFORE,
            created_at__lt=F("event__start") - REMIND_BEFORE,
        )
        .select_related("user")
        .order_by("event_id", "pk")
    )


def reminders_send(*, now=None) -> int:
    """Each reminder once: a registration is marked reminded in the same transaction as its
    notice is written, and only the run that marked it writes the notice (two runs at once, or
    one run twice, send nothing twice). Returns the number of reminders."""
    now = now or timezone.now()
    by_event: dict[int, list[Registration]] = {}
    for registration in reminders_due(now):
        by_event.setdefault(registration.event_id, []).append(registration)
    sent = 0
    for event_id, registrations in by_event.items():
        event = EventPage.objects.get(pk=event_id)
        with transaction.atomic():
            # Claimed with the rows locked (PostgreSQL; SQLite's write transactions run one at
            # a time): a run that comes second finds them reminded and sends nothing.
            mine = set(
                Registration.objects.select_for_update()
                .filter(pk__in=[r.pk for r in registrations], reminded_at__isnull=True)
                .values_list("pk", flat=True)
            )
            Registration.objects.filter(pk__in=mine).update(reminded_at=now)
            claimed = [r.user for r in registrations if r.pk in mine]
            services.notify(
                claimed,
                kind="event_reminder",
                template=TEMPLATES + "event_reminder",
                context=_context(event),
                topic=page_topic(event),
                link=lambda event=event: _url(event),
                topic_title=lambda event=event: _title(event),
            )
        sent += len(claimed)
    return sent
