"""Staff (editors, moderators, administrators) reach the admin and its moderation actions only
with a verified e-mail and a second factor proved in the session; their first visit walks the
set-up (TOTP, then recovery codes shown once). Residents are never forced. These tests log in
for real or with a plain client: the shared `client` fixture proves staff's second factor."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command

from dialogue import services
from dialogue.models import CommentStatus
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory, editor, moderator
from tests.mfa import activate_totp, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"
LOGIN = "/da/konto/login/"
QUEUE = "/admin/moderation/"
ACTIVATE = "/da/konto/2fa/totp/activate/"
CODES = "/da/konto/2fa/recovery-codes/"


def log_in(client, user, language="da"):
    response = client.post(f"/{language}/konto/login/", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def secret_on(page) -> str:
    return re.search(r'id="authenticator_secret"[^>]*value="([A-Z2-7]+)"', page).group(1)


@pytest.fixture
def reported():
    comment = services.comment_create(
        user=UserFactory(), debate=make_debate(), body="Køb billige ure"
    )[0]
    services.report_create(user=UserFactory(), comment=comment, reason="spam")
    return comment


def activate(client, secret):
    return client.post(ACTIVATE, {"code": totp_code(secret)})


def test_a_moderators_first_visit_walks_the_set_up_and_then_reaches_the_queue(plain_client):
    user = moderator()
    log_in(plain_client, user)

    response = plain_client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"] == ACTIVATE
    page = plain_client.get(ACTIVATE).content.decode()
    assert 'class="site-header"' in page  # the site's look, not allauth's bare pages
    assert "Trin 1 af 2" in page
    secret = secret_on(page)

    wrong = plain_client.post(ACTIVATE, {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=user).exists()

    response = activate(plain_client, secret)
    assert response.status_code == 302
    assert response["Location"] == CODES
    codes_page = plain_client.get(CODES).content.decode()
    assert "Trin 2 af 2" in codes_page
    codes = Authenticator.objects.get(user=user, type="recovery_codes").wrap().get_unused_codes()
    assert all(code in codes_page for code in codes)
    assert f'href="{QUEUE}"' in codes_page  # back to where they were going
    assert not any(code in plain_client.get(CODES).content.decode() for code in codes)  # once

    assert plain_client.get(QUEUE).status_code == 200


@pytest.mark.parametrize(
    "language, step, heading",
    [
        ("da", "Trin 1 af 2", 'lang="da"'),
        ("en", "Step 1 of 2", 'lang="en"'),
        ("ar", "الخطوة 1 من 2", 'dir="rtl"'),
    ],
)
def test_the_set_up_speaks_the_page_language(plain_client, language, step, heading):
    user = editor()
    log_in(plain_client, user, language)
    page = plain_client.get(f"/{language}/konto/2fa/totp/activate/").content.decode()
    assert step in page
    assert heading in page


def test_staff_whose_session_was_opened_without_the_code_must_give_it(plain_client, reported):
    user = moderator()
    secret = activate_totp(user)
    plain_client.force_login(user)  # a session from before, opened with the password alone

    response = plain_client.post(
        f"/admin/moderation/comment/{reported.pk}/",
        {"action": "hide", "reason": "spam", "note": "Reklame"},
    )
    assert response.status_code == 302
    assert "/konto/2fa/reauthenticate/" in response["Location"]
    reported.refresh_from_db()
    assert reported.status != CommentStatus.HIDDEN  # the moderation action did not happen

    response = plain_client.get(QUEUE)
    assert response["Location"] == "/da/konto/2fa/reauthenticate/?next=%2Fadmin%2Fmoderation%2F"
    response = plain_client.post(response["Location"], {"code": totp_code(secret)})
    assert response["Location"] == QUEUE
    assert plain_client.get(QUEUE).status_code == 200


@pytest.mark.parametrize("make", [moderator, editor])
def test_staff_without_an_authenticator_reach_no_admin_page(plain_client, make):
    user = make()
    plain_client.force_login(user)
    for url in ("/admin/", "/admin/pages/", QUEUE, "/admin/account/"):
        response = plain_client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == ACTIVATE


def test_a_superuser_is_staff_too(plain_client):
    user = UserFactory(is_superuser=True)
    plain_client.force_login(user)
    assert plain_client.get("/admin/users/")["Location"] == ACTIVATE


def test_residents_are_not_sent_to_the_set_up(plain_client):
    user = UserFactory()
    log_in(plain_client, user)
    assert plain_client.get("/da/profil/").status_code == 200
    response = plain_client.get("/admin/")
    assert response.status_code == 302
    assert "2fa" not in response["Location"]


def test_unverified_staff_never_get_an_admin_page(plain_client):
    user = moderator(verified=False)
    activate_totp(user)
    plain_client.force_login(user)  # however the session came about
    response = plain_client.get(QUEUE)
    assert response.status_code == 302
    assert response["Location"] == "/da/konto/email/"


def test_staff_who_turn_the_app_off_are_sent_to_set_it_up_again(plain_client):
    user = moderator()
    log_in(plain_client, user)
    secret = secret_on(plain_client.get(ACTIVATE).content.decode())
    activate(plain_client, secret)
    assert plain_client.get(QUEUE).status_code == 200

    plain_client.post("/da/konto/2fa/totp/deactivate/")
    assert not Authenticator.objects.filter(user=user, type="totp").exists()
    assert plain_client.get(QUEUE)["Location"] == ACTIVATE


def test_the_admins_logout_logs_out_through_allauth(client):
    client.force_login(moderator())
    assert client.get(QUEUE).status_code == 200
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_passwords_and_e_mail_change_only_through_allauth(client):
    client.force_login(editor())
    account = client.get("/admin/account/").content.decode()
    assert 'name="password_form-new_password1"' not in account
    assert 'name="email_form-email"' not in account
    reset = client.get("/admin/password_reset/")
    assert reset.status_code == 302
    assert reset["Location"] == "/da/konto/password/reset/"
    confirm = client.get("/admin/password_reset/confirm/MQ/set-password/")
    assert confirm.status_code == 302


def test_create_account_says_staff_set_up_an_authenticator(capsys):
    call_command(
        "create_account", "--email", "ny@example.org", "--role", "moderator",
        "--password", "lang-og-sikker-2026",
    )  # fmt: skip
    assert "authenticator app" in capsys.readouterr().out
