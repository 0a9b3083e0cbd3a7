"""Who may do what with partnerships. Views, services and the admin ask `user.has_perm(...)`."""

import rules

from accounts.rules import can_take_part
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


rules.add_perm("partnerships.register_organisation", can_take_part)
rules.add_perm("partnerships.view_partner", is_public_partner | is_org_member | is_reviewer)
rules.add_perm("partnerships.view_dashboard", is_org_member)
rules.add_perm("partnerships.manage_organisation", can_take_part & is_org_admin)
rules.add_perm("partnerships.report_progress", can_take_part & is_org_member)
rules.add_perm("partnerships.accept_invitation", can_take_part)
rules.add_perm("partnerships.review_partners", is_reviewer)
