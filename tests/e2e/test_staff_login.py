"""A moderator's first login in a real browser: the admin sends them through the guided set-up
(authenticator app, then recovery codes shown once) and on to the moderation queue; the next
login asks for a code from the app."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, describe

pytestmark = pytest.mark.browser


def test_a_moderators_first_login_walks_the_totp_set_up_and_reaches_the_queue(
    browser, page, e2e_server
):
    email, password = e2e_server.create_account(
        "first-login-moderator@example.org", "moderator", authenticator=False
    )
    page.goto(f"{e2e_server.url}/admin/moderation/")
    # The browser asks for English; the admin sends it to allauth's login in that language.
    expect(page).to_have_url(re.compile(r"/en/konto/login/\?next=(%2F|/)admin(%2F|/)moderation"))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()

    expect(page).to_have_url(re.compile(r"/konto/2fa/totp/activate/$"))
    expect(page.locator("main")).to_contain_text("Step 1 of 2")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
    secret = page.locator("#authenticator_secret").input_value()
    e2e_server.remember_totp(email, secret)
    page.fill("input[name=code]", e2e_server.totp_code(email))
    page.locator("main form button[type=submit]").first.click()

    expect(page).to_have_url(re.compile(r"/konto/2fa/recovery-codes/$"))
    expect(page.locator("main")).to_contain_text("Step 2 of 2")
    codes = page.locator("#recovery_codes").input_value().split()
    assert len(codes) == 10
    page.check("#codes_saved")
    page.locator("[data-setup-done]").click()
    expect(page).to_have_url(f"{e2e_server.url}/admin/moderation/")
    expect(page.locator("main")).to_be_visible()

    # The codes were shown once.
    page.goto(f"{e2e_server.url}/en/konto/2fa/recovery-codes/")
    for code in codes:
        expect(page.locator("main")).not_to_contain_text(code)

    # The next login asks for a code from the app.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        other = context.new_page()
        other.goto(f"{e2e_server.url}/da/konto/login/")
        other.fill("input[name=login]", email)
        other.fill("input[name=password]", password)
        other.locator("main form button[type=submit]").first.click()
        expect(other).to_have_url(re.compile(r"/konto/2fa/authenticate/$"))
        other.goto(f"{e2e_server.url}/admin/moderation/")
        expect(other).not_to_have_url(re.compile(r"/admin/"))  # the password alone is not enough
        other.fill("input[name=code]", e2e_server.totp_code(email))
        with other.expect_navigation(wait_until="domcontentloaded"):
            other.locator("main form button[type=submit]").first.click()
        other.goto(f"{e2e_server.url}/admin/moderation/")
        expect(other).to_have_url(f"{e2e_server.url}/admin/moderation/")
    finally:
        context.close()


def test_the_admins_own_login_page_leads_to_allauth(page, e2e_server):
    page.goto(f"{e2e_server.url}/admin/login/")
    expect(page).to_have_url(re.compile(r"/konto/login/\?next=(%2F|/)admin(%2F|/)$"))
