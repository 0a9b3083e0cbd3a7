"""Guessable passwords are refused wherever a password is set: sign-up, change, reset and
`create_account` (zxcvbn through django-zxcvbn-password-validator), with a message in the page's
language, and the rest of the form comes back as typed."""

import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WEAK = ["Copenhagen1", "aaaaaaaaaaaa"]
TOO_GUESSABLE = {
    "da": "Din adgangskode er for nem at gætte",
    "en": "Your password is too guessable",
    "ar": "كلمة المرور الخاصة بك سهلة التخمين",
}


@pytest.mark.parametrize("password", WEAK)
@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_sign_up_refuses_a_guessable_password_in_the_page_language(client, language, password):
    response = client.post(
        f"/{language}/konto/signup/",
        {
            "display_name": "Amina",
            "email": "amina@example.org",
            "password1": password,
            "password2": password,
        },
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert TOO_GUESSABLE[language] in content
    assert 'value="amina@example.org"' in content and 'value="Amina"' in content
    assert not User.objects.exists()


def test_sign_up_takes_a_long_passphrase(client):
    response = client.post(
        "/da/konto/signup/",
        {
            "display_name": "Amina",
            "email": "amina@example.org",
            "password1": "lang-og-sikker-2026",
            "password2": "lang-og-sikker-2026",
        },
    )
    assert response.status_code == 302
    assert User.objects.filter(email="amina@example.org").exists()


@pytest.mark.parametrize("password", WEAK)
def test_changing_to_a_guessable_password_is_refused(client, password):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        "/en/konto/password/change/",
        {"oldpassword": "correct-horse-battery", "password1": password, "password2": password},
    )
    assert response.status_code == 200
    assert TOO_GUESSABLE["en"] in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("correct-horse-battery")


def test_a_reset_to_a_guessable_password_is_refused(client):
    user = UserFactory()
    client.post("/da/konto/password/reset/", {"email": user.email})
    link = re.search(r"https?://[^/\s]+(/\S*/password/reset/key/\S+/)", mail.outbox[-1].body)
    form_page = client.get(link.group(1), follow=True)
    set_password_url = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link[1]
    response = client.post(
        set_password_url, {"password1": "Copenhagen1", "password2": "Copenhagen1"}
    )
    assert response.status_code == 200
    assert TOO_GUESSABLE["da"] in response.content.decode()
    user.refresh_from_db()
    assert user.check_password("correct-horse-battery")


@pytest.mark.parametrize("password", WEAK)
def test_create_account_refuses_a_guessable_password(password):
    from django.utils import translation

    # English active, as an earlier request in this process may have left it: still Danish.
    with translation.override("en"), pytest.raises(CommandError, match=TOO_GUESSABLE["da"]):
        call_command(
            "create_account", "--email", "staff@example.org", "--role", "editor",
            "--password", password,
        )  # fmt: skip
    assert not User.objects.filter(email="staff@example.org").exists()
