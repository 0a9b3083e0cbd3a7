from django.db import models
from django.utils.translation import gettext_lazy as _

from core.districts import District


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Integration conference")
    STATUS_MEETING = "status-meeting", _("Status meeting")
    MEET_UP = "meet-up", _("Community meet-up")
    WORKSHOP = "workshop", _("Workshop")
    ONLINE = "online", _("Online event")


Districts = District  # Copenhagen's ten districts, shared with partnerships


class OrganiserType(models.TextChoices):
    CITY = "city", _("The City of Copenhagen")
    PARTNER = "partner", _("A partner organisation")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
