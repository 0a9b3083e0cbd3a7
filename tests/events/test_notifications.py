"""Who hears what about events: followers of a district or a kind hear of new events; those
signed up and the event's followers hear of changes and cancellations; those with a place get a
reminder the day before; a partner hears how the editors reviewed their proposal. Each notice
is a row in the person's language (its link under their language's prefix) and, by default, an
e-mail (the queue runs at once in tests; the mail leaves when the write commits)."""

from datetime import datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from accounts.models import Notification
from events import notices
from events.models import EventPage, Registration, RegistrationStatus
from events.services import event_submit
from events.tasks import send_event_reminders
from notifications.models import Follow
from notifications.topics import describe, page_topic
from tests.events.factories import EventPageFactory, event_index, organisation, partner
from tests.factories import UserFactory, editor

pytestmark = pytest.mark.django_db

DISTRICT = "events:district:noerrebro"
KIND = "events:kind:meet-up"


def follower(*topics, **kwargs):
    user = UserFactory(**kwargs)
    for topic in topics:
        Follow.objects.create(user=user, topic=topic)
    return user


def sign_up(event, status=RegistrationStatus.CONFIRMED, *, days_ago=3, user=None):
    created = timezone.now() - timedelta(days=days_ago)
    return Registration.objects.create(
        event=event,
        user=user or UserFactory(),
        status=status,
        created_at=created,
        confirmed_at=created if status == RegistrationStatus.CONFIRMED else None,
    )


def notices_of(kind):
    return Notification.objects.filter(kind=kind).order_by("pk")


def mailed_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def publish(event, **changes):
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()


# Topics ----------------------------------------------------------------------------------


def test_district_and_kind_topics_are_described_with_the_filtered_list():
    index = event_index()
    index.save_revision().publish()
    found = describe([DISTRICT, KIND, "events:district:atlantis", "events:kind:rave", "events:x"])
    assert set(found) == {DISTRICT, KIND}
    assert found[DISTRICT].title == "Events in Nørrebro"
    assert found[DISTRICT].url.endswith("?district=noerrebro")
    assert found[KIND].title == "Community meet-ups"
    assert found[KIND].url.endswith("?kind=meet-up")


def test_an_event_page_can_be_followed():
    event = EventPageFactory()
    topic = page_topic(event)
    assert describe([topic])[topic].title == event.title


# A new event -----------------------------------------------------------------------------


def test_a_new_event_tells_the_followers_of_its_district_and_kind_once(
    django_capture_on_commit_callbacks,
):
    of_district = follower(DISTRICT)
    of_kind = follower(KIND)
    of_both = follower(DISTRICT, KIND)
    arabic = follower(DISTRICT, preferred_language="ar")
    elsewhere = follower("events:district:valby", "events:kind:workshop")
    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory(title="Fællesspisning i parken")
    told = notices_of("event_new")
    assert sorted(n.user_id for n in told) == sorted(
        [of_district.pk, of_kind.pk, of_both.pk, arabic.pk]
    )
    assert told.get(user=of_both).topic == DISTRICT  # once, for the district
    assert told.get(user=of_kind).topic == KIND
    notice = told.get(user=of_district)
    assert notice.subject == "New event: Fællesspisning i parken"
    assert notice.topic_title == "Events in Nørrebro"
    assert notice.link.endswith(event.url)
    assert told.get(user=arabic).link.startswith("http://127.0.0.1:8000/ar/")
    assert not Notification.objects.filter(user=elsewhere).exists()
    assert len(mailed_to(of_district)) == 1
    assert "Fællesspisning i parken" in mailed_to(of_district)[0].body
    assert not mailed_to(elsewhere)


def test_republishing_or_a_past_or_example_event_tells_nobody_of_a_new_event(
    django_capture_on_commit_callbacks,
):
    follower(DISTRICT)
    with django_capture_on_commit_callbacks(execute=True):
        event = EventPageFactory()
        publish(event, teaser="Now with cake")
        EventPageFactory(is_example=True)
        start = timezone.now() - timedelta(days=3)
        EventPageFactory(start=start, end=start + timedelta(hours=2))
    assert notices_of("event_new").count() == 1


# Changes and cancellations ---------------------------------------------------------------


