"""Follow and notify in real browsers: a reply shows as a live unread count in the other
person's header, wherever on the site they are, and the notice list leads to it."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.browser

DEBATE = "/da/debatter/hvordan-moedes-vi-paa-tvaers/"


def test_a_reply_appears_as_a_live_unread_count_in_the_other_persons_header(
    page, second_page, e2e_server
):
    asker, replier = e2e_server.create_accounts(
        ("notice-asker@example.org",), ("notice-replier@example.org",)
    )
    log_in(page, e2e_server, *asker)
    log_in(second_page, e2e_server, *replier)

    page.goto(e2e_server.url + DEBATE)
    expect(page.locator("[data-debate]")).to_have_attribute("data-live", "true", timeout=10000)
    page.fill("#comment-form-body", "Hvor mødes vi på lørdag?")
    page.locator("#comment-form button[type=submit]").click()
    expect(page.locator(".comment", has_text="Hvor mødes vi på lørdag?")).to_be_visible()

    # The asker reads another page, with no debate socket: only the account socket.
    page.goto(e2e_server.url + "/da/")
    count = page.locator("[data-unread-count]")
    expect(count).to_be_hidden()
    page.evaluate("window.__marker = 'not reloaded'")
    page.wait_for_timeout(500)  # the account socket is open

    second_page.goto(e2e_server.url + DEBATE)
    question = second_page.locator(".comment", has_text="Hvor mødes vi på lørdag?")
    expect(question).to_be_visible()
    question.locator("[data-reply] > summary").click()
    comment_id = question.get_attribute("data-comment")
    second_page.locator(f"#reply-{comment_id}-body").fill("Ved biblioteket kl. 10")
    question.locator("[data-reply] button[type=submit]").click()

    expect(count).to_be_visible(timeout=5000)
    expect(count.locator("[data-unread-number]")).to_have_text("1")
    expect(page.locator("#unread-announcer")).to_contain_text("1")
    assert page.evaluate("window.__marker") == "not reloaded"

    # The notice list: unread first, its link leads to the reply; marking it read clears the count.
    page.locator("[data-unread-link]").click()
    notice = page.locator(".notification--new").first
    expect(notice).to_be_visible()
    notice.locator("button[type=submit]").click()
    expect(page.locator(".notification--new")).to_have_count(0)
    expect(page.locator("[data-unread-count]")).to_be_hidden()
