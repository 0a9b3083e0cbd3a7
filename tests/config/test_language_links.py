"""No dead ends: a reader under /xx/ stays in xx (core/locales.py, README "Languages")."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from dialogue.models import DebateIndexPage
from events.models import EventKind
from home.models import HomePage
from tests.dialogue.factories import make_debate
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def danish_home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="da")


def hrefs(body: str) -> list[tuple[str, str | None]]:
    """(href, hreflang) of every link."""
    found = []
    for tag in re.findall(r"<a\b[^>]*>", body):
        href = re.search(r'href="([^"]*)"', tag)
        lang = re.search(r'hreflang="([^"]*)"', tag)
        if href:
            found.append((href.group(1), lang.group(1) if lang else None))
    return found


def links_out_of(body: str, code: str) -> list[str]:
    """Same-site links into another language that do not say so with hreflang."""
    out = []
    for href, hreflang in hrefs(body):
        match = re.match(r"^/([a-z]{2})/", href)
        if match and match.group(1) != code and hreflang != match.group(1):
            out.append(href)
    return out


def test_an_untranslated_page_under_arabic_links_only_to_arabic_addresses(client):
    event = EventPageFactory(title="Statusmøde", slug="statusmoede")
    response = client.get(f"/ar/arrangementer/{event.slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert links_out_of(body, "ar") == []
    assert 'href="/ar/"' in body  # the logo and "Front page"


def test_the_danish_page_under_arabic_says_so_and_marks_its_text_danish(client):
    event = EventPageFactory(title="Statusmøde", slug="statusmoede", teaser="Kom og vær med")
    body = client.get(f"/ar/arrangementer/{event.slug}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in body
    assert 'class="notice fallback-note" role="note"' in body
    assert f'href="/da/arrangementer/{event.slug}/" lang="da" hreflang="da"' in body
    assert '<h1 lang="da" dir="ltr">Statusmøde</h1>' in body
    assert '<p class="lead" lang="da" dir="ltr">Kom og vær med</p>' in body


def test_a_danish_page_under_danish_has_no_note_and_no_extra_lang(client):
    event = EventPageFactory(title="Statusmøde", slug="statusmoede")
    body = client.get(f"/da/arrangementer/{event.slug}/").content.decode()
    assert "fallback-note" not in body
    assert "<h1>Statusmøde</h1>" in body


def test_signing_up_from_an_arabic_page_comes_back_to_the_arabic_page(client):
    event = EventPageFactory(title="Statusmøde", slug="statusmoede")
    client.force_login(UserFactory())
    response = client.post(f"/ar/arrangementer/{event.pk}/tilmeld/")
    assert response.status_code == 303
    assert response["Location"] == f"/ar/arrangementer/{event.slug}/#signup"


def test_the_switcher_keeps_the_page_in_every_language(client):
    event = EventPageFactory(title="Statusmøde", slug="statusmoede")
    body = client.get(f"/da/arrangementer/{event.slug}/").content.decode()
    assert (f"/ar/arrangementer/{event.slug}/", "ar") in hrefs(body)
    assert (f"/en/arrangementer/{event.slug}/", "en") in hrefs(body)


def test_the_switcher_and_links_go_to_a_translation_where_there_is_one(client):
    event = EventPageFactory(title="Statusmøde", slug="statusmoede")
    arabic = event.copy_for_translation(locale("ar"), copy_parents=True)
    arabic.title, arabic.slug = "اجتماع الحالة", "ijtima"
    arabic.save_revision().publish()
    body = client.get(f"/da/arrangementer/{event.slug}/").content.decode()
    assert ("/ar/arrangementer/ijtima/", "ar") in hrefs(body)
    # The old address under /ar/ leads to the translation, not the Danish fallback.
    response = client.get(f"/ar/arrangementer/{event.slug}/?x=1")
    assert response.status_code == 302
    assert response["Location"] == "/ar/arrangementer/ijtima/?x=1"
    page = client.get("/ar/arrangementer/ijtima/").content.decode()
    assert "fallback-note" not in page
    # Its own text in its own right-to-left language says so (site.css keeps the direction).
    assert '<h1 dir="rtl">اجتماع الحالة</h1>' in page


def test_a_page_missing_from_a_translated_tree_is_served_from_the_danish_one(client):
    EventPageFactory(title="Fællesspisning", slug="faellesspisning")
    danish_home().copy_for_translation(locale("ar")).save_revision().publish()
    response = client.get("/ar/arrangementer/faellesspisning/")
    assert response.status_code == 200
    assert "fallback-note" in response.content.decode()
    assert client.get("/ar/findes-ikke/").status_code == 404


def test_a_ui_language_without_a_locale_keeps_its_prefix(client, settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("pl", "Polski")]
    event = EventPageFactory(title="Statusmøde", slug="statusmoede")
    response = client.get(f"/pl/arrangementer/{event.slug}/")
    assert response.status_code == 200
    assert links_out_of(response.content.decode(), "pl") == []


def test_danish_debates_are_listed_on_the_english_index_marked_danish(client):
    debate = make_debate()
    english_index = debate.get_parent().copy_for_translation(locale("en"), copy_parents=True)
    english_index.save_revision().publish()
    body = client.get(f"/en/{english_index.slug}/").content.decode()
    assert "No debates match the filter" not in body
    assert '<h2 lang="da" dir="auto">' in body
    assert f'href="/en/debatter/{debate.slug}/"' in body
    assert debate.question in body
    assert DebateIndexPage.objects.count() == 2


def test_the_arabic_annual_cycle_and_calendar_show_the_danish_events(client):
    start = (timezone.now() + timedelta(days=40)).replace(hour=9, minute=0, second=0)
    EventPageFactory(
        title="Integrationskonference", kind=EventKind.CONFERENCE, start=start,
        end=start + timedelta(hours=6),
    )  # fmt: skip
    EventPageFactory(title="Fællesspisning")
    calendar = client.get("/ar/arrangementer/kalender.ics").content.decode()
    assert calendar.count("BEGIN:VEVENT") == 2
    assert "/da/" not in calendar and "/ar/arrangementer/" in calendar
    cycle = client.get("/ar/arrangementer/aarshjul/")
    assert cycle.status_code == 200
    conference = next(e for e in cycle.context["entries"] if e.item.kind == "conference")
    assert conference.page.title == "Integrationskonference"
    assert "/ar/arrangementer/" in cycle.content.decode()
