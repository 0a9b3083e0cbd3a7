"""Registrations retire the cached pages that show an event's free places (core/pagecache.py).
A signal, not the services alone: every way a registration changes (sign-up, cancellation,
promotion from the waiting list, an account deleted) saves or deletes the row.

Publishing, unpublishing and reviewing an event tell those who follow it or are signed up to it
(events/notices.py): Wagtail's signals, since editors do these in the admin."""

from django.db.models.signals import post_delete, post_save
from wagtail import signals as wagtail_signals

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
    from events import notices
    from events.models import EventPage

    wagtail_signals.page_published.connect(
        notices.event_published, sender=EventPage, dispatch_uid="events.notices.published"
    )
    wagtail_signals.page_unpublished.connect(
        notices.event_unpublished, sender=EventPage, dispatch_uid="events.notices.unpublished"
    )
    wagtail_signals.workflow_approved.connect(
        notices.workflow_approved, dispatch_uid="events.notices.approved"
    )
    wagtail_signals.workflow_rejected.connect(
        notices.workflow_rejected, dispatch_uid="events.notices.rejected"
    )
