"""Guests in a live session: a random key in a signed cookie, per device. The database keeps only
a hash of it (`Participant.guest_key`), so a guest's questions and votes name nobody, and the key
cannot be forged or guessed from what is stored."""

import hashlib
import secrets

from django.core import signing

COOKIE = "bdib_live_guest"
SALT = "livesessions.guest"
MAX_AGE = 14 * 24 * 3600  # a conference, its follow-up meeting, and a margin


def new_cookie_value() -> str:
    return signing.dumps(secrets.token_urlsafe(24), salt=SALT, compress=False)


def key_from_cookie(value: str | None) -> str:
    """The hashed device key, or "" for a missing, forged or expired cookie."""
    if not value or len(value) > 200:
        return ""
    try:
        token = signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return ""
    if not isinstance(token, str):
        return ""
    return hashlib.sha256(token.encode()).hexdigest()


def set_cookie(response, request, value: str) -> None:
    from django.conf import settings

    response.set_cookie(
        COOKIE,
        value,
        max_age=MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
        path="/",
    )
