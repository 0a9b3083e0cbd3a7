"""Moderation in real browsers: a resident reports a comment from its open page, a moderator
hides it in the Wagtail admin, and the resident's page shows the placeholder without reload."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import CHROMIUM_ARGS, axe_violations, describe, log_in

pytestmark = pytest.mark.browser

DEBATE = "/da/debatter/hvordan-moedes-vi-paa-tvaers/"
TEXT = "Denne kommentar bliver skjult af en moderator"


def wait_live(page):
    expect(page.locator("[data-debate]")).to_have_attribute("data-live", "true", timeout=10000)


def test_a_moderator_hides_a_comment_and_it_leaves_a_residents_open_page(
    browser, page, second_page, e2e_server
):
    assert CHROMIUM_ARGS  # the same browser the other tests use
    writer, reader, moderator = e2e_server.create_accounts(
        ("moderation-writer@example.org",),
        ("moderation-reader@example.org",),
        ("moderation-moderator@example.org", "moderator"),
    )
    url = f"{e2e_server.url}{DEBATE}"

    log_in(page, e2e_server, *writer)
    page.goto(url)
    wait_live(page)
    page.fill("#comment-form-body", TEXT)
    page.locator("#comment-form button[type=submit]").click()
    posted = page.locator(".comment", has_text=TEXT)
    expect(posted).to_be_visible(timeout=3000)
    comment_id = posted.get_attribute("data-comment")

    log_in(second_page, e2e_server, *reader)
    second_page.goto(url)
    wait_live(second_page)
    second_page.evaluate("window.__marker = 'not reloaded'")
    node = second_page.locator(f"#comment-{comment_id}")
    expect(node).to_contain_text(TEXT)
    node.locator("[data-report] > summary").click()
    node.locator("input[name=reason][value=offensive]").check()
    node.locator("[data-report-form] button[type=submit]").click()
    expect(node.locator("[data-report]")).not_to_have_attribute("open", "", timeout=3000)
    violations = axe_violations(second_page)
    assert violations == [], describe(violations)

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        admin = context.new_page()
        log_in(admin, e2e_server, *moderator)
        admin.goto(f"{e2e_server.url}/admin/moderation/")
        expect(admin.locator("main")).to_contain_text(TEXT)
        admin.goto(f"{e2e_server.url}/admin/moderation/comment/{comment_id}/")
        admin.select_option("#hide-reason", "offensive")
        admin.fill("#hide-note", "Personangreb")
        admin.locator("form:has(input[name=action][value=hide]) button[type=submit]").click()
        admin.wait_for_url("**/admin/moderation/")
    finally:
        context.close()

    expect(node).not_to_contain_text(TEXT, timeout=3000)
    expect(node.locator('[data-hidden-reason="offensive"]')).to_be_visible()
    expect(page.locator(f"#comment-{comment_id}")).not_to_contain_text(TEXT, timeout=3000)
    assert second_page.evaluate("window.__marker") == "not reloaded"
