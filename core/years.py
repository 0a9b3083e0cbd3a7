"""A calendar year as the city counts it: 1 January to 31 December in Copenhagen time."""

from datetime import date, datetime, time

from django.utils import timezone


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """[start, end) of `year` as aware datetimes in the site's time zone."""
    start = timezone.make_aware(datetime.combine(date(year, 1, 1), time.min))
    end = timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min))
    return start, end
