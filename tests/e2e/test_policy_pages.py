"""Policy pages in a real browser, in Danish and English: search results without axe WCAG 2.1
A/AA violations, nothing wider than a 375 px phone, and the ways to a goal and a project."""

import pytest

from tests.e2e.conftest import axe_violations, describe

pytestmark = pytest.mark.browser

PAGES = {
    "da": [
        "/da/",
        "/da/politik/",
        "/da/politik/alle-unge-god-start/",
        "/da/politik/alle-unge-god-start/integrationsloeft-paa-de-10-svageste-skoler/",
        "/da/politik/en-samlet-integrationsindsats/",
        "/da/politik/beskaeftigelses-og-integrationsudvalget/",
        "/da/barometer/",
        "/da/barometer/hovedmaal-2/",
        "/da/barometer/overordnet-maalsaetning/",
        "/da/soeg/?q=skoler",
    ],
    "en": [
        "/en/",
        "/en/policy/",
        "/en/policy/alle-unge-god-start/",
        "/en/policy/alle-unge-god-start/integration-boost-at-the-10-weakest-schools/",
        "/en/policy/a-joint-integration-effort/",
        "/en/policy/example-action-plan-for-the-employment-and-integration-committee/",
        "/en/barometer/",
        "/en/barometer/main-goal-2/",
        "/en/barometer/overall-target/",
        "/en/soeg/?q=schools",
    ],
}
# Every policy page type (home, policy, focus area, goal, lighthouse project, action plan,
# barometer) is checked by axe in every language by the accessibility matrix
# (test_accessibility_matrix.py); search with results is a state it does not reach.
SEARCHES = {"da": "/da/soeg/?q=skoler", "en": "/en/soeg/?q=schools"}


@pytest.mark.parametrize(("language", "path"), SEARCHES.items())
def test_search_results_have_no_axe_violations(page, e2e_server, language, path):
    response = page.goto(e2e_server.url + path)
    assert response.status == 200, path
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("main li a").count() > 0, "no results"
    violations = axe_violations(page)
    assert violations == [], describe(violations)


@pytest.mark.parametrize("language", ["da", "en"])
def test_policy_pages_fit_a_phone(second_page, e2e_server, language):
    for path in PAGES[language]:
        second_page.goto(e2e_server.url + path)
        overflow = second_page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px too wide at 375px"


def test_a_resident_reaches_a_goal_and_its_chart_in_two_clicks(page, e2e_server):
    page.goto(f"{e2e_server.url}/da/")
    page.get_by_role("link", name="Integrationsbarometeret").first.click()
    page.get_by_role("link", name="Hovedmål 2").first.click()
    assert page.url.endswith("/da/barometer/hovedmaal-2/")
    chart = page.locator("svg[role=img]").first
    assert "Overledighed" in chart.locator("title").text_content()
    assert page.locator("figure table tbody tr").count() >= 1
    assert page.locator(".example-notice").is_visible()


def test_header_search_finds_a_lighthouse_project(page, e2e_server):
    page.goto(f"{e2e_server.url}/da/")
    page.get_by_label("Search the site").or_(page.locator("#site-search-q")).first.fill("skoler")
    page.locator(".site-search button").click()
    page.wait_for_load_state()
    assert "/da/soeg/" in page.url
    assert page.get_by_role("link", name="Integrationsløft på de 10 svageste skoler").is_visible()
