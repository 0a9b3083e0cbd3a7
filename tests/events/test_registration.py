from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.errors import ServiceError
from core.links import page_url
from events.models import Registration, RegistrationStatus
from events.services import registration_cancel, registration_create
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_resident_gets_a_place_and_a_confirmation_with_the_event_attached(
    django_capture_on_commit_callbacks,
):
    event = EventPageFactory(capacity=2, title="Fællesspisning på Nørrebro")
    resident = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = registration_create(event=event, user=resident)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [resident.email]
    assert "Fællesspisning på Nørrebro" in message.subject
    [(filename, content, mimetype)] = message.attachments
    assert filename == "event.ics"
    assert mimetype == "text/calendar"
    [component] = Calendar.from_ical(content).events
    assert str(component["SUMMARY"]) == "Fællesspisning på Nørrebro"
    assert component.start == event.start


def test_beyond_capacity_people_join_the_waiting_list_in_order():
    event = EventPageFactory(capacity=1)
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    assert registration_create(event=event, user=first).status == "confirmed"
    assert registration_create(event=event, user=second).status == "waiting"
    assert registration_create(event=event, user=third).status == "waiting"
    assert Registration.objects.filter(event=event).confirmed().count() == 1
    assert list(
        Registration.objects.filter(event=event).waiting().values_list("user", flat=True)
    ) == [
        second.pk,
        third.pk,
    ]


def test_cancelling_a_place_promotes_the_first_in_line_and_tells_them_by_email(
    django_capture_on_commit_callbacks,
):
    event = EventPageFactory(capacity=1, title="Statusmødet")
    first, second, third = UserFactory(), UserFactory(), UserFactory()
    place = registration_create(event=event, user=first)
    registration_create(event=event, user=second)
    registration_create(event=event, user=third)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=place, user=first)

    place.refresh_from_db()
    assert place.status == RegistrationStatus.CANCELLED
    assert place.cancelled_at is not None
    statuses = dict(Registration.objects.filter(event=event).values_list("user", "status"))
    assert statuses[second.pk] == "confirmed"
    assert statuses[third.pk] == "waiting"
    assert [m.to for m in mail.outbox] == [[second.email]]
    promoted = mail.outbox[0]
    assert "Statusmødet" in promoted.subject
    filename, content, _mimetype = promoted.attachments[0]
    assert filename == "event.ics"
    assert Calendar.from_ical(content).events[0]["URL"] == page_url(event)


def test_leaving_the_waiting_list_promotes_nobody():
    event = EventPageFactory(capacity=1)
    first, second = UserFactory(), UserFactory()
    registration_create(event=event, user=first)
    waiting = registration_create(event=event, user=second)
    registration_cancel(registration=waiting, user=second)
    assert Registration.objects.filter(event=event).confirmed().count() == 1
    assert Registration.objects.filter(event=event).waiting().count() == 0


def test_signing_up_twice_keeps_one_place():
    event = EventPageFactory(capacity=5)
    resident = UserFactory()
    first = registration_create(event=event, user=resident)
    again = registration_create(event=event, user=resident)
    assert first.pk == again.pk
    assert Registration.objects.filter(event=event).count() == 1


def test_signing_up_again_after_cancelling_goes_to_the_back_of_the_line():
    event = EventPageFactory(capacity=1)
    first, second = UserFactory(), UserFactory()
    place = registration_create(event=event, user=first)
    registration_create(event=event, user=second)
    registration_cancel(registration=place, user=first)
    again = registration_create(event=event, user=first)
    assert again.pk != place.pk
    assert again.status == "waiting"


def test_raising_the_capacity_gives_places_to_those_waiting_before_newcomers():
    event = EventPageFactory(capacity=1)
    first, second, newcomer = UserFactory(), UserFactory(), UserFactory()
    registration_create(event=event, user=first)
    registration_create(event=event, user=second)
    event.capacity = 2
    event.save_revision().publish()
    # The newcomer's sign-up first fills the freed place from the line, then queues them.
    assert registration_create(event=event, user=newcomer).status == "waiting"
    assert Registration.objects.get(event=event, user=second).status == "confirmed"


def test_event_without_a_limit_confirms_everyone():
    event = EventPageFactory(capacity=None)
    for _ in range(5):
        assert registration_create(event=event, user=UserFactory()).status == "confirmed"


def test_unverified_account_cannot_sign_up():
    event = EventPageFactory()
    with pytest.raises(ServiceError):
        registration_create(event=event, user=UserFactory(verified=False))
    assert not Registration.objects.exists()


def test_blocked_resident_cannot_sign_up():
    event = EventPageFactory()
    blocked = UserFactory(blocked_until=timezone.now() + timedelta(days=3))
    with pytest.raises(ServiceError):
        registration_create(event=event, user=blocked)


