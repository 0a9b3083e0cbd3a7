"""What a script needs to write a date exactly as the server does: the active language's Django
formats (config/formats) and month names, and the site's time zone (site/static/js/dates.js).

A live comment reaches readers of every language in one message, so the server cannot format
its time for each of them; it sends the instant, and each page formats it with this."""

from django.conf import settings
from django.utils import dates
from django.utils.formats import get_format


def js_date_format() -> dict:
    def names(table):
        return [str(table[month]) for month in range(1, 13)]

    return {
        "date": get_format("DATE_FORMAT"),
        "datetime": get_format("DATETIME_FORMAT"),
        "timeZone": settings.TIME_ZONE,
        "months": {
            "F": names(dates.MONTHS),
            "E": names(dates.MONTHS_ALT),
            "M": [name.title() for name in names(dates.MONTHS_3)],
            "N": names(dates.MONTHS_AP),
            "b": names(dates.MONTHS_3),
        },
    }
