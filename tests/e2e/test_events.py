"""Events in a real browser: signing up and cancelling with the keyboard alone, and the
listing's filters on a phone (axe checks the listing, an event page and the annual cycle in every
language in the accessibility matrix)."""

import pytest

from tests.e2e.conftest import axe_violations, describe, log_in

pytestmark = pytest.mark.browser

EVENT = "/da/arrangementer/statusmoede/"
MAX_TABS = 80


def tab_to(page, selector: str) -> None:
    """Presses Tab until the focused element matches the selector."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_resident_signs_up_and_cancels_with_the_keyboard_only(page, e2e_server):
    email, password = e2e_server.create_account("keyboard.events@example.org")
    log_in(page, e2e_server, email, password)
    page.goto(e2e_server.url + EVENT)

    tab_to(page, "form[action*='/tilmeld/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(EVENT + "#signup")
    assert page.locator("#signup .status--good").count() == 1
    assert page.locator("form[action*='/afmeld/'] button").count() == 1
    assert page.locator(".messages").is_visible()

    violations = axe_violations(page)
    assert violations == [], describe(violations)

    tab_to(page, "form[action*='/afmeld/'] button")
    with page.expect_navigation():
        page.keyboard.press("Space")
    assert page.locator("form[action*='/tilmeld/'] button").count() == 1


def test_listing_filters_with_the_keyboard_and_fits_a_phone(second_page, e2e_server):
    page = second_page
    page.goto(e2e_server.url + "/da/arrangementer/")
    tab_to(page, "select[name=kind]")
    page.keyboard.press("End")  # the last kind: online events
    tab_to(page, ".event-filter button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "kind=online" in page.url
    assert page.locator(".event-list .event-card").count() >= 1
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
