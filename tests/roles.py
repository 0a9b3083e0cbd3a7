"""The people every rules matrix asks about, one per role (tests/<app>/test_rules.py)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from tests.factories import UserFactory, editor, moderator

ROLES = (
    "anonymous",
    "unverified",
    "resident",
    "blocked",
    "partner",
    "editor",
    "moderator",
    "superuser",
)


def partner_member(**kwargs):
    """A member of an approved partner organisation (returned with the organisation)."""
    from partnerships.models import Membership, Organisation, ReviewStatus

    user = UserFactory(**kwargs)
    n = Organisation.objects.count() + 1
    organisation = Organisation.objects.create(
        name=f"Partner {n}",
        slug=f"partner-{n}",
        kind="association",
        address="Nørrebrogade 1, 2200 København N",
        district="noerrebro",
        description="En forening.",
        contact_name="Kontakt",
        contact_email=f"partner{n}@example.org",
        contact_phone="12345678",
        status=ReviewStatus.APPROVED,
    )
    Membership.objects.create(organisation=organisation, user=user)
    user.partner_organisation = organisation
    return user


def make_user(role: str):
    if role == "anonymous":
        return AnonymousUser()
    if role == "unverified":
        return UserFactory(verified=False)
    if role == "resident":
        return UserFactory()
    if role == "blocked":
        return UserFactory(blocked_until=timezone.now() + timedelta(days=7))
    if role == "partner":
        return partner_member()
    if role == "editor":
        return editor()
    if role == "moderator":
        return moderator()
    if role == "superuser":
        return UserFactory(is_superuser=True, is_staff=True)
    raise ValueError(role)


def matrix(states: tuple[str, ...], table: dict[str, tuple[bool, ...]]):
    """A role x state table as pytest parameters `(role, state, expected)`, one per cell.
    Every role must have a row, with one expectation per state."""
    assert set(table) == set(ROLES), set(ROLES) ^ set(table)
    params = []
    for role, expected in table.items():
        assert len(expected) == len(states), role
        for state, allowed in zip(states, expected, strict=True):
            params.append(pytest.param(role, state, allowed, id=f"{role}-{state}"))
    return params