def test_a_new_time_tells_those_signed_up_and_the_followers_once(
    django_capture_on_commit_callbacks,
):
    event = EventPageFactory(title="Statusmøde")
    confirmed = sign_up(event).user
    waiting = sign_up(event, RegistrationStatus.WAITING).user
    dropped = sign_up(event, RegistrationStatus.CANCELLED).user
    watching = follower(page_topic(event), preferred_language="ar")
    new_start = event.start + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        publish(event, start=new_start, end=new_start + timedelta(hours=2))
    told = notices_of("event_changed")
    assert sorted(n.user_id for n in told) == sorted([confirmed.pk, waiting.pk, watching.pk])
    notice = told.get(user=confirmed)
    assert notice.subject == "Changed: Statusmøde"
    assert "New time" in notice.body and "Before" in notice.body
    assert notice.topic == page_topic(event)
    assert told.get(user=watching).link.startswith("http://127.0.0.1:8000/ar/")
    assert len(mailed_to(confirmed)) == 1 and len(mailed_to(waiting)) == 1
    assert not mailed_to(dropped)
    # Publishing again without a change of time or place tells nobody.
    with django_capture_on_commit_callbacks(execute=True):
        publish(event, teaser="Bring a friend")
        publish(event)
    assert notices_of("event_changed").count() == 3


def test_a_new_place_is_told(django_capture_on_commit_callbacks):
    event = EventPageFactory()
    person = sign_up(event).user
    with django_capture_on_commit_callbacks(execute=True):
        publish(event, venue="Biblioteket", address="Nørrebrogade 200")
    notice = notices_of("event_changed").get(user=person)
    assert "New place: Biblioteket, Nørrebrogade 200" in notice.body
    assert "New time" not in notice.body


def test_a_cancelled_event_tells_those_signed_up_closes_sign_up_and_says_so(
    client, django_capture_on_commit_callbacks
):
    event = EventPageFactory(title="Workshop om job")
    person = sign_up(event).user
    with django_capture_on_commit_callbacks(execute=True):
        publish(event, cancelled=True)
        publish(event)  # published again: not told twice
    told = notices_of("event_cancelled")
    assert [n.user_id for n in told] == [person.pk]
    assert told[0].subject == "Cancelled: Workshop om job"
    assert len(mailed_to(person)) == 1
    assert not notices_of("event_changed").exists()
    event.refresh_from_db()
    assert not event.is_accepting_signups()
    client.force_login(person)
    html = client.get(event.url).content.decode()
    assert "This event does not take place." in html
    assert "Cancel my place" not in html


def test_an_upcoming_event_taken_off_the_site_is_cancelled_for_those_signed_up(
    django_capture_on_commit_callbacks,
):
    event = EventPageFactory()
    person = sign_up(event).user
    with django_capture_on_commit_callbacks(execute=True):
        event.unpublish()
    notice = notices_of("event_cancelled").get(user=person)
    assert "no longer in the calendar" in notice.body
    assert event.url not in notice.link  # the page is gone: the link leads to the calendar


# The day before --------------------------------------------------------------------------


def test_the_reminder_goes_once_to_those_with_a_place_the_day_before(
    django_capture_on_commit_callbacks,
):
    start = (timezone.now() + timedelta(hours=20)).replace(second=0, microsecond=0)
    event = EventPageFactory(title="Konference", start=start, end=start + timedelta(hours=6))
    later = EventPageFactory(title="Next week")
    confirmed = sign_up(event, user=UserFactory(preferred_language="ar"))
    sign_up(event, RegistrationStatus.WAITING)
    sign_up(event, days_ago=0)  # signed up an hour ago: the confirmation is enough
    sign_up(later)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_event_reminders.call_local() == 1
        assert send_event_reminders.call_local() == 0  # the next hour
    told = notices_of("event_reminder")
    assert [n.user_id for n in told] == [confirmed.user_id]
    assert told[0].subject == "Tomorrow: Konference"
    assert told[0].link.startswith("http://127.0.0.1:8000/ar/")
    assert len(mailed_to(confirmed.user)) == 1
    confirmed.refresh_from_db()
    assert confirmed.reminded_at is not None


def test_no_reminder_for_a_cancelled_event():
    start = timezone.now() + timedelta(hours=10)
    event = EventPageFactory(start=start, end=start + timedelta(hours=2), cancelled=True)
    sign_up(event)
    assert notices.reminders_send() == 0


