from django import template

from core.locales import localized_page

register = template.Library()


@register.filter
def localized(page):
    """`{{ page|localized }}`: the page a reader in the active language is shown (its
    translation, else the Danish page); pair it with `{% lang_attrs %}`."""
    return localized_page(page) if page is not None else None
