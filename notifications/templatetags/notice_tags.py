from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from core.locales import direction

register = template.Library()


@register.simple_tag
def notice_lang(notice):
    """` lang="da" dir="ltr"` on a notice written in another language than the page's (the
    person's language changed since, or they read the site in another one): WCAG 3.1.2."""
    code = getattr(notice, "language", "")
    if not code or code == get_language():
        return ""
    return format_html(' lang="{}" dir="{}"', code, direction(code))
