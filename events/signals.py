"""Registrations retire the cached pages that show an event's free places (core/pagecache.py).
A signal, not the services alone: every way a registration changes (sign-up, cancellation,
promotion from the waiting list, an account deleted) saves or deletes the row."""

from django.db.models.signals import post_delete, post_save

from core import pagecache
from events.cache_tags import EVENTS, event_tag


def _registration_changed(sender, instance, **kwargs):
    pagecache.invalidate(event_tag(instance.event_id), EVENTS)


def connect() -> None:
    from events.models import Registration

    post_save.connect(
        _registration_changed, sender=Registration, dispatch_uid="events.pagecache.saved"
    )
    post_delete.connect(
        _registration_changed, sender=Registration, dispatch_uid="events.pagecache.deleted"
    )
