"""The annual cycle: editor-managed items with a month or a date, each leading to its event,
report or barometer page."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accountability.cycle import annual_cycle
from accountability.models import AnnualCycleItem, CycleKind
from events.models import EventKind
from tests.events.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def test_the_seeded_cycle_has_the_policys_milestones():
    kinds = set(AnnualCycleItem.objects.values_list("kind", flat=True))
    assert kinds >= {
        CycleKind.BAROMETER,
        CycleKind.STATUS_REPORT,
        CycleKind.COUNCIL_DEBATE,
        CycleKind.STATUS_MEETING,
        CycleKind.CONFERENCE,
        CycleKind.BUDGET,
    }
    assert AnnualCycleItem.objects.filter(kind=CycleKind.BAROMETER).count() == 2


def test_an_item_needs_a_month_or_a_date_in_that_month():
    with pytest.raises(ValidationError):
        AnnualCycleItem(kind=CycleKind.OTHER).full_clean()
    with pytest.raises(ValidationError):
        AnnualCycleItem(kind=CycleKind.OTHER, month=13).full_clean()
    with pytest.raises(ValidationError):
        AnnualCycleItem(kind=CycleKind.OTHER, month=3, date=date(2027, 4, 1)).full_clean()
    AnnualCycleItem(kind=CycleKind.OTHER, month=4, date=date(2027, 4, 1)).full_clean()


def test_the_conference_leads_to_the_next_conference_and_takes_its_date(client):
    start = (timezone.now() + timedelta(days=40)).replace(microsecond=0)
    conference = EventPageFactory(
        title="Integrationskonferencen",
        kind=EventKind.CONFERENCE,
        start=start,
        end=start + timedelta(hours=6),
    )
    AnnualCycleItem.objects.filter(kind=CycleKind.CONFERENCE).update(
        month=timezone.localtime(start).month
    )
    entry = next(e for e in annual_cycle(language="da") if e.item.kind == CycleKind.CONFERENCE)
    assert entry.page.pk == conference.pk
    assert entry.fixed and entry.when == timezone.localtime(start).date()

    response = client.get("/da/arrangementer/aarshjul/")
    assert response.status_code == 200
    body = response.content.decode()
    assert conference.url in body
    assert "Budgetforhandlinger" in body
    assert "Planned" not in body and "Planlagt" not in body


def test_a_month_item_comes_back_in_its_month():
    AnnualCycleItem.objects.all().delete()
    item = AnnualCycleItem.objects.create(kind=CycleKind.BUDGET, month=9)
    entries = annual_cycle(language="da", now=timezone.make_aware(timezone.datetime(2026, 10, 5)))
    assert [(e.item.pk, e.when, e.fixed) for e in entries] == [(item.pk, date(2027, 9, 1), False)]


def test_the_event_listing_leads_to_the_annual_cycle_through_the_hook(client):
    from events.models import EventIndexPage
    from tests.home.factories import home_page

    index = home_page().add_child(instance=EventIndexPage(title="Arrangementer", slug="arr"))
    index.save_revision().publish()
    body = client.get(index.url).content.decode()
    assert 'href="/da/arrangementer/aarshjul/"' in body
