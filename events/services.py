"""Writes on events: signing up, cancelling, promoting from the waiting list, and partners
submitting events for the editors to approve.

Every sign-up and cancellation locks the event's row first (SELECT ... FOR UPDATE on
PostgreSQL; on SQLite the IMMEDIATE transaction already serialises writers), so counting the
confirmed places and adding one is a single step however many people click at once.

A refusal is a `core.errors.ServiceError`: who may act is asked once with `require(...)` (the
reasons live in events/rules.py); the event's state at the given time (sign-up window, start)
is checked under the lock and answered with a 409."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from accounts.rules import has_admin_access
from core import ratelimit
from core.errors import ServiceError
from core.rules import require
from events import emails
from events.models import (
    EventIndexPage,
    EventPage,
    OrganiserType,
    Registration,
    RegistrationStatus,
)


def _lock_event(event_id: int) -> EventPage:
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event_id)


def _notify(registration: Registration, kind: str) -> None:
    emails.send_registration_email(registration=registration, kind=kind)


@contextmanager
def _as_service_error():
    """A model's own validation (full_clean, Wagtail's page save) speaks as a ServiceError, with
    each message on its field."""
    try:
        yield
    except ValidationError as error:
        raise ServiceError.from_validation_error(error) from error


def _full_clean(instance) -> None:
    with _as_service_error():
        instance.full_clean()


def _promote_waiting(event: EventPage, now) -> list[Registration]:
    """Fills free places from the front of the waiting list. The caller holds the lock."""
    waiting = Registration.objects.filter(event=event).waiting().select_related("user")
    if event.capacity is not None:
        free = event.capacity - Registration.objects.filter(event=event).confirmed().count()
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = []
    for registration in waiting:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        registration.event = event
        _notify(registration, emails.PROMOTED)
        promoted.append(registration)
    return promoted


def registration_create(*, event: EventPage, user, now=None, ip: str | None = None) -> Registration:
    """Gives the person a place, or a place in line when the event is full. Signing up twice
    returns the existing registration (a double click must not queue someone twice). Sign-ups
    and cancellations share one limit per person and client address (`ip`): each sends a mail."""
    require(user, "events.sign_up", event)
    ratelimit.hit("event.registration", user=user, ip=ip)
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(event.pk)
        if not event.is_accepting_signups(now):
            raise ServiceError("signup_closed", _("Sign-up for this event is not open."), 409)
        existing = Registration.objects.active().filter(event=event, user=user).first()
        if existing is not None:
            return existing
        # Places freed by a larger capacity go to those already waiting, before newcomers.
        _promote_waiting(event, now)
        confirmed = Registration.objects.filter(event=event).confirmed().count()
        has_place = event.capacity is None or confirmed < event.capacity
        registration = Registration(
            event=event,
            user=user,
            status=RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITING,
            created_at=now,
            confirmed_at=now if has_place else None,
        )
        _full_clean(registration)
        registration.save()
        _notify(registration, emails.CONFIRMED if has_place else emails.WAITING)
    return registration


def registration_cancel(
    *, registration: Registration, user, now=None, ip: str | None = None
) -> Registration:
    """Cancels a place or a place in line; a freed place goes to the first person waiting."""
    require(user, "events.cancel_registration", registration)
    ratelimit.hit("event.registration", user=user, ip=ip)
    now = now or timezone.now()
    with transaction.atomic():
        event = _lock_event(registration.event_id)
        registration = Registration.objects.get(pk=registration.pk)
        if not registration.is_active:
            return registration
        if event.start <= now:
            raise ServiceError("started", _("This event has already started."), 409)
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        _full_clean(registration)
        registration.save(update_fields=["status", "cancelled_at"])
        _promote_waiting(event, now)
    return registration


def event_fill_from_waiting_list(*, event: EventPage, now=None) -> list[Registration]:
    """After an editor raises the capacity."""
    with transaction.atomic():
        return _promote_waiting(_lock_event(event.pk), now or timezone.now())


def registrations_release(*, user, now=None) -> list[Registration]:
    """For a person deleting their account (core.hooks.ACCOUNT_DELETING): their places and
    places in line at events still to come are cancelled, and each freed place goes to the
    first person waiting, who is mailed after commit, as after any cancellation. The rows
    themselves go with the account (CASCADE). Returns the registrations promoted."""
    now = now or timezone.now()
    promoted = []
    with transaction.atomic():
        event_ids = set(
            Registration.objects.active()
            .filter(user=user, event__start__gt=now)
            .values_list("event_id", flat=True)
        )
        for event_id in sorted(event_ids):  # one order, so two deletions never deadlock
            event = _lock_event(event_id)
            Registration.objects.active().filter(user=user, event=event).update(
                status=RegistrationStatus.CANCELLED, cancelled_at=now
            )
            promoted += _promote_waiting(event, now)
    return promoted


def event_submit(*, user, index: EventIndexPage, data: dict) -> EventPage:
    """A partner proposes an event. It becomes a draft page in the editors' review queue and
    is published when an editor approves it; until then nobody else sees it."""
    require(user, "events.submit_event")
    data = dict(data)
    description = data.pop("description", "")
    organisation = data.pop("organisation", None)
    if organisation is not None:
        from events.rules import approved_organisations

        organisations = approved_organisations(user)
        if organisations is None or not organisations.filter(pk=organisation.pk).exists():
            message = _("You can only submit events for your own organisation.")
            raise ServiceError(
                "not_your_organisation", message, 403, fields={"organisation": [message]}
            )
        data["organiser_organisation"] = organisation
        data["organiser_name"] = organisation.name
    with _as_service_error(), transaction.atomic():
        event = EventPage(
            **data,
            description=linebreaks(description, autoescape=True) if description else "",
            organiser_type=OrganiserType.PARTNER,
            submitted_by=user,
            owner=user,
            live=False,
            has_unpublished_changes=True,
            is_example=False,
        )
        index.add_child(instance=event)
        event.save_revision(user=user, log_action=True)
        # The workflow configured for the events (accounts/roles.py, editable in the admin):
        # its task goes to the City editors.
        workflow = event.get_workflow()
        if workflow is not None:
            workflow.start(event, user)
            _no_admin_review_mail(user)
    return event


def _no_admin_review_mail(user) -> None:
    """A partner without access to the admin hears of the review as a notice (and its mail,
    events/notices.py: event_reviewed); Wagtail's own mail about it would come besides and lead
    into an admin they cannot open."""
    if has_admin_access(user):
        return
    profile = UserProfile.get_for_user(user)
    if profile.approved_notifications or profile.rejected_notifications:
        profile.approved_notifications = profile.rejected_notifications = False
        profile.save(update_fields=["approved_notifications", "rejected_notifications"])
