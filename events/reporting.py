"""Events in one year's figures, for the yearly status report (accountability.reporting).

Labels are English msgids, marked and not translated: the report stores them and translates
them when it is shown, so one snapshot serves every language. The kinds' labels are written
out again below, as the same msgids as `EventKind`'s, since the choices' lazy labels would be
translated when the snapshot is built.

An event is its page in the site's default language (Danish), live and starting during the year
(in Copenhagen time); its translations are the same event and are not counted again. A
translation is a page of its own and takes its own sign-ups, so an event's registrations are
those on any of its translations. Registrations are the confirmed places: not the waiting list,
not cancelled ones. Attendance is what the editors enter after an event (`EventPage.attendance`);
it is summed over the events that have it and left empty for the others, never guessed.

Example content is counted, so the demo's report has figures, and a figure of its own says how
many of the events are examples. Four queries, however many events and sign-ups there are."""

from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.models import Locale

from core.years import year_bounds
from events.models import EventKind, EventPage, Registration, RegistrationStatus

# The policy's two fixed milestones of the year, each with its label's msgid.
KEY_KINDS = {
    EventKind.CONFERENCE: gettext_noop("Integration conference"),
    EventKind.STATUS_MEETING: gettext_noop("Status meeting"),
}


def year_in_figures(year: int) -> dict:
    start, end = year_bounds(year)
    tz = timezone.get_default_timezone()
    held = EventPage.objects.live().filter(
        locale=Locale.get_default(), start__gte=start, start__lt=end
    )
    confirmed = Registration.objects.filter(status=RegistrationStatus.CONFIRMED)

    totals = held.aggregate(
        events=Count("pk"),
        examples=Count("pk", filter=Q(is_example=True)),
        with_attendance=Count("attendance"),
        attendance=Coalesce(Sum("attendance"), 0),
    )
    registrations = confirmed.filter(
        event__translation_key__in=held.values("translation_key")
    ).count()

    per_event = (
        confirmed.filter(event__translation_key=OuterRef("translation_key"))
        .order_by()
        .values("event__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    key_events = (
        held.filter(kind__in=list(KEY_KINDS))
        .annotate(confirmed=Coalesce(Subquery(per_event), 0))
        .order_by("start", "pk")
        .values_list("title", "kind", "start", "confirmed", "attendance")
    )
    rows = [
        [
            title,
            KEY_KINDS[kind],
            timezone.localtime(starts, tz).date().isoformat(),
            confirmed_places,
            attendance,
        ]
        for title, kind, starts, confirmed_places, attendance in key_events
    ]

    facts = [
        {"label": gettext_noop("Events held"), "value": totals["events"]},
        {"label": gettext_noop("Of the events, example content"), "value": totals["examples"]},
        {
            "label": gettext_noop("Confirmed registrations"),
            "value": registrations,
        },
        {
            "label": gettext_noop("Events with attendance recorded"),
            "value": totals["with_attendance"],
        },
        {
            "label": gettext_noop("Attendance at the events where it was recorded"),
            "value": totals["attendance"],
        },
    ]
    return {
        "key": "events",
        "heading": gettext_noop("Events"),
        "has_data": any(fact["value"] for fact in facts),
        "facts": facts,
        "tables": [
            {
                "name": "key-events",
                "caption": gettext_noop("The conference and the status meeting"),
                "columns": [
                    gettext_noop("Title"),
                    gettext_noop("Kind"),
                    gettext_noop("Date"),
                    gettext_noop("Registrations"),
                    gettext_noop("Attended"),
                ],
                "rows": rows,
            }
        ],
    }
