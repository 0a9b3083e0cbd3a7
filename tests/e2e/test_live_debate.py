"""Two real browsers on one debate: what one writes, the other sees without reloading."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.browser


def first_open_debate_url(page, server):
    return f"{server.url}/da/debatter/hvordan-moedes-vi-paa-tvaers/"


def test_a_comment_posted_in_one_page_appears_in_another_without_reload(
    page, second_page, e2e_server
):
    email, password = e2e_server.create_account("live-writer@example.org")
    log_in(page, e2e_server, email, password)
    debate_url = first_open_debate_url(page, e2e_server)
    second_page.goto(debate_url)
    page.goto(debate_url)
    expect(page.locator("[data-debate]")).to_have_attribute("data-live", "true", timeout=10000)
    expect(second_page.locator("[data-debate]")).to_have_attribute(
        "data-live", "true", timeout=10000
    )
    second_page.evaluate("window.__marker = 'not reloaded'")

    page.fill("#comment-form-body", "Hej fra den første browser")
    page.locator("#comment-form button[type=submit]").click()

    new_comment = second_page.locator(".comment", has_text="Hej fra den første browser")
    expect(new_comment).to_be_visible(timeout=3000)
    assert second_page.evaluate("window.__marker") == "not reloaded"
    expect(page.locator("#comment-form-body")).to_have_value("")


def test_a_live_comment_can_be_answered_through_its_own_reply_form(page, second_page, e2e_server):
    """The new comment is cloned from the server's include: its reply form gets the comment's
    ids, counts characters against the server's limit and sends a reply that arrives live."""
    writer, replier = e2e_server.create_accounts(
        ("live-asker@example.org",), ("live-replier@example.org",)
    )
    log_in(page, e2e_server, *writer)
    log_in(second_page, e2e_server, *replier)
    debate_url = first_open_debate_url(page, e2e_server)
    page.goto(debate_url)
    second_page.goto(debate_url)
    for each in (page, second_page):
        expect(each.locator("[data-debate]")).to_have_attribute("data-live", "true", timeout=10000)

    page.fill("#comment-form-body", "Hvem kommer med i morgen?")
    page.locator("#comment-form button[type=submit]").click()
    question = second_page.locator(".comment", has_text="Hvem kommer med i morgen?")
    expect(question).to_be_visible(timeout=3000)
    comment_id = question.get_attribute("data-comment")

    question.locator("[data-reply] > summary").click()
    reply_body = second_page.locator(f"#reply-{comment_id}-body")
    expect(reply_body).to_be_visible()
    label_for = question.locator("[data-reply] label").get_attribute("for")
    assert label_for == f"reply-{comment_id}-body"
    reply_body.fill("Det gør jeg")
    counter = question.locator("[data-reply] [data-counter]")
    expect(counter).to_have_text("11 / 2000")
    question.locator("[data-reply] button[type=submit]").click()

    reply = page.locator(f"#comment-{comment_id} [data-replies] .comment", has_text="Det gør jeg")
    expect(reply).to_be_visible(timeout=3000)
    expect(reply).to_have_class("comment comment--depth-1")
