import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User

pytestmark = pytest.mark.django_db

SIGNUP = "/da/konto/signup/"
LOGIN = "/da/konto/login/"


def sign_up(client, **overrides):
    data = {
        "display_name": "Amina",
        "email": "amina@example.org",
        "password1": "lang-og-sikker-2026",
        "password2": "lang-og-sikker-2026",
        **overrides,
    }
    return client.post(SIGNUP, data)


def test_sign_up_stores_the_display_name_and_sends_a_verification_mail(client):
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="amina@example.org")
    assert user.display_name == "Amina"
    assert user.preferred_language == "da"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["amina@example.org"]


def test_unverified_resident_cannot_log_in_until_the_mail_link_is_followed(client):
    sign_up(client)
    client.logout()
    response = client.post(LOGIN, {"login": "amina@example.org", "password": "lang-og-sikker-2026"})
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]  # sent to "verify your address" instead
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://[^/\s]+(/\S*confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    confirm_page = client.get(link)
    assert confirm_page.status_code == 200
    client.post(link)
    assert EmailAddress.objects.get(email="amina@example.org").verified

    client.logout()
    response = client.post(LOGIN, {"login": "amina@example.org", "password": "lang-og-sikker-2026"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_sign_up_without_a_display_name_comes_back_filled_in_with_a_message(client):
    response = sign_up(client, display_name="")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="amina@example.org"' in content
    assert "errorlist" in content
    assert not User.objects.exists()


def test_duplicate_email_makes_no_second_account_and_reveals_nothing(client):
    sign_up(client)
    client.logout()
    response = sign_up(client, display_name="Another")
    # Answered like any sign-up, so nobody learns which addresses have accounts.
    assert response.status_code == 302
    assert User.objects.count() == 1
    assert User.objects.get().display_name == "Amina"


def test_password_reset_sends_a_mail_in_the_site_look(client):
    sign_up(client)
    client.logout()
    mail.outbox.clear()
    page = client.get("/da/konto/password/reset/")
    assert b'class="site-header"' in page.content
    client.post("/da/konto/password/reset/", {"email": "amina@example.org"})
    assert len(mail.outbox) == 1
    assert "/konto/password/reset/key/" in mail.outbox[0].body


def test_profile_requires_login_and_saves_the_display_name(client):
    from tests.factories import UserFactory

    assert client.get("/da/profil/").status_code == 302
    user = UserFactory()
    client.force_login(user)
    response = client.post("/da/profil/", {"display_name": "Ny navn", "preferred_language": "ar"})
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language) == ("Ny navn", "ar")


def test_data_export_holds_the_account_and_deletion_removes_it(client):
    from tests.factories import UserFactory

    user = UserFactory(email="export@example.org")
    client.force_login(user)
    export = client.post("/da/profil/data/")
    assert export.status_code == 200
    assert export.json()["account"]["email"] == "export@example.org"
    response = client.post("/da/profil/slet/", {"confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(email="export@example.org").exists()
