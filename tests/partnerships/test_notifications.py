"""Who hears what about partner organisations: every member hears how the organisation was
reviewed (the administrators by the review's e-mail, not a second one); followers of a partner
in the register hear of its new pledge and its yearly reports; the report reminders are the
worker's daily job."""

from datetime import date, datetime, timedelta

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from huey.contrib.djhuey import HUEY

from accounts.models import Notification
from notifications.models import Follow
from notifications.topics import describe
from partnerships.models import Pledge, ReminderSent, ReviewStatus
from partnerships.notices import organisation_topic
from partnerships.services import (
    organisation_approve,
    organisation_reject,
    pledge_sign,
    report_submit,
)
from partnerships.tasks import send_partner_reminders
from tests.factories import UserFactory
from tests.partnerships.factories import (
    CommitmentTypeFactory,
    OrganisationFactory,
    PledgeFactory,
    public_partner,
)

pytestmark = pytest.mark.django_db


def mailed_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


def follower_of(organisation, **kwargs):
    user = UserFactory(**kwargs)
    Follow.objects.create(user=user, topic=organisation_topic(organisation))
    return user


# The review ------------------------------------------------------------------------------


def test_every_member_hears_of_the_approval_and_nobody_is_mailed_twice(
    staff, django_capture_on_commit_callbacks
):
    admin, member = UserFactory(preferred_language="en"), UserFactory(preferred_language="ar")
    organisation = OrganisationFactory(
        name="Amager Bageri", admin=admin, member=member, contact_email="boss@org.example"
    )
    with django_capture_on_commit_callbacks(execute=True):
        organisation_approve(reviewer=staff, organisation=organisation)
    told = Notification.objects.filter(kind="organisation_reviewed")
    assert sorted(n.user_id for n in told) == sorted([admin.pk, member.pk])
    notice = told.get(user=admin)
    assert notice.subject == "Amager Bageri is approved as a partner"
    assert notice.topic == organisation_topic(organisation)
    assert notice.mailed_at is not None  # the review's own e-mail told the administrator
    assert told.get(user=member).link.startswith("http://127.0.0.1:8000/ar/")
    # The administrator and the contact address get the review's e-mail, the member the notice's.
    assert len(mailed_to(admin)) == 1
    assert len(mailed_to(member)) == 1
    assert told.get(user=member).subject in mailed_to(member)[0].subject
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [admin.email, member.email, "boss@org.example"]
    )


def test_members_hear_why_the_organisation_was_rejected(staff, django_capture_on_commit_callbacks):
    admin, member = UserFactory(), UserFactory(preferred_language="en")
    organisation = OrganisationFactory(name="Bageriet", admin=admin, member=member)
    with django_capture_on_commit_callbacks(execute=True):
        organisation_reject(
            reviewer=staff, organisation=organisation, reason="The CVR belongs to another."
        )
    notice = Notification.objects.get(kind="organisation_reviewed", user=member)
    assert notice.subject == "Bageriet was not approved as a partner"
    assert "The CVR belongs to another." in notice.body
    assert len(mailed_to(member)) == 1 and len(mailed_to(admin)) == 1


# Following a partner ---------------------------------------------------------------------


def test_only_a_partner_in_the_public_register_can_be_followed():
    public = public_partner(name="Synlig")
    pending = OrganisationFactory()
    found = describe(
        [organisation_topic(public), organisation_topic(pending), "organisation:x", "organisation:"]
    )
    assert list(found) == [organisation_topic(public)]
    assert found[organisation_topic(public)].title == "Synlig"
    assert found[organisation_topic(public)].url == public.get_absolute_url()


def test_follow_from_the_partner_page_without_javascript(client, resident):
    organisation = public_partner()
    client.force_login(resident)
    page = organisation.get_absolute_url()
    topic = organisation_topic(organisation)
    assert f'value="{topic}"' in client.get(page).content.decode()
    response = client.post(
        reverse("notifications:follow"), {"topic": topic, "action": "follow", "next": page}
    )
    assert response.status_code == 302 and response["Location"] == page
    assert Follow.objects.filter(user=resident, topic=topic).exists()


