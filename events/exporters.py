"""What the events holds about one person, for their data export (GDPR articles 15 and 20)."""


def export_registrations(user) -> list[dict]:
    """The user's sign-ups for the data export (GDPR article 15 and 20)."""
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
        for registration in Registration.objects.filter(user=user).select_related("event")
    ]
