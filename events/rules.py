"""Who may do what with events, checked with `user.has_perm(...)` in views, services and the
admin alike."""

import rules

from accounts.rules import has_verified_email as is_verified
from accounts.rules import is_blocked, is_editor, is_partner, partner_organisations

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


# Moderators keep to the debates (issue: moderation); editors are the city staff for events.
city_staff = is_editor

rules.add_perm("events.sign_up", is_verified & ~is_blocked)
rules.add_perm("events.submit_event", is_verified & ~is_blocked & (is_partner | is_editor))
rules.add_perm("events.see_attendees", city_staff | is_event_organiser)
