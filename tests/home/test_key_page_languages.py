"""Turkish, Urdu, Somali, Polish and Persian: the key pages are translated (wagtail-localize, like
English and Arabic), every other page is the Danish one under the reader's prefix with a note.
The home page of such a language reads in it and still leads to the whole site."""

import logging
import re

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from home.models import HomePage
from home.services import policy_load
from home.translating import KEY_PAGE_LANGUAGES, content_translate, translation_data
from tests.shared_db import rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def key_pages_translated(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        logging.disable(logging.INFO)
        try:
            policy_load(demo=True)
            content_translate(languages=KEY_PAGE_LANGUAGES)
        finally:
            logging.disable(logging.NOTSET)
        yield


def main_text(html: str) -> str:
    main = html[html.find("<main") : html.find("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def danish_home():
    return HomePage.objects.get(depth=2, locale__language_code="da")


@pytest.mark.parametrize("code", KEY_PAGE_LANGUAGES)
def test_only_the_home_page_is_translated_and_completely(client, code):
    locale = Locale.objects.get(language_code=code)
    pages = Page.objects.filter(locale=locale, depth__gt=1)
    assert [type(page.specific) for page in pages] == [HomePage]
    home = pages.get().specific
    assert home.live
    assert home.intro == translation_data(code)[danish_home().intro]
    translation = Translation.objects.get(
        source__object_id=home.translation_key, target_locale=locale
    )
    total, done = translation.get_progress()
    assert total == done
    assert client.get(f"/api/v2/pages/?locale={code}").json()["meta"]["total_count"] == 1


def test_a_second_run_changes_nothing():
    report = content_translate(languages=KEY_PAGE_LANGUAGES)
    assert report.created == [] and report.updated == []
    assert sorted(report.unchanged) == sorted(f"{code}:/home/" for code in KEY_PAGE_LANGUAGES)


@pytest.mark.parametrize("code", ("tr", "fa"))
def test_the_home_page_reads_in_the_readers_language_and_leads_to_the_danish_pages(client, code):
    html = client.get(f"/{code}/").content.decode()
    direction = "rtl" if code == "fa" else "ltr"
    assert f'<html lang="{code}" dir="{direction}">' in html
    text = main_text(html)
    assert translation_data(code)[danish_home().intro] in text
    assert "opfordring til alle københavnerne" not in text
    # Its own text keeps the page's direction, though it opens with a Latin name (site.css).
    assert ('<p class="lead" dir="rtl">' if code == "fa" else '<p class="lead">') in html
    # A translation: the Danish original is named as the text that counts.
    assert f'class="translation-note wrap" lang="{code}"' in html
    assert 'href="/da/" hreflang="da"' in html
    # The sections, focus areas and goals are the Danish pages, marked as Danish, under /code/.
    main = html[html.find("<main") : html.find("</main>")]
    assert f'href="/{code}/politik/" lang="da" dir="ltr"' in main
    assert f'href="/{code}/barometer/hovedmaal-2/" lang="da" dir="ltr"' in main
    assert main.count(f'href="/{code}/barometer/hovedmaal-') == 6
    assert 'href="/da/politik/' not in html
    # The main menu too.
    header = html[html.find("<header") : html.find("</header>")]
    assert f'href="/{code}/politik/"' in header and f'href="/{code}/barometer/"' in header


def test_other_pages_are_the_danish_ones_with_a_note_in_the_readers_language(client):
    response = client.get("/tr/politik/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="tr" dir="ltr">' in html
    assert 'class="translation-note' not in html  # not a translation: the Danish page itself
    assert "Integrationspolitik" in main_text(html) or "integrationspolitik" in main_text(html)
    assert 'lang="da"' in html[html.find("<main") :]


def test_search_in_a_key_page_language_finds_the_danish_pages_under_its_prefix(client):
    html = client.get("/tr/soeg/?q=barometer").content.decode()
    results = html[html.find('<ol class="search-results">') :]
    results = results[: results.find("</ol>")]
    assert 'href="/tr/barometer/"' in results
    # The translated home page is found in Turkish, once, not also as its Danish original.
    html = client.get("/tr/soeg/?q=Kopenhag").content.decode()
    results = html[html.find('<ol class="search-results">') :]
    assert results[: results.find("</ol>")].count('href="/tr/"') == 1
