"""What people follow, how they want to hear about it, and the mail on its way to them.

The notices themselves are `accounts.Notification` (the profile has shown them since the first
version); this app decides who gets one, when it is mailed and how."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ResidentRecord


class Follow(ResidentRecord):
    """One person follows one topic. A topic is a string a feature app owns (notifications/
    topics.py): `page:<translation key>` for a debate, goal, focus area or action plan (the same in
    every language), `organisation:<id>`, `events:district:<slug>`, `events:kind:<kind>`."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="follows",
        verbose_name=_("user"),
    )
    topic = models.CharField(_("topic"), max_length=120)
    created_at = models.DateTimeField(_("followed since"), default=timezone.now)

    class Meta:
        verbose_name = _("follow")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="follow_once"),
        ]
        indexes = [models.Index(fields=["topic", "user"], name="follow_topic")]

    def __str__(self) -> str:
        return self.topic


class Frequency(models.TextChoices):
    IMMEDIATELY = "now", _("At once")
    DAILY = "daily", _("Daily summary")
    WEEKLY = "weekly", _("Weekly summary")
    NEVER = "never", _("Never")


class EmailPreference(ResidentRecord):
    """How often one person wants e-mail about one group of notices (notifications/kinds.py).
    No row: the group's default."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="email_preferences",
        verbose_name=_("user"),
    )
    group = models.CharField(_("kind of notice"), max_length=32)
    frequency = models.CharField(_("e-mail"), max_length=8, choices=Frequency.choices)

    class Meta:
        verbose_name = _("e-mail preference")
        constraints = [
            models.UniqueConstraint(fields=["user", "group"], name="one_preference_per_group"),
        ]

    def __str__(self) -> str:
        return f"{self.group}: {self.frequency}"


class DigestSent(ResidentRecord):
    """One summary mail for one person and period: written in the same transaction as the mail
    and the notices it covers, so a worker that stops half-way and runs again never sends a
    period twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="digests_sent",
        verbose_name=_("user"),
    )
    frequency = models.CharField(_("frequency"), max_length=8, choices=Frequency.choices)
    period = models.CharField(_("period"), max_length=16)  # 2026-12-01, 2026-W49
    notices = models.PositiveIntegerField(_("notices"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("summary sent")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "frequency", "period"], name="one_digest_per_period"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.frequency} {self.period}"


class OutgoingMail(models.Model):
    """A message on its way: saved in the sender's transaction, sent by the worker, kept a week
    after it left (for support questions), then deleted (it holds an address)."""

    created_at = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    subject = models.CharField(_("subject"), max_length=255)
    # The addresses, so deleting an account also deletes the mail still waiting for it.
    recipients = models.TextField(_("recipients"), blank=True)
    message = models.BinaryField(_("message"))
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=255, blank=True)
    last_tried_at = models.DateTimeField(_("last tried at"), null=True, blank=True)
    claimed_until = models.DateTimeField(_("being sent until"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("given up at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(
                fields=["created_at"],
                name="mail_waiting",
                condition=models.Q(sent_at__isnull=True, failed_at__isnull=True),
            )
        ]

    def __str__(self) -> str:
        return self.subject
