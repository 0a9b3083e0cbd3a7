"""The annual cycle as a reader sees it: every item with its next date and the page it leads
to, and the next twelve months with the items falling in each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from wagtail.models import Locale, Page

from accountability.models import AnnualCycleItem, CycleKind, StatusReportPage
from core import pagecache
from events.models import EventKind
from events.selectors import events_for_locale
from home.models import BarometerPage

EVENT_KINDS = {
    CycleKind.CONFERENCE: EventKind.CONFERENCE,
    CycleKind.STATUS_MEETING: EventKind.STATUS_MEETING,
}


@dataclass
class CycleEntry:
    item: AnnualCycleItem
    when: date
    fixed: bool  # a date set for this year, not only the month it recurs in
    page: Page | None

    @property
    def name(self) -> str:
        return self.item.name


def _next_in_month(month: int, today: date) -> date:
    year = today.year if month >= today.month else today.year + 1
    return date(year, month, 1)


def _fallback_pages(language: str, now) -> dict[str, Page | None]:
    """The page an item of each kind leads to when the editor chose none."""
    upcoming = events_for_locale(language=language).upcoming(now)
    default = Locale.get_default()
    report = StatusReportPage.objects.live().filter(locale=default).order_by("-year").first()
    return {
        CycleKind.CONFERENCE: upcoming.filter(kind=EventKind.CONFERENCE).first(),
        CycleKind.STATUS_MEETING: upcoming.filter(kind=EventKind.STATUS_MEETING).first(),
        CycleKind.BAROMETER: BarometerPage.objects.live().filter(locale=default).first(),
        CycleKind.STATUS_REPORT: report,
        CycleKind.COUNCIL_DEBATE: report,
    }


def annual_cycle(*, language: str, now=None) -> list[CycleEntry]:
    pagecache.depends_on(pagecache.PAGES)
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    fallbacks = _fallback_pages(language, now)
    entries = []
    for item in AnnualCycleItem.objects.select_related("page"):
        page = item.page.specific if item.page_id and item.page.live else None
        if page is None:
            page = fallbacks.get(item.kind)
        if item.date and item.date >= today:
            when, fixed = item.date, True
        elif (
            item.kind in EVENT_KINDS
            and page is not None
            and getattr(page, "start", None)
            and (not item.month or timezone.localtime(page.start).month == item.month)
        ):
            when, fixed = timezone.localtime(page.start).date(), True
        elif item.month:
            when, fixed = _next_in_month(item.month, today), False
        else:
            continue  # a fixed date that has passed and no month to come back in
        entries.append(CycleEntry(item=item, when=when, fixed=fixed, page=page))
    return sorted(entries, key=lambda e: (e.when, e.item.pk))


def year_line(entries: list[CycleEntry], now=None) -> list[dict]:
    """Twelve months from this one, each with the entries falling in it."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    months = []
    for offset in range(12):
        year = today.year + (today.month - 1 + offset) // 12
        month = (today.month - 1 + offset) % 12 + 1
        months.append(
            {
                "first": date(year, month, 1),
                "entries": [e for e in entries if (e.when.year, e.when.month) == (year, month)],
            }
        )
    return months
