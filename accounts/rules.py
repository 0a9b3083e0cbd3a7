"""Who may take part. Every app asks these predicates instead of looking at user fields itself."""

import rules
from allauth.account.models import EmailAddress


@rules.predicate
def has_verified_email(user) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_has_verified_email", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._has_verified_email = cached
    return cached


@rules.predicate
def is_blocked(user) -> bool:
    return user.is_authenticated and user.is_blocked


can_take_part = has_verified_email & ~is_blocked
"""Verified and not blocked: may post, react and report."""
