"""Plain Danish on the policy pages: the "Kort fortalt" summary field and the glossary."""

from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
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


GLOSSARY_CACHE_VERSION = "bdib:glossary:version"


def glossary_terms(locale_id: int) -> dict[str, GlossaryTerm]:
    """The terms of one language by their lower-case form, cached: every policy page asks, and
    the terms change only when an editor saves one (which starts a new cache version)."""
    version = cache.get_or_set(GLOSSARY_CACHE_VERSION, 1, None)
    key = f"bdib:glossary:{version}:{locale_id}"
    terms = cache.get(key)
    if terms is None:
        terms = {t.term.lower(): t for t in GlossaryTerm.objects.filter(locale_id=locale_id)}
        cache.set(key, terms, 3600)
    return terms


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def _glossary_changed(**kwargs):
    try:
        cache.incr(GLOSSARY_CACHE_VERSION)
    except ValueError:
        cache.set(GLOSSARY_CACHE_VERSION, 2, None)