def test_an_organisation_outside_the_register_cannot_be_followed(client, resident):
    pending = OrganisationFactory(admin=resident)
    client.force_login(resident)
    page = pending.get_absolute_url()
    assert "organisation:" not in client.get(page).content.decode()
    response = client.post(
        reverse("notifications:follow"),
        {"topic": organisation_topic(pending), "action": "follow", "next": page},
    )
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "That cannot be followed (any more)."
    ]
    assert not Follow.objects.exists()


# News from a partner ---------------------------------------------------------------------


def test_followers_hear_of_a_new_pledge(django_capture_on_commit_callbacks):
    admin = UserFactory()
    organisation = OrganisationFactory(
        name="Vesterbro Bageri", status=ReviewStatus.APPROVED, admin=admin
    )
    # Followed while it was in the register, before its old pledge was withdrawn.
    PledgeFactory(organisation=organisation, withdrawn_at=timezone.now())
    reader = follower_of(organisation, preferred_language="ar")
    english = follower_of(organisation, preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        pledge_sign(
            user=admin,
            organisation=organisation,
            signatory_name="Sam",
            signatory_role="Director",
            commitments=[
                {
                    "commitment_type": CommitmentTypeFactory(),
                    "quantity": 3,
                    "target_date": timezone.localdate() + timedelta(days=200),
                }
            ],
        )
    assert (
        Notification.objects.get(user=english).subject == "Vesterbro Bageri has signed the pledge"
    )
    notice = Notification.objects.get(kind="organisation_news", user=reader)
    assert notice.topic_title == "Vesterbro Bageri"
    assert notice.link.startswith("http://127.0.0.1:8000/ar/")
    assert notice.link.endswith(organisation.get_absolute_url().removeprefix("/en"))
    assert len(mailed_to(reader)) == 1
    assert not Notification.objects.filter(user=admin).exists()


def test_followers_hear_of_a_yearly_report_but_not_the_one_who_gave_it(
    django_capture_on_commit_callbacks,
):
    member = UserFactory()
    organisation = public_partner(name="Nørrebro Skole", member=member)
    pledge = Pledge.objects.get(organisation=organisation)
    reader = follower_of(organisation, preferred_language="en")
    Follow.objects.create(user=member, topic=organisation_topic(organisation))
    with django_capture_on_commit_callbacks(execute=True):
        report_submit(
            user=member,
            pledge=pledge,
            year=2026,
            summary="A good year",
            entries=[
                {"commitment": commitment, "status": "in_progress", "quantity_achieved": 4}
                for commitment in pledge.commitments.all()
            ],
        )
    notice = Notification.objects.get(kind="organisation_news")
    assert notice.user == reader
    assert notice.subject == "Nørrebro Skole reports on its commitments (2026)"
    assert "A good year" in notice.body
    assert len(mailed_to(reader)) == 1 and not mailed_to(member)


# The report reminders --------------------------------------------------------------------


def test_the_report_reminders_are_the_workers_daily_job(django_capture_on_commit_callbacks):
    assert "partnerships.tasks.send_partner_reminders" in HUEY._registry._registry
    task = send_partner_reminders.task_class()
    assert task.validate_datetime(datetime(2026, 3, 1, 8, 15))
    assert not task.validate_datetime(datetime(2026, 3, 1, 9, 15))
    organisation = public_partner(contact_email="boss@org.example")
    Pledge.objects.filter(organisation=organisation).update(
        signed_on=date(timezone.localdate().year - 1, 1, 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        first = send_partner_reminders.call_local()
        again = send_partner_reminders.call_local()
    assert sum(first.values()) == 1 and sum(again.values()) == 0
    assert ReminderSent.objects.count() == 1
    assert [m.to for m in mail.outbox] == [["boss@org.example"]]