@pytest.mark.parametrize(
    ("window", "message"),
    [
        ({"signup_opens": timezone.now() + timedelta(days=1)}, "not open"),
        ({"signup_closes": timezone.now() - timedelta(hours=1)}, "not open"),
        ({"start": timezone.now() - timedelta(days=2)}, "not open"),
        ({"signup_enabled": False}, "not open"),
    ],
)
def test_sign_up_outside_the_window_is_refused(window, message):
    kwargs = {"start": timezone.now() + timedelta(days=3), **window}
    kwargs["end"] = kwargs["start"] + timedelta(hours=2)
    event = EventPageFactory(**kwargs)
    with pytest.raises(ServiceError, match=message):
        registration_create(event=event, user=UserFactory())


def test_unpublished_event_takes_no_sign_ups():
    event = EventPageFactory(live=False)
    with pytest.raises(ServiceError):
        registration_create(event=event, user=UserFactory())


def test_someone_else_cannot_cancel_my_place():
    event = EventPageFactory()
    mine = registration_create(event=event, user=UserFactory())
    with pytest.raises(ServiceError):
        registration_cancel(registration=mine, user=UserFactory())


# Through the web: the form posts a resident would make.


def test_resident_signs_up_and_cancels_on_the_event_page(client):
    event = EventPageFactory(capacity=1)
    resident = UserFactory()
    client.force_login(resident)
    page = client.get(event.url)
    assert page.status_code == 200
    assert reverse("events:signup", args=[event.pk]) in page.content.decode()

    response = client.post(reverse("events:signup", args=[event.pk]), follow=True)
    assert response.status_code == 200
    assert "You have a place." in response.content.decode()
    assert Registration.objects.get(user=resident).status == "confirmed"

    response = client.post(reverse("events:cancel", args=[event.pk]), follow=True)
    assert "Your registration is cancelled." in response.content.decode()
    assert Registration.objects.get(user=resident).status == "cancelled"


def test_full_event_offers_the_waiting_list_and_shows_the_place_in_line(client):
    event = EventPageFactory(capacity=1)
    registration_create(event=event, user=UserFactory())
    registration_create(event=event, user=UserFactory())
    resident = UserFactory()
    client.force_login(resident)
    assert "Join the waiting list" in client.get(event.url).content.decode()
    response = client.post(reverse("events:signup", args=[event.pk]), follow=True)
    assert "You are number 2 on the waiting list." in response.content.decode()


def test_anonymous_visitor_is_sent_to_log_in_before_signing_up(client):
    event = EventPageFactory()
    assert "Log in to sign up" in client.get(event.url).content.decode()
    response = client.post(reverse("events:signup", args=[event.pk]))
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]
    assert not Registration.objects.exists()


def test_unverified_account_is_told_why_with_a_403(client):
    event = EventPageFactory()
    client.force_login(UserFactory(verified=False))
    assert "Confirm your e-mail address first" in client.get(event.url).content.decode()
    response = client.post(reverse("events:signup", args=[event.pk]))
    assert response.status_code == 403
    assert "Verify your e-mail address" in response.content.decode()


def test_sign_up_after_it_closed_is_a_409_with_the_reason(client):
    event = EventPageFactory(signup_closes=timezone.now() - timedelta(minutes=1))
    client.force_login(UserFactory())
    response = client.post(reverse("events:signup", args=[event.pk]))
    assert response.status_code == 409
    assert "Sign-up for this event is not open." in response.content.decode()


def test_sign_up_needs_a_post_and_a_get_leads_back_to_the_event(client):
    event = EventPageFactory()
    client.force_login(UserFactory())
    response = client.get(reverse("events:signup", args=[event.pk]))
    assert response.status_code == 302
    assert response["Location"] == f"{event.url}#signup"
    assert not Registration.objects.exists()


def test_sign_up_for_an_unknown_event_is_a_404(client):
    client.force_login(UserFactory())
    assert client.post(reverse("events:signup", args=[999999])).status_code == 404


def test_registrations_are_in_the_users_data_export():
    from accounts.services import user_export

    event = EventPageFactory(title="Konferencen")
    resident = UserFactory()
    registration_create(event=event, user=resident)
    assert "Konferencen" in user_export(user=resident)


def test_publishing_more_places_in_the_admin_promotes_those_waiting(
    django_capture_on_commit_callbacks,
):
    from events.wagtail_hooks import fill_places_after_publish

    event = EventPageFactory(capacity=1)
    registration_create(event=event, user=UserFactory())
    waiting = registration_create(event=event, user=UserFactory())
    mail.outbox.clear()
    event.capacity = 2
    event.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        fill_places_after_publish(None, event)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert [m.to for m in mail.outbox] == [[waiting.user.email]]


def test_joining_the_waiting_list_is_confirmed_by_email_without_a_calendar_entry(
    django_capture_on_commit_callbacks,
):
    event = EventPageFactory(capacity=1, title="Konferencen")
    registration_create(event=event, user=UserFactory())
    mail.outbox.clear()
    waiting = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, user=waiting)
    [message] = mail.outbox
    assert message.to == [waiting.email]
    assert "Waiting list" in message.subject
    assert message.attachments == []


