"""Copenhagen's ten districts (bydele): where partners work and events take place."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class District(models.TextChoices):
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
