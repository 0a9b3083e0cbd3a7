from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    CONFERENCE = "conference", _("Integration conference")
    STATUS_MEETING = "status-meeting", _("Status meeting")
    MEET_UP = "meet-up", _("Community meet-up")
    WORKSHOP = "workshop", _("Workshop")
    ONLINE = "online", _("Online event")


class Districts(models.TextChoices):
    """Copenhagen's ten districts (bydele); partnerships uses the same slugs."""

    INDRE_BY = "indre-by", _("Indre By")
    OESTERBRO = "oesterbro", _("Østerbro")
    NOERREBRO = "noerrebro", _("Nørrebro")
    VESTERBRO_KONGENS_ENGHAVE = "vesterbro-kongens-enghave", _("Vesterbro/Kongens Enghave")
    VALBY = "valby", _("Valby")
    VANLOESE = "vanloese", _("Vanløse")
    BROENSHOEJ_HUSUM = "broenshoej-husum", _("Brønshøj-Husum")
    BISPEBJERG = "bispebjerg", _("Bispebjerg")
    AMAGER_OEST = "amager-oest", _("Amager Øst")
    AMAGER_VEST = "amager-vest", _("Amager Vest")


class OrganiserType(models.TextChoices):
    CITY = "city", _("The City of Copenhagen")
    PARTNER = "partner", _("A partner organisation")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
