"""A calendar year as the city counts it: 1 January to 31 December in the city's time zone
(settings.TIME_ZONE), whatever zone is active. The status report's figures (each app's
`reporting.py`) count by it."""

from datetime import datetime

from django.utils import timezone


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """[start, end) of `year` as aware datetimes in the city's time zone."""
    tz = timezone.get_default_timezone()
    return datetime(year, 1, 1, tzinfo=tz), datetime(year + 1, 1, 1, tzinfo=tz)
