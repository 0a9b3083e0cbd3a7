"""The note on a translated page that the Danish original is the authoritative text."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Page

from core.locales import reading

register = template.Library()


@register.inclusion_tag("home/includes/unofficial_translation.html", takes_context=True)
def unofficial_translation_note(context):
    """On a page that is a translation (not in the default language), a link to the page it
    was translated from, in the default language, where that page is live."""
    page = context.get("page")
    # Pages are rendered in their own language: a Danish page costs no query here.
    if not isinstance(page, Page) or get_language() == settings.LANGUAGE_CODE:
        return {"original": None}
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return {"original": None}
    original = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    url = None
    if original is not None:
        # The original's own address: links made for this reader would lead to this translation.
        with reading(settings.LANGUAGE_CODE), translation.override(settings.LANGUAGE_CODE):
            url = original.get_url(context.get("request"))
    return {
        "original": original,
        "original_url": url,
        "language": page.locale.language_code,
        "request": context.get("request"),
    }
