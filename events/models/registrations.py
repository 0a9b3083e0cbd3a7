from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ResidentRecord
from events.models.choices import RegistrationStatus

ACTIVE = [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING]


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE)

    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        """In the order people joined: the first in line is promoted first."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("created_at", "pk")


class Registration(ResidentRecord):
    """One person's place (or place in line) at one event. A cancelled row is kept so the
    organiser can see who dropped out; signing up again makes a new row at the back."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("status"), max_length=16, choices=RegistrationStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("signed up"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("place confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # The day-before reminder (events.notices.reminders_send): set when it is sent, so the
    # hourly job sends it once.
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=Q(status__in=ACTIVE),
                name="one_active_registration_per_person",
                violation_error_message=_("You are already signed up for this event."),
            )
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="reg_event_line")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.event_id} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE
