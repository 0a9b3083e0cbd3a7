from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from accounts.services import register_exporter

        register_exporter("event_registrations", export_registrations)
