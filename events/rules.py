"""Who may do what with events, checked with `user.has_perm(...)` in views, services and the
admin alike."""

import rules

from accounts.rules import has_verified_email as is_verified
from accounts.rules import is_blocked, is_editor


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


# Moderators keep to the debates (issue: moderation); editors are the city staff for events.
city_staff = is_editor

rules.add_perm("events.sign_up", is_verified & ~is_blocked)
rules.add_perm("events.submit_event", is_verified & ~is_blocked & (is_partner | is_editor))
rules.add_perm("events.see_attendees", city_staff | is_event_organiser)
