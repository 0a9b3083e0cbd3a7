"""Who may do what with events, checked with `user.has_perm(...)` in views, templates and the
admin alike; services call `core.rules.require(...)`, and the reason a person is refused comes
from the conditions declared here.

Whether an event takes sign-ups at a given moment (the window, the start) is the event's state,
not the person's: the service checks it under the row lock with the time it was given, and says
so with a 409."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import (
    LOGGED_IN,
    NOT_BLOCKED,
    VERIFIED,
    is_editor,
    is_partner,
    partner_organisations,
)
from accounts.rules import has_verified_email as is_verified
from core.rules import add_perm, when

# The organisations a partner may submit events for: the same ones that make them a partner.
approved_organisations = partner_organisations


@rules.predicate
def is_event_organiser(user, event) -> bool:
    """The partner who submitted the event, or a member of the organising organisation."""
    if event is None or not user.is_authenticated or not is_partner(user):
        return False
    if event.submitted_by_id == user.pk:
        return True
    organisations = approved_organisations(user)
    return (
        event.organiser_organisation_id is not None
        and organisations is not None
        and organisations.filter(pk=event.organiser_organisation_id).exists()
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
