"""One way in (issue 11, "must hold" 1): every URL the resolver maps to a login view is
enumerated here, so a login view added later is tested too. Through each of them 30 wrong
passwords meet allauth's rate limit, a person with an authenticator app is asked for the code,
and nobody gets a session from the password alone or without a verified e-mail."""

from urllib.parse import urlsplit

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.views import LoginView as AllauthLoginView
from django.conf import settings
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils.html import escape
from django.utils.translation import override

from tests.factories import UserFactory, moderator
from tests.mfa import activate_totp, totp_code

pytestmark = pytest.mark.django_db

PASSWORD = "correct-horse-battery"  # the factories' password


def is_login_view(callback, name: str | None) -> bool:
    """A view that takes a password: a subclass of Django's or allauth's login view, or any
    view or URL whose name says "login"."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None and issubclass(view_class, DjangoLoginView | AllauthLoginView):
        return True
    names = (name or "", getattr(callback, "__name__", ""), getattr(view_class, "__name__", ""))
    return any("login" in n.lower() for n in names)


def _walk(patterns, prefixes):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, [*prefixes, pattern.pattern])
        elif isinstance(pattern, URLPattern):
            yield [*prefixes, pattern.pattern], pattern


def _path(parts, language: str) -> str | None:
    path = "/"
    for part in parts:
        if isinstance(part, LocalePrefixPattern):
            with override(language):
                path += part.language_prefix
        elif isinstance(part, RoutePattern) and "<" not in str(part):
            path += str(part)
        else:
            # A regex or a converter: login views take no arguments, so these are not logins.
            return None
    return path


def login_urls() -> list[str]:
    urls = set()
    for parts, pattern in _walk(get_resolver().url_patterns, []):
        if not is_login_view(pattern.callback, pattern.name):
            continue
        for language, _name in settings.LANGUAGES:
            path = _path(parts, language)
            if path is not None:
                urls.add(path)
    return sorted(urls)


LOGIN_URLS = login_urls()


def test_the_enumeration_finds_allauths_login_and_the_admins():
    assert "/admin/login/" in LOGIN_URLS
    for language in ("da", "en", "ar"):
        assert f"/{language}/konto/login/" in LOGIN_URLS


def _leads_to_login(location: str) -> bool:
    try:
        match = resolve(urlsplit(location).path)
    except Resolver404:
        return False
    return is_login_view(match.func, match.url_name)


def log_in_through(client, url: str, email: str, password: str):
    """Posts the credentials to `url`; where it forwards to another login page (as
    `/admin/login/` does), types them in there, as a person would."""
    data = {"login": email, "password": password, "username": email}
    response = client.post(url, data)
    for _hop in range(3):
        if response.status_code not in (301, 302, 303):
            break
        if not _leads_to_login(response["Location"]):
            break
        response = client.post(response["Location"], data)
    return response


def logged_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_thirty_wrong_passwords_meet_the_rate_limit_and_then_even_the_right_one_is_refused(
    plain_client, url
):
    user = moderator()
    language = next((code for code, _n in settings.LANGUAGES if url.startswith(f"/{code}/")), "da")
    with override(language):
        too_many = escape(str(get_adapter().error_messages["too_many_login_attempts"]))
    limited = 0
    for _attempt in range(30):
        response = log_in_through(plain_client, url, user.email, "wrong-password-123")
        assert not logged_in(plain_client)
        assert response.status_code in (200, 429)
        if response.status_code == 429 or too_many in response.content.decode():
            limited += 1
    # allauth allows 5 failures per account in 5 minutes (ACCOUNT_RATE_LIMITS).
    assert limited >= 25
    response = log_in_through(plain_client, url, user.email, PASSWORD)
    assert not logged_in(plain_client)
    assert plain_client.get("/admin/").status_code == 302


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_a_person_with_an_authenticator_app_is_asked_for_the_code(plain_client, url):
    user = moderator()
    secret = activate_totp(user)

    response = log_in_through(plain_client, url, user.email, PASSWORD)
    assert response.status_code == 302
    assert "/konto/2fa/authenticate/" in response["Location"]
    assert not logged_in(plain_client)
    admin = plain_client.get("/admin/moderation/")
    assert admin.status_code == 302
    assert "/konto/login/" in admin["Location"]

    response = plain_client.post(response["Location"], {"code": totp_code(secret)})
    assert response.status_code == 302
    assert logged_in(plain_client)
    assert plain_client.get("/admin/moderation/").status_code == 200


@pytest.mark.parametrize("url", LOGIN_URLS)
def test_an_unverified_staff_account_gets_no_session_anywhere(plain_client, url):
    user = moderator(verified=False)
    activate_totp(user)
    log_in_through(plain_client, url, user.email, PASSWORD)
    assert not logged_in(plain_client)
    assert plain_client.get("/admin/").status_code == 302


def test_the_admin_login_forwards_to_allauth_with_the_page_wanted_and_logs_nobody_in(
    plain_client,
):
    user = UserFactory(is_superuser=True)
    response = plain_client.post(
        "/admin/login/?next=/admin/pages/", {"username": user.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/konto/login/?next=%2Fadmin%2Fpages%2F")
    assert not logged_in(plain_client)
    away = plain_client.get("/admin/login/?next=https://evil.example/")
    assert away["Location"].endswith("/konto/login/?next=%2Fadmin%2F")
