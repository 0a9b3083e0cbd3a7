"""Pages and barometer data for the home tests, built directly (no loader)."""

from datetime import date
from decimal import Decimal

from wagtail.models import Locale

from home.models import BarometerPage, GoalPage, HomePage, Indicator, Measurement

_counter = {"n": 0}


def _next() -> int:
    _counter["n"] += 1
    return _counter["n"]


def home_page(language: str = "da") -> HomePage:
    return HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code=language))


def barometer_page() -> BarometerPage:
    home = home_page()
    page = BarometerPage.objects.child_of(home).first()
    if page is None:
        page = home.add_child(instance=BarometerPage(title="Barometer", slug="barometer"))
    return page


def goal_page(*, indicators: int = 1, measurements: int = 8, **fields) -> GoalPage:
    """A goal below the barometer with `indicators` × `measurements` example data."""
    n = _next()
    fields.setdefault("number", 1)
    goal = barometer_page().add_child(
        instance=GoalPage(title=f"Mål {n}", slug=f"maal-{n}", statement=f"Mål nummer {n}", **fields)
    )
    for i in range(indicators):
        indicator = Indicator.objects.create(
            page=goal,
            sort_order=i,
            name=f"Indikator {n}.{i}",
            unit="%",
            higher_is_better=i % 2 == 0,
            target_value=Decimal("5.8") if i % 3 == 0 else None,
            target_date=date(2014, 12, 31),
        )
        add_measurements(indicator, measurements)
    return goal


def add_measurements(indicator: Indicator, count: int, start: int = 2010) -> None:
    Measurement.objects.bulk_create(
        Measurement(
            indicator=indicator,
            sort_order=k,
            period_label=f"{start + k // 2}, {k % 2 + 1}. halvår",
            period_start=date(start + k // 2, 1 + 6 * (k % 2), 1),
            value=Decimal(10 - k) / 2,
            is_example=True,
        )
        for k in range(count)
    )


NEW_PERIOD = "2013, 1. halvår"


def new_measurement(goal: GoalPage) -> Measurement:
    """A later half-year's figure for the goal's first indicator (labelled NEW_PERIOD), saved as
    the barometer's signals see it."""
    return Measurement.objects.create(
        indicator=goal.indicators.first(),
        sort_order=9,
        period_label=NEW_PERIOD,
        period_start=date(2013, 1, 1),
        value=Decimal("3.1"),
    )
