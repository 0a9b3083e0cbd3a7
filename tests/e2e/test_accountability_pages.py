"""The accountability pages in a real browser (issue 15, point 9): the plan, the activity list,
the think tank, the status report, the annual cycle and a goal with its activities, in Danish,
English and Arabic at 375 px (the filtered activity list at 1280 px too; the accessibility matrix
checks every page type at 1280 px in every language): no axe WCAG 2.1 A/AA violations, nothing
wider than the phone, and the activity history opens from the keyboard."""

from urllib.parse import urlsplit

import pytest

from tests.e2e.conftest import axe_violations, describe

pytestmark = pytest.mark.browser

LANGUAGES = ("da", "en", "ar")
PAGE_TYPES = (
    "accountability.ActionPlanPage",
    "accountability.ThinkTankPage",
    "accountability.StatusReportPage",
)


def paths(page, server, language: str) -> list[str]:
    found = [
        f"/{language}/handleplaner/aktiviteter/",
        f"/{language}/handleplaner/aktiviteter/?status=delayed",
        f"/{language}/arrangementer/aarshjul/",
    ]
    for page_type in (*PAGE_TYPES, "home.GoalPage"):
        response = page.request.get(
            f"{server.url}/api/v2/pages/?type={page_type}&locale={language}&limit=1"
        )
        items = response.json()["items"]
        assert items, (page_type, language)
        found.append(urlsplit(items[0]["meta"]["html_url"]).path)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_accountability_pages_pass_axe_at_both_widths_and_fit_a_phone(
    page, second_page, e2e_server, language
):
    failures = []
    for path in paths(page, e2e_server, language):
        # The accessibility matrix checks each of these page types at 1280 px in every
        # language; here the phone width, and the filtered list at both.
        viewers = ((page, 1280), (second_page, 375)) if "?" in path else ((second_page, 375),)
        for viewer, width in viewers:
            response = viewer.goto(e2e_server.url + path)
            assert response.status == 200, path
            assert viewer.locator("html").get_attribute("lang") == language
            violations = axe_violations(viewer)
            if violations:
                failures.append(f"{path} at {width}px: {describe(violations)}")
            if width == 375:
                overflow = viewer.evaluate(
                    "document.documentElement.scrollWidth - window.innerWidth"
                )
                if overflow > 0:
                    failures.append(f"{path} is {overflow}px too wide at 375px")
    assert failures == [], "\n".join(failures)


def test_an_activitys_history_opens_from_the_keyboard(page, e2e_server):
    page.goto(f"{e2e_server.url}/da/handleplaner/aktiviteter/?status=delayed")
    summary = page.locator(".activity__history summary").first
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator(".activity__history").first.get_attribute("open") is not None
    assert page.locator(".history-list li").first.is_visible()
