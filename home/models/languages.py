"""Whether a translator has checked the site's UI in a language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

REVIEWED_AT_START = ("da", "en", "ar")
"""The languages the city had checked by translators before the new UI languages came."""


def ui_language_choices():
    """Every UI language, named in its own language (as the language switcher names it)."""
    return list(settings.LANGUAGES)


class UILanguageReview(models.Model):
    """One row per UI language. Until an editor ticks "reviewed", every page in that language
    says the buttons, menus and messages have not yet been checked by a translator, so a reader
    knows why a word may sound odd and that the Danish text is the one that counts. A language
    with no row counts as not reviewed."""

    language = models.CharField(
        _("language"), max_length=10, unique=True, choices=ui_language_choices
    )
    reviewed = models.BooleanField(
        _("reviewed by a translator"),
        default=False,
        help_text=_(
            "Tick this when a translator has read the site's buttons, menus and messages in this "
            "language. Until then, every page in this language shows a note."
        ),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("UI language review")
        verbose_name_plural = _("UI language reviews")
        ordering = ["language"]

    def __str__(self):
        return str(self.get_language_display())

    @classmethod
    def is_reviewed(cls, language: str) -> bool:
        return cls.objects.filter(language=language.split("-")[0], reviewed=True).exists()
