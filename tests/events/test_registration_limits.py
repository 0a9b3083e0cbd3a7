"""Signing up and cancelling share one limit per person and address: each sends a mail."""

import pytest
from django.core import mail
from django.urls import reverse

from core.errors import ServiceError
from events.services import registration_cancel, registration_create
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_eleventh_sign_up_or_cancel_in_an_hour_is_refused(django_capture_on_commit_callbacks):
    event, resident = EventPageFactory(capacity=5), UserFactory()
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            registration = registration_create(event=event, user=resident)
        registration_cancel(registration=registration, user=resident)
    with pytest.raises(ServiceError) as refused:
        registration_create(event=event, user=resident)
    assert refused.value.status == 429
    assert len(mail.outbox) == 5  # one confirmation per sign-up, none for the refused one


def test_sign_ups_from_one_address_are_limited(rate_limit):
    rate_limit("event.registration", user="", ip="2/hour")
    event = EventPageFactory(capacity=10)
    for _ in range(2):
        registration_create(event=event, user=UserFactory(), ip="192.0.2.3")
    with pytest.raises(ServiceError):
        registration_create(event=event, user=UserFactory(), ip="192.0.2.3")


def test_a_refused_sign_up_over_http_answers_429_with_the_reason(client, rate_limit):
    rate_limit("event.registration", user="1/hour")
    event = EventPageFactory(capacity=5)
    client.force_login(UserFactory())
    assert client.post(reverse("events:signup", args=[event.pk])).status_code == 303
    response = client.post(reverse("events:cancel", args=[event.pk]))
    assert response.status_code == 429
    assert "Try again in" in response.content.decode()
