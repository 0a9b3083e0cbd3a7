"""Who may do what with partnerships, and the reason a person is refused.

Views, templates and the admin ask `user.has_perm(...)`; a service calls
`core.rules.require(user, perm, obj)` once, and the refusal names the first condition below
that does not hold (the reasons live here, never re-derived in a view)."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import LOGGED_IN, TAKING_PART
from core.rules import add_perm, when
from partnerships.models import Role


@rules.predicate
def is_org_member(user, organisation) -> bool:
    if organisation is None or not user.is_authenticated:
        return False
    return organisation.memberships.filter(user=user).exists()


@rules.predicate
def is_org_admin(user, organisation) -> bool:
    if organisation is None or not user.is_authenticated:
        return False
    return organisation.memberships.filter(user=user, role=Role.ADMIN).exists()


@rules.predicate
def is_reviewer(user) -> bool:
    """City staff: the role table (accounts/roles.py) gives the City editors the model
    permission."""
    return (
        user.is_authenticated
        and user.is_active
        and user.has_perm("partnerships.review_organisation")
    )


@rules.predicate
def is_public_partner(user, organisation) -> bool:
    return organisation is not None and organisation.is_public


MEMBER = when(is_org_member, "not_member", _("Only the organisation's members can see or do this."))
ADMIN = when(is_org_admin, "not_admin", _("Only the organisation's administrators can do this."))
REVIEWER = when(is_reviewer, "not_reviewer", _("Only the city's staff review partners."))

add_perm("partnerships.register_organisation", *TAKING_PART)
add_perm(
    "partnerships.view_partner",
    when(
        is_public_partner | is_org_member | is_reviewer,
        "not_public",
        _("This organisation is not in the public register."),
        404,
    ),
)
add_perm("partnerships.view_dashboard", LOGGED_IN, MEMBER)
add_perm("partnerships.manage_organisation", *TAKING_PART, ADMIN)
add_perm("partnerships.report_progress", *TAKING_PART, MEMBER)
add_perm("partnerships.accept_invitation", *TAKING_PART)
add_perm("partnerships.review_partners", REVIEWER)
