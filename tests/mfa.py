"""Second factors in tests: activate TOTP for an account, compute its codes with allauth's own
TOTP helper, and a test client whose `force_login` of staff also proves the second factor (as
their real login would have), so tests about other things reach the admin as before. Tests of
the locked door itself use a plain `django.test.Client` (fixture `plain_client`)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.mfa.utils import is_mfa_enabled
from django.test import Client

from accounts.mfa import PRIMARY_TYPES, SECOND_FACTOR_SESSION_KEY
from accounts.models import User
from accounts.rules import is_staff_member


def activate_totp(user) -> str:
    """Gives the account an authenticator app and recovery codes; returns the TOTP secret."""
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return secret


def totp_code(secret: str, at: float | None = None) -> str:
    counter = int(time.time() if at is None else at) // app_settings.TOTP_PERIOD
    return format_hotp_value(hotp_value(secret, counter))


def prove_second_factor(client: Client, user) -> None:
    """The session of `client` (already logged in as `user`) counts as opened with a code."""
    if not is_mfa_enabled(user, list(PRIMARY_TYPES)):
        activate_totp(user)
    session = client.session
    session[SECOND_FACTOR_SESSION_KEY] = str(user.pk)
    session.save()


class StaffMFAClient(Client):
    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        # A fresh copy: the rule predicates cache group names on the user object they see.
        if is_staff_member(User.objects.get(pk=user.pk)):
            prove_second_factor(self, user)
