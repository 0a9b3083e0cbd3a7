"""Template tags for the site shell: the language switcher and the main menu."""

from dataclasses import dataclass
from functools import lru_cache

from django import template
from django.conf import settings
from django.db import DatabaseError
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page, Site

from core import pagecache
from core.locales import direction, is_fallback, language_of, localized_page, reading
from home.models import UILanguageReview

register = template.Library()


def _site_key(request) -> str:
    """What a link made for `request` depends on besides the language: the host it was asked
    on (a second site, or an absolute link to the other one)."""
    try:
        return request.get_host()
    except Exception:
        return ""


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page in every language: its translation, else (for a page not
    translated into that language) the Danish page under that language's prefix, which keeps the
    reader's UI language (core/locales.py). A view that is not a page keeps its own path."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    if isinstance(page, Page):
        # The same for every reader of this page in this language: made once per process and
        # kept until a page is published (core.pagecache.remember).
        key = f"language_links:{_site_key(request)}:{page.pk}:{current}"
        return {"links": pagecache.remember(key, lambda: _language_links(request, page, current))}
    return {"links": _language_links(request, page, current)}


def _language_links(request, page, current) -> list[dict]:
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            with reading(code), translation.override(code):
                url = page.get_url(request) or f"/{code}/"
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
                "dir": direction(code),
            }
        )
    return links


@register.inclusion_tag("includes/ui_review_note.html")
def ui_review_note():
    """The note on every page in a UI language no translator has checked yet (an editor ticks
    the language in the admin's Snippets, "UI language reviews")."""
    language = get_language() or settings.LANGUAGE_CODE
    try:
        reviewed = pagecache.remember(
            f"ui_reviewed:{language}", lambda: UILanguageReview.is_reviewed(language)
        )
    except DatabaseError:  # the error pages render without a database; the note can wait
        reviewed = True
    return {"show": not reviewed}


@dataclass(frozen=True)
class MenuItem:
    """A main-menu entry as the templates need it: computed once per language and site."""

    url: str
    title: str
    menu_title: str
    search_description: str
    lang_attrs: str


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's children that editors marked 'show in menus', in the reader's language:
    the translated home's when it has any, else the Danish home's (their links then stay under
    the reader's prefix). Made once per process, language and host, kept until a page is
    published (core.pagecache.remember)."""
    request = context.get("request")
    if request is None:
        return []
    language = get_language()
    key = f"main_menu:{_site_key(request)}:{language}"
    return pagecache.remember(key, lambda: _main_menu(request, language))


def _main_menu(request, language) -> list[MenuItem]:
    site = Site.find_for_request(request)
    if site is None:
        return []
    root = localized_page(site.root_page, language)
    # A language only the key pages are translated into has a home without pages below it:
    # its menu is the Danish home's.
    for home in dict.fromkeys((root, site.root_page)):
        pages = list(home.get_children().live().in_menu().specific(defer=True).order_by("path"))
        if pages:
            break
    return [
        MenuItem(
            url=page.get_url(request),
            title=page.title,
            menu_title=getattr(page, "menu_title", "") or "",
            search_description=page.search_description,
            lang_attrs=lang_attrs(page),
        )
        for page in pages
    ]


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    """The front page in the reader's language (its own home, or the Danish one under the
    reader's prefix)."""
    request = context.get("request")
    if request is None:
        return f"/{get_language()}/"
    language = get_language()
    return pagecache.remember(
        f"home_url:{_site_key(request)}:{language}",
        lambda: _home_url(request) or f"/{language}/",
    )


def _home_url(request) -> str | None:
    site = Site.find_for_request(request)
    return site.root_page.get_url(request) if site else None


@register.simple_tag
def lang_attrs(page):
    """` lang="da" dir="ltr"` on an element holding a page's own text when the page is written
    in another language than the one the reader reads (WCAG 3.1.2). In the reader's language
    nothing, or ` dir="rtl"` for a right-to-left one: that text's direction is known, so it
    keeps it even when it starts with a Latin name such as «Bland dig i byen» (site.css)."""
    if isinstance(page, MenuItem):
        return page.lang_attrs
    if not isinstance(page, Page):
        return ""
    code = language_of(page)
    if code == get_language():
        return format_html(' dir="{}"', "rtl") if direction(code) == "rtl" else ""
    return format_html(' lang="{}" dir="{}"', code, direction(code))


@register.simple_tag
def language_label(page):
    """In a list mixing languages, the name of an item's language beside it (in that language),
    so the reader sees before following the link that it is not in theirs."""
    if not isinstance(page, Page):
        return ""
    code = language_of(page)
    if code == get_language():
        return ""
    info = get_language_info(code)
    return format_html(
        ' <span class="language-label" lang="{}" dir="{}">({})</span>',
        code,
        direction(code),
        info["name_local"],
    )


@register.inclusion_tag("includes/fallback_note.html", takes_context=True)
def fallback_note(context):
    """On a page shown in the reader's language but written in another (not translated yet),
    says so in the reader's language, with a link to the page at its own address."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or not is_fallback(page):
        return {"show": False}
    code = language_of(page)
    with reading(code), translation.override(code):
        original_url = page.get_url(request)
    return {
        "show": True,
        "page_lang": code,
        "page_dir": direction(code),
        "language_name": get_language_info(code)["name_translated"],
        "original_url": original_url,
    }


@register.simple_tag
def date_format_json():
    """The language's date formats for scripts that write dates (site/static/js/dates.js)."""
    return _date_format_json(get_language())


@lru_cache(maxsize=32)
def _date_format_json(language: str) -> str:
    from django.utils.html import json_script

    from core.dates import js_date_format

    return json_script(js_date_format(), "date-format")


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
