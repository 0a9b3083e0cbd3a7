"""The worker's jobs for events (huey, scheduled here in code; notifications/tasks.py)."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task

from events import notices


@db_periodic_task(crontab(minute="20"))
def send_event_reminders() -> int:
    """Hourly: the day-before reminders due (each registration's once)."""
    return notices.reminders_send()
