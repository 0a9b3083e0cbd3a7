"""Headers and well-known files a security reviewer looks for first."""

import pytest

pytestmark = pytest.mark.django_db


def test_security_txt_names_a_contact_and_a_future_expiry(client):
    from datetime import datetime

    from django.utils import timezone

    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"].startswith("mailto:")
    assert datetime.fromisoformat(fields["Expires"]) > timezone.now()


def test_every_page_denies_browser_features_it_does_not_use(client):
    policy = client.get("/da/soeg/")["Permissions-Policy"]
    assert "camera=()" in policy and "geolocation=()" in policy and "microphone=()" in policy


def test_the_api_lists_no_documents(client):
    assert client.get("/api/v2/documents/", follow=True).status_code == 404


def test_the_admin_fetches_no_gravatars(settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
