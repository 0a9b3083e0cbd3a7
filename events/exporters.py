"""What the events hold about one person, for their data export (GDPR articles 15 and 20)."""


def export_registrations(user) -> list[dict]:
    """The user's sign-ups, cancelled ones included."""
    from events.models import Registration

    return [
        {
            "event": registration.event.title,
            "event_start": registration.event.start,
            "status": registration.status,
            "signed_up": registration.created_at,
            "confirmed": registration.confirmed_at,
            "cancelled": registration.cancelled_at,
        }
        for registration in Registration.objects.filter(user=user)
        .select_related("event")
        .order_by("created_at", "pk")
    ]


def export_submitted_events(user) -> list[dict]:
    """Events the person proposed as a partner."""
    from events.models import EventPage

    return [
        {"event": event.title, "start": event.start, "published": event.live}
        for event in EventPage.objects.filter(submitted_by=user).order_by("start", "pk")
    ]
