"""Every partnership permission, role by role (meinBerlin's rules tests). The "partner" row is a
member of an approved organisation; the organisation asked about is either theirs or another
one, pending or approved. A superuser holds every permission, as Django gives them."""

import pytest

from partnerships.models import ReviewStatus
from tests.partnerships.factories import OrganisationFactory
from tests.roles import make_user, matrix

pytestmark = pytest.mark.django_db

T, F = True, False
NONE = ("-",)


def organisation_in(state: str, user):
    """ "own": the partner's approved organisation (where they are a plain member);
    "admin_of": one the role administers; others: someone else's, pending or approved."""
    if state == "own":
        own = getattr(user, "partner_organisation", None)
        return own if own is not None else OrganisationFactory(status=ReviewStatus.APPROVED)
    if state == "admin_of":
        admin = user if user.is_authenticated else None
        return OrganisationFactory(admin=admin, status=ReviewStatus.APPROVED)
    if state == "approved_public":
        return OrganisationFactory(status=ReviewStatus.APPROVED, is_public=True)
    return OrganisationFactory(status=ReviewStatus.PENDING)


NO_OBJECT = {
    "register_organisation": {
        "anonymous": (F,),
        "unverified": (F,),
        "resident": (T,),
        "blocked": (F,),
        "partner": (T,),
        "editor": (T,),
        "moderator": (T,),
        "superuser": (T,),
    },
    "accept_invitation": {
        "anonymous": (F,),
        "unverified": (F,),
        "resident": (T,),
        "blocked": (F,),
        "partner": (T,),
        "editor": (T,),
        "moderator": (T,),
        "superuser": (T,),
    },
    # City staff: the role table gives the City editors partnerships.review_organisation.
    "review_partners": {
        "anonymous": (F,),
        "unverified": (F,),
        "resident": (F,),
        "blocked": (F,),
        "partner": (F,),
        "editor": (T,),
        "moderator": (F,),
        "superuser": (T,),
    },
}


@pytest.mark.parametrize("perm", sorted(NO_OBJECT))
@pytest.mark.parametrize("role", list(NO_OBJECT["register_organisation"]))
def test_permissions_without_an_organisation(perm, role):
    (expected,) = NO_OBJECT[perm][role]
    assert make_user(role).has_perm(f"partnerships.{perm}") is expected


ORGANISATIONS = ("own", "admin_of", "approved_public", "pending")
ON_AN_ORGANISATION = {
    "view_partner": {
        "anonymous": (F, F, T, F),
        "unverified": (F, T, T, F),
        "resident": (F, T, T, F),
        "blocked": (F, T, T, F),
        "partner": (T, T, T, F),
        "editor": (T, T, T, T),
        "moderator": (F, T, T, F),
        "superuser": (T, T, T, T),
    },
    "view_dashboard": {
        "anonymous": (F, F, F, F),
        "unverified": (F, T, F, F),
        "resident": (F, T, F, F),
        "blocked": (F, T, F, F),
        "partner": (T, T, F, F),
        "editor": (F, T, F, F),
        "moderator": (F, T, F, F),
        "superuser": (T, T, T, T),
    },
    "manage_organisation": {
        "anonymous": (F, F, F, F),
        "unverified": (F, F, F, F),
        "resident": (F, T, F, F),
        "blocked": (F, F, F, F),
        "partner": (F, T, F, F),
        "editor": (F, T, F, F),
        "moderator": (F, T, F, F),
        "superuser": (T, T, T, T),
    },
    "report_progress": {
        "anonymous": (F, F, F, F),
        "unverified": (F, F, F, F),
        "resident": (F, T, F, F),
        "blocked": (F, F, F, F),
        "partner": (T, T, F, F),
        "editor": (F, T, F, F),
        "moderator": (F, T, F, F),
        "superuser": (T, T, T, T),
    },
}


@pytest.mark.parametrize("perm", sorted(ON_AN_ORGANISATION))
@pytest.mark.parametrize(
    "role, state, expected_index",
    [
        pytest.param(role, state, i, id=f"{role}-{state}")
        for role in ON_AN_ORGANISATION["view_partner"]
        for i, state in enumerate(ORGANISATIONS)
    ],
)
def test_permissions_on_an_organisation(perm, role, state, expected_index):
    expected = ON_AN_ORGANISATION[perm][role][expected_index]
    user = make_user(role)
    assert user.has_perm(f"partnerships.{perm}", organisation_in(state, user)) is expected


def test_the_tables_cover_every_role_and_state():
    for table in (*NO_OBJECT.values(), *ON_AN_ORGANISATION.values()):
        matrix(NONE if len(next(iter(table.values()))) == 1 else ORGANISATIONS, table)


@pytest.mark.parametrize(
    "role, state, expected",
    matrix(NONE, {**NO_OBJECT["review_partners"]}),
)
def test_only_city_editors_open_the_partner_review_screens(client, role, state, expected):
    user = make_user(role)
    if user.is_authenticated:
        client.force_login(user)
    assert (client.get("/admin/partnerships/overview/").status_code == 200) is expected
