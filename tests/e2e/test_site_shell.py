import pytest

from tests.e2e.conftest import axe_violations, describe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("language", "direction"),
    [
        ("da", "ltr"),
        ("ar", "rtl"),
        ("en", "ltr"),
        ("tr", "ltr"),
        ("ur", "rtl"),
        ("so", "ltr"),
        ("pl", "ltr"),
        ("fa", "rtl"),
    ],
)
def test_home_page_has_language_and_direction(page, e2e_server, language, direction):
    """(axe checks the home page in every language in the accessibility matrix.)"""
    page.goto(f"{e2e_server.url}/{language}/")
    html = page.locator("html")
    assert html.get_attribute("lang") == language
    assert html.get_attribute("dir") == direction


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, e2e_server):
    page.goto(f"{e2e_server.url}/da/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_takes_the_reader_to_arabic_right_to_left(page, e2e_server):
    page.goto(f"{e2e_server.url}/da/")
    page.locator(".language-switcher a[hreflang=ar]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.url.endswith("/ar/")


@pytest.mark.parametrize("width", [375, 1280])
def test_pages_fit_the_screen_without_sideways_scrolling(browser, e2e_server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in ("/da/", "/ar/", "/ur/", "/pl/", "/da/konto/signup/", "/da/tilgaengelighed/"):
        page.goto(e2e_server.url + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px too wide at {width}px"
    context.close()


def test_sign_up_page_has_no_axe_violations(page, e2e_server):
    page.goto(f"{e2e_server.url}/da/konto/signup/")
    violations = axe_violations(page)
    assert violations == [], describe(violations)
