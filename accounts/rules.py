"""Who may take part. Every app asks these instead of looking at user fields itself."""

from allauth.account.models import EmailAddress


def has_verified_email(user) -> bool:
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_has_verified_email", None)
    if cached is None:
        cached = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._has_verified_email = cached
    return cached


def can_take_part(user) -> bool:
    """Verified and not blocked: may post, react and report."""
    return has_verified_email(user) and not user.is_blocked
