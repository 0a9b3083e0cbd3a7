"""Who may take part. Every app asks these predicates instead of looking at user fields itself."""

import rules
from allauth.account.models import EmailAddress
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.models import BadgeKind
from accounts.roles import ACCESS_ADMIN, CITY_EDITORS, DEBATE_MODERATORS
from core.hooks import PARTNER_ORGANISATIONS
from core.rules import when

# The role layer asks the app that keeps organisations who acts for a partner (core/hooks.py).
PARTNER_ORGANISATIONS_HOOK = PARTNER_ORGANISATIONS


@rules.predicate
def has_verified_email(user) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_has_verified_email", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._has_verified_email = cached
    return cached


def accounts_now(ids) -> dict:
    """The active accounts with these ids as they are now, by id, each with the answer to
    has_verified_email already in (one query for all: a socket's batch of votes)."""
    from django.contrib.auth import get_user_model
    from django.db.models import Exists, OuterRef

    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    users = get_user_model().objects.filter(pk__in=ids, is_active=True)
    found = {}
    for user in users.annotate(verified_email=Exists(verified)):
        user._has_verified_email = user.verified_email
        found[user.pk] = user
    return found


@rules.predicate
def is_blocked(user) -> bool:
    return user.is_authenticated and user.is_blocked


can_take_part = has_verified_email & ~is_blocked
"""Verified and not blocked: may post, react and report."""


def in_group(user, name: str) -> bool:
    """Group names are read once per user object (which lives for one request or message)."""
    if not user.is_authenticated:
        return False
    names = getattr(user, "_group_names", None)
    if names is None:
        names = set(user.groups.values_list("name", flat=True))
        user._group_names = names
    return name in names


@rules.predicate
def is_moderator(user) -> bool:
    """A comment moderator (accounts/roles.py); Wagtail's stock "Moderators" are not."""
    return user.is_authenticated and (user.is_superuser or in_group(user, DEBATE_MODERATORS))


@rules.predicate
def is_editor(user) -> bool:
    """One of the city's editors (accounts/roles.py); Wagtail's stock "Editors" are not."""
    return user.is_authenticated and (user.is_superuser or in_group(user, CITY_EDITORS))


@rules.predicate
def has_admin_access(user) -> bool:
    """May open the Wagtail admin: a role with `admin=True` in accounts/roles.py, or a
    superuser."""
    return user.is_authenticated and user.is_active and user.has_perm(ACCESS_ADMIN)


is_staff_member = has_admin_access | is_moderator | is_editor
"""City staff: anyone who reaches the admin or holds a staff role. They must log in with a
second factor (accounts/mfa.py); residents may."""


def partner_organisations(user):
    """The approved partner organisations the user acts for, from the app that keeps them
    (through the hook); None when no app keeps partner organisations."""
    found = None
    for fn in hooks.get_hooks(PARTNER_ORGANISATIONS_HOOK):
        organisations = fn(user)
        found = organisations if found is None else found | organisations
    return found


@rules.predicate
def is_partner(user) -> bool:
    """Acts for a partner: a member of an approved partner organisation, or someone staff gave
    the partner badge in the admin. The one definition of "partner"; cached on the user object
    (which lives for one request or message)."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_is_partner", None)
    if cached is None:
        organisations = partner_organisations(user)
        cached = (organisations is not None and organisations.exists()) or user.badges.filter(
            kind=BadgeKind.PARTNER
        ).exists()
        user._is_partner = cached
    return cached


@rules.predicate
def is_logged_in(user) -> bool:
    return user.is_authenticated


# The conditions every "take part" permission starts with, in the order their reasons are given
# (core.rules.require names the first that fails).
LOGGED_IN = when(is_logged_in, "login_required", _("Log in to take part."), 401)
VERIFIED = when(
    has_verified_email, "unverified", _("Confirm your e-mail address before you take part.")
)
NOT_BLOCKED = when(~is_blocked, "blocked", _("Your account is blocked from taking part."))
TAKING_PART = (LOGGED_IN, VERIFIED, NOT_BLOCKED)
