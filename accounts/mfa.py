"""The second factor staff must show before the admin (issue 11, "one locked door").

Every login goes through allauth, whose MFA stage asks for the TOTP code of anyone who has an
authenticator. Staff (accounts.rules.is_staff_member) must have one: the middleware sends
staff without one to allauth's TOTP activation (then recovery codes, shown once), and staff
whose session was opened without the code (a session from before they had one, say) to
allauth's MFA reauthentication. Residents may turn MFA on and are never forced.
"""

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled

from accounts.rules import has_verified_email, is_staff_member

# The primary factors a staff session can be proven with (recovery codes only stand in for one).
PRIMARY_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)

SECOND_FACTOR_SESSION_KEY = "accounts_second_factor_user"
"""The account that proved a second factor in this session outside allauth's login records:
activating TOTP proves it (accounts.forms.ActivateTOTPForm takes a valid code from the app)."""

NEXT_SESSION_KEY = "accounts_second_factor_next"
"""Where a staff member was going when sent to the set-up; the last step links back there."""


def must_use_second_factor(user) -> bool:
    return bool(user.is_authenticated and is_staff_member(user))


def has_second_factor(user) -> bool:
    return is_mfa_enabled(user, list(PRIMARY_TYPES))


def session_proved_second_factor(request) -> bool:
    """True when this session's login (or a later reauthentication) used a second factor, or
    the person activated one in this session."""
    user = request.user
    if request.session.get(SECOND_FACTOR_SESSION_KEY) == str(user.pk):
        return True
    return any(r.get("method") == "mfa" for r in get_authentication_records(request, user))


def refusal_step(request) -> str | None:
    """What a staff member still has to do before an admin page or a moderation action:
    "verify" their e-mail, "set_up" a second factor, "prove" it in this session, or None."""
    user = request.user
    if not must_use_second_factor(user):
        return None
    if not has_verified_email(user):
        return "verify"
    if not has_second_factor(user):
        return "set_up"
    if not session_proved_second_factor(request):
        return "prove"
    return None
