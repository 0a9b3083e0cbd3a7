"""Sign-up is limited per client address by allauth, with the address core.clientip gives."""

import pytest

from accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/da/konto/signup/"


def sign_up(client, n, **extra):
    data = {
        "display_name": f"Ny {n}",
        "email": f"ny{n}@example.org",
        "password1": "lang-og-sikker-2026",
        "password2": "lang-og-sikker-2026",
    }
    return client.post(SIGNUP, data, **extra)


def test_the_sixth_sign_up_in_a_minute_from_one_address_is_refused(client):
    answers = [sign_up(client, n).status_code for n in range(6)]
    assert answers[:5] == [302] * 5
    assert answers[5] == 429
    assert User.objects.count() == 5


def test_a_forwarded_for_header_does_not_make_a_new_address(client):
    """Only uvicorn may rewrite the address, and only for a trusted proxy; allauth does not
    read the header itself."""
    answers = [
        sign_up(client, n, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(6)
    ]
    assert answers[5] == 429
