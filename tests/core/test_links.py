"""Absolute links in mails and the API come from SITE_URL, whatever host and port serve the
request (issue: "Absolute links")."""

import re

import pytest
from django.core import mail

from core.links import absolute_url

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8201"


def test_absolute_url_joins_paths_and_leaves_full_urls_alone(settings):
    settings.SITE_URL = SITE
    assert absolute_url("/da/debatter/") == f"{SITE}/da/debatter/"
    assert absolute_url("da/x/") == f"{SITE}/da/x/"
    assert absolute_url("https://example.org/a") == "https://example.org/a"
    assert absolute_url("") == ""


def sign_up(client):
    return client.post(
        "/da/konto/signup/",
        {
            "email": "amina@example.org",
            "display_name": "Amina",
            "password1": "en lang og god adgangskode 7",
            "password2": "en lang og god adgangskode 7",
        },
        HTTP_HOST="localhost",
    )


def test_the_verification_mail_greets_with_the_site_name_and_links_to_site_url(client, settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["*"]
    sign_up(client)
    body = mail.outbox[-1].body
    assert "Bland dig i byen" in body
    assert "localhost" not in body
    links = re.findall(r"https?://\S+", body)
    assert links and all(link.startswith(f"{SITE}/da/") for link in links), links


def test_the_password_reset_mail_links_to_site_url(client, settings):
    settings.SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["*"]
    from tests.factories import UserFactory

    UserFactory(email="reset@example.org")
    mail.outbox.clear()
    client.post("/da/konto/password/reset/", {"email": "reset@example.org"}, HTTP_HOST="localhost")
    links = re.findall(r"https?://\S+", mail.outbox[-1].body)
    assert links and all(link.startswith(f"{SITE}/") for link in links), links


def test_site_url_from_the_environment_drives_the_api_and_admin_links():
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    probe = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps([settings.SITE_URL, settings.WAGTAILAPI_BASE_URL, "
        "settings.WAGTAILADMIN_BASE_URL]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "SITE_URL": SITE + "/"}
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == [SITE, SITE, SITE]


def test_load_content_points_the_default_site_at_site_url(settings):
    from wagtail.models import Site

    from home.services import site_match_site_url

    settings.SITE_URL = "http://127.0.0.1:8201"
    assert site_match_site_url() is True
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8201)
    assert site.root_url == "http://127.0.0.1:8201"
    assert site_match_site_url() is False  # nothing left to change
