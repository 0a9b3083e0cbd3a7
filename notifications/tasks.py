"""The worker's jobs (huey; `manage.py run_huey`, started by `make run`). Periodic jobs are
scheduled here, in code: no crontab to set up."""

import logging

from django.conf import settings
from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from notifications import outbox, services

log = logging.getLogger(__name__)


@db_task(
    retries=settings.MAIL_RETRIES,
    retry_delay=settings.MAIL_RETRY_DELAY,
    retry_backoff=settings.MAIL_RETRY_BACKOFF,
)
def deliver_mail(mail_id: int) -> str:
    """One message to the mail server; raises (and is tried again later) while it is away."""
    return outbox.deliver(mail_id)


@db_task(retries=3, retry_delay=60)
def mail_notices(notice_ids: list[int]) -> int:
    return services.mail_notices(notice_ids)


@db_periodic_task(crontab(minute="*/5"))
def sweep_outbox() -> dict:
    return outbox.sweep()


@db_periodic_task(crontab(minute="7"))
def send_digests() -> dict:
    """Hourly: the summaries due (a day's after seven each morning, a week's after seven on
    Monday, Copenhagen time); a run that finds them sent does nothing."""
    return services.digests_send()


@db_periodic_task(crontab(minute="*/15"))
def mail_lost_notices() -> int:
    return services.sweep_unmailed()


@db_periodic_task(crontab(hour="2", minute="30"))
def clean_up() -> dict:
    """Nightly: old read notices and old summary records go (notifications.services.cleanup)."""
    return services.cleanup()
