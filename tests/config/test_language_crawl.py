"""A reader never leaves their language without need, and Danish text on a page in another
language says it is Danish (WCAG 3.1.2).

For every language in settings.LANGUAGES, crawl the demo site (tests/robustness/world.py) from
that language's front page, following every same-site link, and fail on
- a link that leaves the language (/xx/ → /yy/) where the reader did not ask for it: only a
  link that names its language with `hreflang` (the switcher, "open at its own address") may;
- a page's own text (title, question, introduction, teaser) from a page written in another
  language, shown outside an element whose `lang` is that language.
"""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import Page

from tests.robustness.world import rolled_back_world

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SKIP_PREFIXES = ("/static/", "/media/", "/documents/", "/admin/", "/api/", "/i18n/")
MAX_PAGES = 120
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}  # fmt: skip


class LangParser(HTMLParser):
    """Links (href, hreflang) and text nodes with the `lang` in force around them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.links: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []
        self.skip = 0

    def lang(self) -> str:
        for _tag, lang in reversed(self.stack):
            if lang is not None:
                return lang
        return ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], attrs.get("hreflang")))
        if tag in VOID:
            return
        if tag in ("script", "style", "title"):
            self.skip += 1
        self.stack.append((tag, attrs.get("lang")))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self.stack:
            open_tag, _lang = self.stack.pop()
            if open_tag in ("script", "style", "title"):
                self.skip -= 1
            if open_tag == tag:
                break

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.skip:
            self.texts.append((text, self.lang()))


def _page_texts() -> dict[str, set[str]]:
    """language code -> the page-own texts written in it (titles, questions, intros...)."""
    texts: dict[str, set[str]] = {}
    for page in Page.objects.live().filter(depth__gt=1).select_related("locale").specific():
        bucket = texts.setdefault(page.locale.language_code, set())
        for name in ("title", "question", "intro", "teaser", "statement", "summary"):
            value = getattr(page, name, None)
            if isinstance(value, str) and len(value.split()) >= 2:
                bucket.add(" ".join(value.split()))
    return texts


def _language_of_path(path: str) -> str | None:
    first = path.strip("/").split("/", 1)[0]
    return first if first in LANGUAGES else None


def crawl(client: Client, language: str) -> tuple[list[str], list[str], int]:
    texts = _page_texts()
    own = texts.get(language, set())
    foreign: dict[str, set[str]] = {}  # text -> the languages it is written in
    for code, values in texts.items():
        for text in values - own:
            foreign.setdefault(text, set()).add(code)
    queue, seen = [f"/{language}/"], {f"/{language}/"}
    leaks, unmarked, crawled = [], [], 0
    while queue and crawled < MAX_PAGES:
        path = queue.pop(0)
        response = client.get(path)
        if response.status_code in (301, 302, 303):
            location = urlsplit(response["Location"]).path
            if _language_of_path(location) not in (language, None):
                leaks.append(f"{path} redirects to {location}")
            if location not in seen:
                seen.add(location)
                queue.append(location)
            continue
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        crawled += 1
        parser = LangParser()
        parser.feed(response.content.decode())
        for href, hreflang in parser.links:
            url, _fragment = urldefrag(href)
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            target_language = _language_of_path(parts.path)
            if target_language and target_language != language and hreflang != target_language:
                leaks.append(f"{path} links to {url}")
            if parts.path.startswith(SKIP_PREFIXES) or target_language != language:
                continue
            if parts.path.endswith((".ics", ".csv", ".json")) or parts.query:
                continue
            if parts.path not in seen:
                seen.add(parts.path)
                queue.append(parts.path)
        for text, lang in parser.texts:
            codes = foreign.get(text)
            if codes and lang not in codes:
                unmarked.append(f"{path}: {text[:60]!r} is {codes} but sits in lang={lang!r}")
    return sorted(set(leaks)), sorted(set(unmarked)), crawled


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with rolled_back_world(django_db_blocker) as world:
        yield world


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reader_stays_in_their_language_and_danish_text_says_it_is_danish(
    world, django_db_blocker, language
):
    with django_db_blocker.unblock():
        leaks, unmarked, crawled = crawl(Client(), language)
    assert crawled >= 20, f"only {crawled} pages reached from /{language}/"
    assert not leaks, f"{len(leaks)} links leave /{language}/:\n" + "\n".join(leaks[:40])
    assert not unmarked, f"{len(unmarked)} texts without their lang:\n" + "\n".join(unmarked[:40])


def test_the_crawl_catches_a_link_out_of_the_language(world, django_db_blocker, monkeypatch):
    """The check can fail: with the localized links turned off, /ar/ pages link into /da/."""
    from core import locales

    monkeypatch.setattr(locales, "reader_language", lambda: None)
    with django_db_blocker.unblock():
        leaks, _unmarked, _crawled = crawl(Client(), "ar")
    assert any("/da/" in leak for leak in leaks)
