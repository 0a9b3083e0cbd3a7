"""Plain Danish on the policy pages: the "Kort fortalt" summary field and the glossary."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

PLAIN_SUMMARY_HELP = _(
    "A few short sentences in easy Danish, shown at the top of the page in a box. "
    "Aim for a LIX score of 35 or less."
)


def plain_summary_field() -> models.TextField:
    """The "Kort fortalt" field; every page type that shows policy text has one."""
    return models.TextField(_("in short"), blank=True, help_text=PLAIN_SUMMARY_HELP)


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A policy word explained in easy words. The first time a term appears in a page's text,
    the page marks it and lets the reader open the explanation in place."""

    term = models.CharField(
        _("term"),
        max_length=80,
        help_text=_("As it is written, in lower case. Longer forms (such as plurals) match too."),
    )
    explanation = models.TextField(_("explanation"), help_text=_("One or two short sentences."))

    panels = [FieldPanel("term"), FieldPanel("explanation")]
    search_fields = [index.SearchField("term"), index.AutocompleteField("term")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "term"], name="home_glossary_term_unique")
        ]

    def __str__(self):
        return self.term
