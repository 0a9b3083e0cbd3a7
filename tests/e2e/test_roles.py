"""The role table at work in a real browser: an editor adds a barometer measurement to a goal
in the Wagtail admin and publishes it (no approval step, no superuser), and it appears on the
public goal page; a comment moderator is refused the page editor but reaches the moderation
queue."""

import json
import urllib.parse
import urllib.request

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.browser

GOAL = "/da/barometer/hovedmaal-2/"
PERIOD = "2030, 1. halvår (e2e)"


def goal_page_id(server) -> int:
    """Asked of the server's page API (no manage.py process to start)."""
    query = "type=home.GoalPage&slug=hovedmaal-2&locale=da"
    with urllib.request.urlopen(f"{server.url}/api/v2/pages/?{query}", timeout=30) as response:
        (found,) = [
            item
            for item in json.load(response)["items"]
            if urllib.parse.urlsplit(item["meta"]["html_url"]).path == GOAL
        ]
    return found["id"]


def test_an_editor_publishes_a_new_measurement_and_a_moderator_stays_out(browser, e2e_server):
    page_id = goal_page_id(e2e_server)
    editor, moderator = e2e_server.create_accounts(
        ("roles-editor@example.org", "editor"), ("roles-moderator@example.org", "moderator")
    )

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        admin = context.new_page()
        log_in(admin, e2e_server, *editor)
        admin.goto(f"{e2e_server.url}/admin/pages/{page_id}/edit/")
        expect(admin.locator("form#page-edit-form")).to_be_visible()

        measurements = admin.locator("[id^='id_indicators-0-measurements-'][id$='-period_label']")
        before = measurements.count()
        admin.locator("#id_indicators-0-measurements-ADD").click()
        expect(measurements).to_have_count(before + 1)
        prefix = f"#id_indicators-0-measurements-{before}"
        admin.fill(f"{prefix}-period_label", PERIOD)
        admin.fill(f"{prefix}-value", "42")
        # Set without focusing the field: its date picker would cover the footer.
        admin.locator(f"{prefix}-period_start").evaluate("(field) => field.value = '2030-01-01'")

        publish = admin.locator("button[name=action-publish]")
        if not publish.is_visible():
            admin.locator("footer [data-w-dropdown-target=toggle]").first.click()
        expect(publish).to_be_visible()
        publish.click()
        admin.wait_for_url("**/admin/pages/**")
        expect(admin.locator(".messages")).to_contain_text("publi", ignore_case=True)
    finally:
        context.close()

    public = browser.new_context().new_page()
    response = public.goto(f"{e2e_server.url}{GOAL}")
    assert response.status == 200
    expect(public.locator("main")).to_contain_text(PERIOD)
    public.context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        admin = context.new_page()
        log_in(admin, e2e_server, *moderator)
        admin.goto(f"{e2e_server.url}/admin/pages/{page_id}/edit/")
        expect(admin.locator("form#page-edit-form")).to_have_count(0)
        response = admin.goto(f"{e2e_server.url}/admin/moderation/")
        assert response.status == 200
        expect(admin.locator("main")).to_be_visible()
    finally:
        context.close()