def test_a_place_cannot_be_cancelled_once_the_event_has_started(client):
    event = EventPageFactory(capacity=1)
    resident = UserFactory()
    registration = registration_create(event=event, user=resident)
    later = event.start + timedelta(minutes=5)
    with pytest.raises(ServiceError, match="already started"):
        registration_cancel(registration=registration, user=resident, now=later)
    registration.refresh_from_db()
    assert registration.status == "confirmed"


# Refusals say why, with the status the page answers with.


@pytest.mark.parametrize(
    ("person", "code", "status", "message"),
    [
        (lambda: AnonymousUser(), "login_required", 401, "Log in"),
        (
            lambda: UserFactory(verified=False),
            "unverified",
            403,
            "Verify your e-mail address to sign up for events.",
        ),
        (
            lambda: UserFactory(blocked_until=timezone.now() + timedelta(days=3)),
            "blocked",
            403,
            "blocked",
        ),
    ],
)
def test_a_refused_sign_up_names_the_reason(person, code, status, message):
    event = EventPageFactory()
    with pytest.raises(ServiceError) as refused:
        registration_create(event=event, user=person())
    assert (refused.value.code, refused.value.status) == (code, status)
    assert message in refused.value.message
    assert not Registration.objects.exists()


def test_a_closed_sign_up_is_a_conflict_not_a_refusal_of_the_person():
    event = EventPageFactory(signup_closes=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ServiceError) as refused:
        registration_create(event=event, user=UserFactory())
    assert (refused.value.code, refused.value.status) == ("signup_closed", 409)


def test_blocked_resident_is_told_on_the_page_that_the_account_is_blocked(client):
    event = EventPageFactory()
    client.force_login(UserFactory(blocked_until=timezone.now() + timedelta(days=3)))
    response = client.post(reverse("events:signup", args=[event.pk]))
    assert response.status_code == 403
    assert "blocked" in response.content.decode()


# The e-mails: links from SITE_URL, and only news that still holds when the write commits.


def test_confirmation_mail_and_its_calendar_entry_link_to_the_site_url(
    settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "http://127.0.0.1:8201"
    event = EventPageFactory(title="Konferencen")
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, user=UserFactory())
    [message] = mail.outbox
    link = f"http://127.0.0.1:8201{event.url}"
    assert link.startswith("http://127.0.0.1:8201/da/")
    assert link in message.body
    assert "localhost" not in message.body
    [(_filename, content, _mimetype)] = message.attachments
    assert str(Calendar.from_ical(content).events[0]["URL"]) == link


def test_calendar_file_and_feed_link_to_the_site_url_whoever_asks(settings, client):
    settings.SITE_URL = "http://127.0.0.1:8201"
    event = EventPageFactory()
    link = f"http://127.0.0.1:8201{event.url}"
    single = Calendar.from_ical(client.get(reverse("events:event_ics", args=[event.pk])).content)
    assert str(single.events[0]["URL"]) == link
    feed = Calendar.from_ical(client.get(reverse("events:feed"), HTTP_HOST="localhost").content)
    assert str(feed.events[0]["URL"]) == link


def test_a_mail_whose_news_no_longer_holds_at_commit_is_not_sent(
    django_capture_on_commit_callbacks,
):
    event = EventPageFactory(capacity=1, title="Statusmødet")
    first, second = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        place = registration_create(event=event, user=first)
        registration_create(event=event, user=second)
        registration_cancel(registration=place, user=first)
    # The first person's place was taken back and the second was promoted before the commit:
    # neither "your place" nor "waiting list" is true any more, the promotion is.
    assert [m.to for m in mail.outbox] == [[second.email]]
    assert mail.outbox[0].subject.endswith("A place has freed up for you: Statusmødet")


def test_mail_subjects_show_the_title_as_typed(django_capture_on_commit_callbacks):
    event = EventPageFactory(title="Mad & musik <3")
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, user=UserFactory())
    assert mail.outbox[0].subject.endswith("Your place: Mad & musik <3")


@pytest.mark.parametrize(("preferred", "weekday"), [("en", "Monday"), ("", "mandag")])
def test_the_mail_is_in_the_residents_language_else_the_events(
    django_capture_on_commit_callbacks, preferred, weekday
):
    monday = timezone.make_aware(datetime(2030, 3, 4, 17, 0))
    event = EventPageFactory(start=monday, end=monday + timedelta(hours=2))
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(event=event, user=UserFactory(preferred_language=preferred))
    assert weekday in mail.outbox[0].body


def test_blocked_resident_reads_on_the_event_page_why_there_is_no_sign_up_button(client):
    event = EventPageFactory()
    client.force_login(UserFactory(blocked_until=timezone.now() + timedelta(days=3)))
    html = client.get(event.url).content.decode()
    assert "Your account is blocked from taking part." in html
    assert "Confirm your e-mail address first" not in html
    assert reverse("events:signup", args=[event.pk]) not in html
