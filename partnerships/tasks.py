"""The worker's jobs for the partnership register (huey, scheduled here in code;
notifications/tasks.py)."""

from django.utils import timezone
from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from partnerships.services import reminders_send


@db_periodic_task(crontab(hour="8", minute="15"))
def send_partner_reminders() -> dict[str, int]:
    """Daily, at 08:15 UTC (huey keeps time in UTC): the yearly-report reminders due and
    overdue, each once (`manage.py send_partner_reminders` does the same by hand)."""
    return reminders_send(today=timezone.localdate())
