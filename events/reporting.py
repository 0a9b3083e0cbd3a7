"""Events in one year's figures, for the yearly status report (accountability.reporting): the
conference and the status meeting held, all events held, and confirmed registrations. The
platform records sign-ups, not who came: attendance is left out rather than guessed."""

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.models import Locale

from core.years import year_bounds
from events.models import EventKind, EventPage, Registration, RegistrationStatus

KEY_KINDS = {
    EventKind.CONFERENCE: gettext_noop("Integration conference"),
    EventKind.STATUS_MEETING: gettext_noop("Status meeting"),
}


def year_in_figures(year: int) -> dict:
    start, end = year_bounds(year)
    held = EventPage.objects.live().filter(
        locale=Locale.get_default(), start__gte=start, start__lt=end
    )
    confirmed = Q(registrations__status=RegistrationStatus.CONFIRMED)
    key_events = list(
        held.filter(kind__in=list(KEY_KINDS))
        .annotate(confirmed=Count("registrations", filter=confirmed))
        .order_by("start")
        .values("title", "kind", "start", "confirmed")
    )
    registrations = Registration.objects.filter(
        event__in=held, status=RegistrationStatus.CONFIRMED
    ).count()
    total = held.count()
    return {
        "key": "events",
        "heading": gettext_noop("Events"),
        "has_data": bool(total),
        "facts": [
            {"label": gettext_noop("Events held"), "value": total},
            {"label": gettext_noop("Confirmed registrations"), "value": registrations},
        ],
        "tables": [
            {
                "name": "key-events",
                "caption": gettext_noop("The conference and the status meeting"),
                "columns": [
                    gettext_noop("Event"),
                    gettext_noop("Kind"),
                    gettext_noop("Date"),
                    gettext_noop("Confirmed registrations"),
                ],
                "rows": [
                    [
                        e["title"],
                        KEY_KINDS[e["kind"]],
                        timezone.localtime(e["start"]).date().isoformat(),
                        e["confirmed"],
                    ]
                    for e in key_events
                ],
            }
        ],
    }
