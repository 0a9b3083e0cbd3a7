"""The role layer's predicates and the role table's model permissions, role by role: who takes
part, who is an editor, a comment moderator, a partner, who reaches the admin and who may
translate. A superuser holds every permission, as Django gives them."""

import pytest

from accounts.rules import can_take_part, is_editor, is_moderator, is_partner
from tests.roles import make_user

pytestmark = pytest.mark.django_db

T, F = True, False
CHECKS = ("take_part", "editor", "moderator", "partner", "access_admin", "translate", "review")
#                take part editor moderator partner admin  translate review partners
TABLE = {
    "anonymous": (F, F, F, F, F, F, F),
    "unverified": (F, F, F, F, F, F, F),
    "resident": (T, F, F, F, F, F, F),
    "blocked": (F, F, F, F, F, F, F),
    "partner": (T, F, F, T, F, F, F),
    "editor": (T, T, F, F, T, T, T),
    "moderator": (T, F, T, F, T, F, F),
    "superuser": (T, T, T, F, T, T, T),
}


def holds(user, check: str) -> bool:
    return {
        "take_part": lambda: can_take_part(user),
        "editor": lambda: is_editor(user),
        "moderator": lambda: is_moderator(user),
        "partner": lambda: is_partner(user),
        "access_admin": lambda: user.has_perm("wagtailadmin.access_admin"),
        "translate": lambda: user.has_perm("wagtail_localize.submit_translation"),
        "review": lambda: user.has_perm("partnerships.review_organisation"),
    }[check]()


@pytest.mark.parametrize(
    "role, check, expected",
    [
        pytest.param(role, check, row[i], id=f"{role}-{check}")
        for role, row in TABLE.items()
        for i, check in enumerate(CHECKS)
    ],
)
def test_role_layer(role, check, expected):
    assert bool(holds(make_user(role), check)) is expected
