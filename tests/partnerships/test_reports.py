"""Yearly reports and the reminders that ask for them."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Pledge, ReminderSent, YearlyReport
from partnerships.services import reminders_send
from tests.factories import UserFactory
from tests.partnerships.conftest import translated
from tests.partnerships.factories import public_partner


def partner_signed_on(signed_on, **kwargs):
    organisation = public_partner(**kwargs)
    Pledge.objects.filter(organisation=organisation).update(signed_on=signed_on)
    return organisation, Pledge.objects.get(organisation=organisation)


def report_post(pledge, status="in_progress", quantity="4"):
    data = {"summary": "A good year"}
    for c in pledge.commitments.all():
        data[f"p{c.pk}_status"] = status
        data[f"p{c.pk}_quantity"] = quantity
        data[f"p{c.pk}_note"] = "Two started in March"
    return data


def test_member_reports_progress_and_it_shows_on_the_partner_page(client, db):
    member = UserFactory()
    today = timezone.localdate()
    organisation, pledge = partner_signed_on(today - timedelta(days=380), member=member)
    client.force_login(member)
    url = reverse("partnerships:report", kwargs={"pk": organisation.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, report_post(pledge))
    assert response.status_code == 302
    report = YearlyReport.objects.get(pledge=pledge)
    assert report.year == pledge.latest_due_year(today)
    assert report.progress.get().quantity_achieved == 4
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "In progress" in html and "Two started in March" in html


def test_report_needs_a_status_for_every_commitment(client, db):
    member = UserFactory()
    organisation, pledge = partner_signed_on(
        timezone.localdate() - timedelta(days=380), member=member
    )
    client.force_login(member)
    url = reverse("partnerships:report", kwargs={"pk": organisation.pk})
    response = client.post(url, report_post(pledge, status=""))
    assert response.status_code == 400
    assert "A good year" in response.content.decode()
    assert not YearlyReport.objects.exists()


def test_no_report_is_asked_in_the_first_months(client, db):
    admin = UserFactory()
    organisation = public_partner(admin=admin)
    client.force_login(admin)
    url = reverse("partnerships:report", kwargs={"pk": organisation.pk})
    assert client.get(url).status_code == 302


def test_resident_and_anonymous_cannot_report(client, resident):
    organisation, pledge = partner_signed_on(timezone.localdate() - timedelta(days=380))
    url = reverse("partnerships:report", kwargs={"pk": organisation.pk})
    assert client.post(url, report_post(pledge)).status_code == 302  # to log in
    client.force_login(resident)
    assert client.post(url, report_post(pledge)).status_code == 403
    assert not YearlyReport.objects.exists()


@pytest.fixture
def signed_2025(db):
    return partner_signed_on(date(2025, 3, 1), contact_email="boss@org.example")


@pytest.fixture
def remind(django_capture_on_commit_callbacks):
    """`reminders_send` as the daily job runs it: the mails leave once the writes commit."""

    def run(day: date) -> dict:
        with django_capture_on_commit_callbacks(execute=True):
            return reminders_send(today=day)

    return run


def test_reminder_is_sent_when_due_and_only_once(signed_2025, remind):
    organisation, pledge = signed_2025
    assert remind(date(2026, 2, 28)) == {"due": 0, "overdue": 0}
    assert remind(date(2026, 3, 1)) == {"due": 1, "overdue": 0}
    assert mail.outbox[-1].to == ["boss@org.example"]
    assert translated("It is time for your yearly partner report") in mail.outbox[-1].subject
    report_url = reverse("partnerships:report", kwargs={"pk": organisation.pk})
    assert "http://127.0.0.1:8000" + report_url.replace("/en/", "/da/") in mail.outbox[-1].body
    assert remind(date(2026, 3, 2)) == {"due": 0, "overdue": 0}
    assert len(mail.outbox) == 1


def test_reminder_is_sent_again_when_overdue(signed_2025, remind):
    remind(date(2026, 3, 1))
    assert remind(date(2026, 3, 31)) == {"due": 0, "overdue": 1}
    assert translated("Your yearly partner report is overdue") in mail.outbox[-1].subject
    assert remind(date(2026, 4, 15)) == {"due": 0, "overdue": 0}
    assert ReminderSent.objects.count() == 2
    assert len(mail.outbox) == 2


def test_no_reminder_once_the_report_is_in(signed_2025, remind):
    _organisation, pledge = signed_2025
    YearlyReport.objects.create(pledge=pledge, year=2026)
    assert remind(date(2026, 3, 31)) == {"due": 0, "overdue": 0}
    assert not mail.outbox


def test_no_reminder_for_a_withdrawn_pledge(signed_2025, remind):
    _organisation, pledge = signed_2025
    Pledge.objects.filter(pk=pledge.pk).update(withdrawn_at=timezone.now())
    assert remind(date(2026, 3, 31)) == {"due": 0, "overdue": 0}
    assert not mail.outbox


def test_reminder_command_is_idempotent(signed_2025, django_capture_on_commit_callbacks):
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_partner_reminders", "--today", "2026-03-05", stdout=out)
        call_command("send_partner_reminders", "--today", "2026-03-05", stdout=out)
    assert "1 due" in out.getvalue() and "0 due" in out.getvalue()
    assert len(mail.outbox) == 1
