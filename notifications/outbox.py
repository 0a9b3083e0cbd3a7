"""Every e-mail leaves through the worker.

`QueuedEmailBackend` is Django's EMAIL_BACKEND: whoever sends (allauth, moderation, events,
partnerships, digests) writes the message into `OutgoingMail` inside their own transaction, and
the delivery task is queued when it commits. The worker (`deliver`) hands the message to
MAIL_DELIVERY_BACKEND (SMTP in production); a refusal or a dead server raises, and huey tries
again with back-off (settings: MAIL_RETRIES, MAIL_RETRY_DELAY, MAIL_RETRY_BACKOFF). A message
whose tries ran out, or whose task never reached the queue (Redis away at that moment), is
picked up again by `sweep`, every five minutes, until it is three days old.

A message is claimed before it is sent (`claimed_until`), so two workers never send it twice."""

import logging
import pickle
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from notifications.models import OutgoingMail

log = logging.getLogger(__name__)

CLAIM_FOR = timedelta(minutes=5)
GIVE_UP_AFTER = timedelta(days=3)
KEEP_SENT_FOR = timedelta(days=7)
SWEEP_AFTER = timedelta(minutes=10)  # a message this old and unsent lost its task


class QueuedEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        rows = [
            OutgoingMail(
                subject=str(message.subject)[:255],
                recipients="\n".join(address.lower() for address in message.recipients()),
                message=pickle.dumps(message),
            )
            for message in email_messages
        ]
        if not rows:
            return 0
        saved = OutgoingMail.objects.bulk_create(rows)
        ids = [row.pk for row in saved]
        transaction.on_commit(lambda: queue_delivery(ids))
        return len(rows)


def queue_delivery(ids) -> None:
    """Hands the messages to the worker; a queue that cannot be reached leaves them to `sweep`."""
    from notifications.tasks import deliver_mail

    for mail_id in ids:
        try:
            deliver_mail(mail_id)
        except Exception:  # the queue is away: the row waits for the sweep
            log.exception("e-mail %s: could not queue its delivery", mail_id)


class DeliveryFailed(Exception):
    """The mail server did not take the message; the task is tried again."""


def deliver(mail_id: int) -> str:
    """Sends one message once. Returns what happened ("sent", "gone", "busy"); raises
    DeliveryFailed when the mail server did not take it."""
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
        pk=mail_id,
        sent_at__isnull=True,
        failed_at__isnull=True,
    ).update(claimed_until=now + CLAIM_FOR)
    if not claimed:
        exists = OutgoingMail.objects.filter(pk=mail_id, sent_at__isnull=True).exists()
        return "busy" if exists else "gone"
    mail = OutgoingMail.objects.get(pk=mail_id)
    message = pickle.loads(mail.message)  # noqa: S301 - written by this backend only
    try:
        connection = get_connection(settings.MAIL_DELIVERY_BACKEND, fail_silently=False)
        connection.send_messages([message])
    except Exception as error:
        OutgoingMail.objects.filter(pk=mail_id).update(
            attempts=mail.attempts + 1,
            last_tried_at=timezone.now(),
            last_error=f"{type(error).__name__}: {error}"[:255],
            claimed_until=None,
        )
        log.warning("e-mail %s: not sent (try %s): %s", mail_id, mail.attempts + 1, error)
        raise DeliveryFailed(str(error)) from error
    OutgoingMail.objects.filter(pk=mail_id).update(
        sent_at=timezone.now(),
        last_tried_at=timezone.now(),
        attempts=mail.attempts + 1,
        last_error="",
        claimed_until=None,
    )
    return "sent"


def next_try_due(mail: OutgoingMail, now) -> bool:
    """Whether the worker's own retry of this message should have run by now (with ten minutes'
    grace): never tried and ten minutes old, tries used up, or the next try long overdue."""
    if mail.attempts == 0:
        return mail.created_at < now - SWEEP_AFTER
    if mail.attempts > settings.MAIL_RETRIES:
        return True
    wait = settings.MAIL_RETRY_DELAY * settings.MAIL_RETRY_BACKOFF ** (mail.attempts - 1)
    return mail.last_tried_at is None or mail.last_tried_at + timedelta(seconds=wait) < (
        now - SWEEP_AFTER
    )


def sweep() -> dict[str, int]:
    """Queues again what lost its task or used up its tries; gives up on what is three days old;
    forgets what left a week ago."""
    now = timezone.now()
    waiting = OutgoingMail.objects.filter(sent_at__isnull=True, failed_at__isnull=True)
    given_up = waiting.filter(created_at__lt=now - GIVE_UP_AFTER).update(failed_at=now)
    candidates = (
        waiting.filter(created_at__lt=now - SWEEP_AFTER)
        .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
        .only("pk", "created_at", "attempts", "last_tried_at")
        .order_by("created_at")[:1000]
    )
    ids = [mail.pk for mail in candidates if next_try_due(mail, now)]
    queue_delivery(ids)
    forgotten, _kinds = OutgoingMail.objects.filter(
        Q(sent_at__lt=now - KEEP_SENT_FOR) | Q(failed_at__lt=now - KEEP_SENT_FOR)
    ).delete()
    return {"queued_again": len(ids), "given_up": given_up, "forgotten": forgotten}


def forget(email: str) -> int:
    """An account is deleted: the mail to its address goes too, sent or not."""
    if not email:
        return 0
    address = email.lower()
    deleted, _kinds = OutgoingMail.objects.filter(
        Q(recipients=address)
        | Q(recipients__startswith=address + "\n")
        | Q(recipients__endswith="\n" + address)
        | Q(recipients__contains="\n" + address + "\n")
    ).delete()
    return deleted
