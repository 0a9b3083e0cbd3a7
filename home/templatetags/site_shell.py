"""Template tags for the site shell: the language switcher and the main menu."""

from django import template
from django.conf import settings
from django.db import DatabaseError
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Locale, Page, Site

from core.locales import active_locale
from home.models import UILanguageReview

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in every language. A Wagtail page links to its translation; in a
    UI language without pages (tr, ur, so, pl, fa) to the Danish page under that language's
    prefix; otherwise to that language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if isinstance(page, Page):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    links = []
    content_languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    default = translations.get(settings.LANGUAGE_CODE)
    for code, name in settings.LANGUAGES:
        if code in translations:
            url = translations[code].get_url(request)
        elif isinstance(page, Page) and code not in content_languages and default is not None:
            # A UI language without pages of its own shows the Danish page at the same path.
            url = translate_url(default.get_url(request), code)
        elif isinstance(page, Page):
            url = f"/{code}/"
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = f"/{code}/"
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "current": code == current,
                "dir": "rtl" if code.split("-")[0] in settings.LANGUAGES_BIDI else "ltr",
            }
        )
    return {"links": links}


@register.inclusion_tag("includes/ui_review_note.html")
def ui_review_note():
    """The note on every page in a UI language no translator has checked yet (an editor ticks
    the language in the admin's Snippets, "UI language reviews")."""
    language = get_language() or settings.LANGUAGE_CODE
    try:
        reviewed = UILanguageReview.is_reviewed(language)
    except DatabaseError:  # the error pages render without a database; the note can wait
        reviewed = True
    return {"show": not reviewed}


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children that editors marked 'show in menus', in the current language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    locale = active_locale(fallback=False)
    if locale is None:
        return []
    root = site.root_page.get_translation_or_none(locale) or site.root_page
    return list(root.get_children().live().in_menu().specific(defer=True).order_by("path"))


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return f"/{get_language()}/"
    try:
        root = site.root_page.localized
    except Locale.DoesNotExist:
        root = site.root_page
    return root.get_url(request) or f"/{get_language()}/"


@register.filter(name="plaintext")
def plaintext_filter(value):
    """`{{ comment.body|plaintext }}`: resident input, escaped, linked and sanitised."""
    from core.plaintext import render_plain_text

    return render_plain_text(value)


@register.simple_tag(takes_context=True)
def menu_current(context, url):
    """The `aria-current` value of a menu link: "page" on the page itself, "true" anywhere below
    it (by URL path prefix, so /da/debatter/ is current on /da/debatter/boliger/ but never on
    /da/debatter-arkiv/), else empty."""
    request = context.get("request")
    path = getattr(request, "path", "")
    if not url or not path:
        return ""
    if path == url:
        return "page"
    return "true" if url.endswith("/") and path.startswith(url) else ""