def test_the_reminder_job_runs_every_hour():
    assert "events.tasks.send_event_reminders" in HUEY._registry._registry
    task = send_event_reminders.task_class
    hours = [datetime(2026, 3, 1, hour, 20) for hour in range(24)]
    assert all(task().validate_datetime(moment) for moment in hours)
    assert not task().validate_datetime(datetime(2026, 3, 1, 10, 21))


# A partner's proposal reviewed -----------------------------------------------------------


def approve(event, user, action="approve", **kwargs):
    task_state = event.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state.specific, user, action, **kwargs)


def proposed_event(organiser, org):
    return event_submit(
        user=organiser,
        index=event_index(),
        data={
            "title": "Lektiecafé",
            "kind": "meet-up",
            "start": timezone.now() + timedelta(days=10),
            "end": timezone.now() + timedelta(days=10, hours=2),
            "address": "Nørrebrogade 1",
            "district": "noerrebro",
            "description": "Hej",
            "organisation": org,
        },
    )


def test_the_partner_and_its_organisation_hear_that_their_event_is_approved(
    django_capture_on_commit_callbacks,
):
    organiser, colleague = UserFactory(), UserFactory(preferred_language="ar")
    org = organisation(members=[organiser, colleague])
    watching = follower(DISTRICT)
    event = proposed_event(organiser, org)
    reviewer = editor()
    with django_capture_on_commit_callbacks(execute=True):
        approve(event, reviewer)
    told = notices_of("event_reviewed")
    assert sorted(n.user_id for n in told) == sorted([organiser.pk, colleague.pk])
    assert told.get(user=organiser).subject == "Your event is published: Lektiecafé"
    assert told.get(user=colleague).link.startswith("http://127.0.0.1:8000/ar/")
    # One mail, ours: not Wagtail's admin mail besides (the partner cannot open the admin).
    assert [m.subject for m in mailed_to(organiser)] == [
        "[Bland dig i byen] Your event is published: Lektiecafé"
    ]
    # Published: the district's followers hear of a new event.
    assert notices_of("event_new").get().user == watching


def test_a_proposal_sent_back_tells_why(django_capture_on_commit_callbacks):
    organiser = partner()
    event = event_submit(
        user=organiser,
        index=event_index(),
        data={
            "title": "Møde",
            "kind": "meet-up",
            "start": timezone.now() + timedelta(days=10),
            "end": timezone.now() + timedelta(days=10, hours=2),
            "address": "Nørrebrogade 1",
            "organiser_name": "Foreningen",
            "description": "Hej",
        },
    )
    with django_capture_on_commit_callbacks(execute=True):
        approve(event, editor(), "reject", comment="Please give the room number.")
    notice = notices_of("event_reviewed").get()
    assert notice.user == organiser
    assert notice.subject == "Your event was not approved: Møde"
    assert "Please give the room number." in notice.body
    assert notice.link.endswith(reverse("events:submit").replace("/en/", "/da/"))
    assert not EventPage.objects.get(pk=event.pk).live


# Following, without JavaScript -----------------------------------------------------------


def test_follow_a_district_from_the_filtered_list(client):
    index = event_index()
    index.save_revision().publish()
    person = UserFactory()
    client.force_login(person)
    listing = f"{index.url}?district=noerrebro"
    html = client.get(listing).content.decode()
    assert f'value="{DISTRICT}"' in html
    assert 'value="events:kind:' not in html
    response = client.post(
        reverse("notifications:follow"), {"topic": DISTRICT, "action": "follow", "next": listing}
    )
    assert response.status_code == 302 and response["Location"] == listing
    assert Follow.objects.filter(user=person, topic=DISTRICT).exists()
    assert "Following" in client.get(listing).content.decode()


def test_following_an_unknown_topic_is_a_message_not_an_error(client):
    index = event_index()
    index.save_revision().publish()
    client.force_login(UserFactory())
    response = client.post(
        reverse("notifications:follow"),
        {"topic": "events:district:atlantis", "action": "follow", "next": index.url},
    )
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages == ["That cannot be followed (any more)."]
    assert not Follow.objects.exists()


def test_the_event_page_has_its_follow_button(client):
    event = EventPageFactory()
    client.force_login(UserFactory())
    assert f'value="{page_topic(event)}"' in client.get(event.url).content.decode()
