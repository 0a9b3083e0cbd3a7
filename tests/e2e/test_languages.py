"""In a real browser: a live comment's time reads like the server's, in Copenhagen time, from a
browser in another time zone; and the Arabic fallback page keeps the reader in Arabic."""

from datetime import datetime

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format

pytestmark = pytest.mark.browser

# The second 02:30 of the autumn change (CET), and the minute after the spring jump (CEST).
INSTANTS = ["2026-10-25T01:30:00+00:00", "2027-03-28T01:00:00+00:00"]


def server(iso: str, language: str) -> str:
    with translation.override(language):
        return date_format(timezone.localtime(datetime.fromisoformat(iso)), "DATETIME_FORMAT")


@pytest.mark.parametrize("language", ["da", "en", "ar"])
def test_live_times_are_written_like_the_servers_from_another_time_zone(
    browser, e2e_server, language
):
    context = browser.new_context(timezone_id="America/Los_Angeles", locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{e2e_server.url}/{language}/debatter/hvordan-moedes-vi-paa-tvaers/")
        written = page.evaluate(
            """async (instants) => {
                const dates = await import("/static/js/dates.js");
                const spec = dates.readDateFormat(document);
                return instants.map((iso) => dates.formatDate(iso, spec));
            }""",
            INSTANTS,
        )
    finally:
        context.close()
    assert written == [server(iso, language) for iso in INSTANTS]


# A page that exists in Danish only (every loaded page has an Arabic translation).
DANISH_ONLY_PAGE = """
from home.models import ContentPage, HomePage
home = HomePage.objects.get(depth=2, locale__language_code="da")
if not ContentPage.objects.filter(slug="kun-paa-dansk").exists():
    home.add_child(instance=ContentPage(title="Kun på dansk", slug="kun-paa-dansk", intro="Hej"))
"""


def test_the_arabic_menu_on_a_danish_page_stays_in_arabic(page, e2e_server):
    e2e_server.manage("shell", "-c", DANISH_ONLY_PAGE)
    page.goto(f"{e2e_server.url}/ar/kun-paa-dansk/")
    assert page.locator("html").get_attribute("lang") == "ar"
    hrefs = page.eval_on_selector_all(
        ".main-nav a, a.site-name", "els => els.map(e => e.getAttribute('href'))"
    )
    assert hrefs and all(href.startswith("/ar/") for href in hrefs), hrefs
    assert page.locator("h1").get_attribute("lang") == "da"
    assert page.locator(".fallback-note").is_visible()
