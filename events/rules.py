"""Who may do what with events, checked with `user.has_perm(...)` in views, templates and the
admin alike; services call `core.rules.require(...)`, and the reason a person is refused comes
from the conditions declared here.

Whether an event takes sign-ups at a given moment (the window, the start) is the event's state,
not the person's: the service checks it under the row lock with the time it was given, and says
so with a 409."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import LOGGED_IN, NOT_BLOCKED, VERIFIED, is_editor
from accounts.rules import has_verified_email as is_verified
from core.rules import add_perm, when


def approved_organisations(user):
    """The approved partner organisations the user acts for."""
    from partnerships.models import Organisation
    from partnerships.models.choices import ReviewStatus

    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(status=ReviewStatus.APPROVED, memberships__user=user)


@rules.predicate
def is_partner(user) -> bool:
    """A member of an approved partner organisation, or someone staff gave the partner badge
    in the admin."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_events_is_partner", None)
    if cached is None:
        from accounts.models import BadgeKind

        cached = (
            approved_organisations(user).exists()
            or user.badges.filter(kind=BadgeKind.PARTNER).exists()
        )
        user._events_is_partner = cached
    return cached


@rules.predicate
def is_event_organiser(user, event) -> bool:
    """The partner who submitted the event, or a member of the organising organisation."""
    if event is None or not user.is_authenticated or not is_partner(user):
        return False
    if event.submitted_by_id == user.pk:
        return True
    return (
        event.organiser_organisation_id is not None
        and approved_organisations(user).filter(pk=event.organiser_organisation_id).exists()
    )


@rules.predicate
def is_registrant(user, registration) -> bool:
    return registration is not None and user.is_authenticated and registration.user_id == user.pk


@rules.predicate
def organises_registration_event(user, registration) -> bool:
    return registration is not None and (
        is_editor(user) or is_event_organiser(user, registration.event)
    )


# Moderators keep to the debates (issue: moderation); editors are the city staff for events.
city_staff = is_editor

SIGN_UP_VERIFIED = when(
    is_verified, "unverified", _("Verify your e-mail address to sign up for events.")
)
SUBMIT_AS_PARTNER = when(
    is_partner | is_editor,
    "not_partner",
    _("Only approved partner organisations can submit events."),
)

add_perm("events.sign_up", LOGGED_IN, SIGN_UP_VERIFIED, NOT_BLOCKED)
add_perm("events.submit_event", LOGGED_IN, VERIFIED, NOT_BLOCKED, SUBMIT_AS_PARTNER)
add_perm(
    "events.see_attendees",
    when(
        city_staff | is_event_organiser,
        "not_organiser",
        _("Only the organisers see the attendee lists."),
    ),
)
add_perm(
    "events.cancel_registration",
    LOGGED_IN,
    when(
        is_registrant | organises_registration_event,
        "not_allowed",
        _("You can only cancel your own registration."),
    ),
)
