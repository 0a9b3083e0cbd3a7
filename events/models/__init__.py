"""Events: the annual integration conference, the status meeting and meet-ups across the city.

Events are Wagtail pages so editors publish and translate them like the rest of the policy;
sign-ups are plain rows with a capacity and a waiting list.
"""

from events.models.choices import Districts, EventKind, OrganiserType, RegistrationStatus
from events.models.pages import EventIndexPage, EventPage, EventPageQuerySet
from events.models.registrations import Registration, RegistrationQuerySet

__all__ = [
    "Districts",
    "EventIndexPage",
    "EventKind",
    "EventPage",
    "EventPageQuerySet",
    "OrganiserType",
    "Registration",
    "RegistrationQuerySet",
    "RegistrationStatus",
]
