"""Every event permission, role by role (meinBerlin's rules tests). "partner" is a member of an
approved partner organisation: the one definition in accounts.rules.is_partner. A superuser
holds every permission, as Django gives them."""

import pytest

from accounts.rules import is_partner
from events.models import OrganiserType
from tests.events.factories import EventPageFactory, organisation, partner
from tests.factories import UserFactory
from tests.roles import make_user, matrix

pytestmark = pytest.mark.django_db

T, F = True, False
NONE = ("-",)

SIGN_UP = {
    "anonymous": (F,),
    "unverified": (F,),
    "resident": (T,),
    "blocked": (F,),
    "partner": (T,),
    "editor": (T,),
    "moderator": (T,),
    "superuser": (T,),
}
SUBMIT_EVENT = {
    "anonymous": (F,),
    "unverified": (F,),
    "resident": (F,),
    "blocked": (F,),
    "partner": (T,),
    "editor": (T,),
    "moderator": (F,),
    "superuser": (T,),
}


@pytest.mark.parametrize("role, state, expected", matrix(NONE, SIGN_UP))
def test_sign_up(role, state, expected):
    assert make_user(role).has_perm("events.sign_up") is expected


@pytest.mark.parametrize("role, state, expected", matrix(NONE, SUBMIT_EVENT))
def test_submit_event(role, state, expected):
    assert make_user(role).has_perm("events.submit_event") is expected


EVENTS = ("city_event", "submitted_by_them", "their_organisation", "other_partner")
SEE_ATTENDEES = {
    "anonymous": (F, F, F, F),
    "unverified": (F, F, F, F),
    "resident": (F, F, F, F),
    "blocked": (F, F, F, F),
    "partner": (F, T, T, F),
    "editor": (T, T, T, T),
    "moderator": (F, F, F, F),
    "superuser": (T, T, T, T),
}


def event_in(state: str, user):
    if state == "city_event":
        return EventPageFactory()
    if state == "submitted_by_them":
        submitter = user if user.is_authenticated else UserFactory()
        return EventPageFactory(
            organiser_type=OrganiserType.PARTNER,
            organiser_name="Foreningen",
            submitted_by=submitter,
        )
    if state == "their_organisation":
        own = getattr(user, "partner_organisation", None) or organisation(name="Andre")
        return EventPageFactory(organiser_type=OrganiserType.PARTNER, organiser_organisation=own)
    other = organisation(name="Naboerne", members=[UserFactory()])
    return EventPageFactory(
        organiser_type=OrganiserType.PARTNER,
        organiser_organisation=other,
        submitted_by=other.memberships.get().user,
    )


@pytest.mark.parametrize("role, state, expected", matrix(EVENTS, SEE_ATTENDEES))
def test_see_attendees(role, state, expected):
    user = make_user(role)
    assert user.has_perm("events.see_attendees", event_in(state, user)) is expected


@pytest.mark.parametrize(
    "who, expected",
    [
        ("member of an approved organisation", True),
        ("member of a pending organisation", False),
        ("holder of the partner badge", True),
        ("resident", False),
    ],
)
def test_partner_is_defined_once_for_every_app(who, expected):
    user = UserFactory()
    if who == "member of an approved organisation":
        organisation(members=[user])
    elif who == "member of a pending organisation":
        organisation(status="pending", members=[user])
    elif who == "holder of the partner badge":
        user = partner()
    assert is_partner(user) is expected
