"""A person's language decides what the site writes to them, wherever the write happened; and
Django's and allauth's own messages appear in the language of the page."""

import pytest
from django.core import mail
from django.utils import timezone, translation
from django.utils.dates import MONTHS

from accounts.models import User
from core.email import in_language_of
from core.links import page_url
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

DATA = {
    "display_name": "Amina",
    "email": "amina@example.org",
    "password1": "lang-og-sikker-2026",
    "password2": "lang-og-sikker-2026",
}


def test_signing_up_in_arabic_makes_arabic_the_preferred_language(client):
    response = client.post("/ar/konto/signup/", DATA)
    assert response.status_code == 302
    assert response["Location"].startswith("/ar/")
    user = User.objects.get(email="amina@example.org")
    assert user.preferred_language == "ar"
    assert mail.outbox[0].to == ["amina@example.org"]
    assert "/ar/konto/" in mail.outbox[0].body  # the verification link keeps the language


def test_the_password_length_error_on_the_arabic_sign_up_is_not_in_danish(client):
    response = client.post("/ar/konto/signup/", {**DATA, "password1": "kort", "password2": "kort"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Denne adgangskode er for kort" not in body
    with translation.override("ar"):
        expected = (
            translation.ngettext(
                "This password is too short. It must contain at least %d character.",
                "This password is too short. It must contain at least %d characters.",
                8,
            )
            % 8
        )
    assert expected in body


def test_a_django_message_missing_from_a_catalogue_shows_its_source_not_danish():
    with translation.override("ar"):
        text = translation.gettext("Enter a valid domain name.")
    with translation.override("da"):
        danish = translation.gettext("Enter a valid domain name.")
    assert danish != "Enter a valid domain name."
    assert text != danish


def test_an_event_mail_follows_the_person_not_the_page_they_signed_up_on(
    client, django_capture_on_commit_callbacks
):
    event = EventPageFactory(title="Statusmøde", slug="statusmoede")
    user = UserFactory(preferred_language="ar")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/da/arrangementer/{event.pk}/tilmeld/")
    assert response["Location"].startswith("/da/")  # the page stays in the reader's language
    message = mail.outbox[-1]
    assert "/ar/arrangementer/statusmoede/" in message.body
    assert "/da/arrangementer/" not in message.body
    with translation.override("ar"):
        month = str(MONTHS[timezone.localtime(event.start).month])
    assert month in message.body


def test_links_made_for_a_recipient_lead_to_their_language():
    event = EventPageFactory(title="Statusmøde", slug="statusmoede")
    for code in ("ar", "en", "da"):
        with in_language_of(UserFactory(preferred_language=code)):
            assert f"/{code}/arrangementer/statusmoede/" in page_url(event)
