"""Phones and right to left, checked on the rendered page: at 320, 375 and 1280 px, in Danish
and Arabic, nothing runs out of its box, the header leaves the screen to the content, the menu
button works with and without JavaScript, chart labels stay on the canvas and list numbers stay
beside their text. Screenshots of every page land in a temporary folder (printed with -s) for a
look by eye."""

import io
import tempfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, describe

pytestmark = pytest.mark.browser

LANGUAGES = ("da", "ar")
PAGES = {
    "home": "/{lang}/",
    "barometer": "/{lang}/barometer/",
    "goal": "/{lang}/barometer/hovedmaal-1/",
    "partners": "/{lang}/partnere/",
    "events": "/{lang}/arrangementer/",
    "annual-cycle": "/{lang}/arrangementer/aarshjul/",
    "take-part": "/{lang}/deltag/",
    "debate": None,  # the first debate listed on /{lang}/debatter/
}
PHONE = {"width": 375, "height": 667}

# Every element with text, and every run of text, must fit the box it sits in. Text inside a
# scroll region (overflow-x auto or scroll) is allowed past its box: that is what the region is
# for, and axe checks that each one can be reached by keyboard.
OVERFLOW_JS = """
() => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth - width}px too wide`);
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + (typeof el.className === "string" && el.className
      ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  const skipped = (el) => el.closest(".visually-hidden, svg, script, style, template, noscript")
    || !el.checkVisibility({ visibilityProperty: true });
  const inScroller = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX;
      if (o === "auto" || o === "scroll") return true;
    }
    return false;
  };
  const blockOf = (el) => {
    let e = el;
    while (e && ["inline", "contents"].includes(getComputedStyle(e).display)) e = e.parentElement;
    return e;
  };
  const reported = new Set();
  const report = (el, text, by) => {
    if (reported.has(el)) return;
    reported.add(el);
    const words = text.trim().slice(0, 40);
    problems.push(`${name(el)} "${words}" is ${Math.round(by)}px wider than its box`);
  };
  for (const el of document.body.querySelectorAll("*")) {
    if (!el.textContent.trim() || skipped(el) || inScroller(el)) continue;
    const display = getComputedStyle(el).display;
    if (display === "inline" || display === "contents") continue;
    const extra = el.scrollWidth - el.clientWidth;
    if (el.clientWidth > 0 && extra > 1) report(el, el.textContent, extra);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || skipped(el) || inScroller(el)) continue;
    const box = blockOf(el).getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width < 1) continue;
      const out = Math.max(box.left - r.left, r.right - box.right, -r.left, r.right - width);
      if (out > 1) { report(blockOf(el), node.textContent, out); break; }
    }
  }
  return problems;
}
"""


@pytest.fixture(scope="module")
def shots():
    folder = Path(tempfile.mkdtemp(prefix="bdib-phone-"))
    print(f"\nScreenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def urls(browser, e2e_server):
    """Every page of the list, in each language, as a path."""
    context = browser.new_context()
    page = context.new_page()
    found = {}
    for lang in LANGUAGES:
        page.goto(f"{e2e_server.url}/{lang}/debatter/")
        slug = page.evaluate(
            """() => [...document.querySelectorAll("main a[href]")]
                .map((a) => a.pathname.match(/^\\/[a-z]+\\/debatter\\/([^/]+)\\/$/))
                .find(Boolean)?.[1]"""
        )
        assert slug, f"/{lang}/debatter/ lists no debate"
        debate = f"/{lang}/debatter/{slug}/"
        for key, path in PAGES.items():
            found[(lang, key)] = path.format(lang=lang) if path else debate
    context.close()
    return found


@pytest.mark.parametrize("width", [320, 375, 1280])
def test_no_text_runs_out_of_its_box(browser, e2e_server, urls, shots, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems = []
    for (lang, key), path in urls.items():
        response = page.goto(e2e_server.url + path)
        assert response.ok, f"{path}: {response.status}"
        # Whole pages on phones; the top of the page is enough to look at on a wide screen.
        page.screenshot(path=shots / f"{width}-{lang}-{key}.png", full_page=width < 600)
        problems += [f"{path} at {width}px: {p}" for p in page.evaluate(OVERFLOW_JS)]
        if width < 600 and key == "home":  # the open menu is the same on every page
            page.locator("summary.site-menu__toggle").click()
            problems += [
                f"{path}, menu open, at {width}px: {p}" for p in page.evaluate(OVERFLOW_JS)
            ]
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phone_header_takes_at_most_a_quarter_of_the_screen(browser, e2e_server, urls, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    for key in PAGES:
        page.goto(e2e_server.url + urls[(lang, key)])
        height = page.evaluate(
            "document.querySelector('.site-header').getBoundingClientRect().height"
        )
        assert height <= PHONE["height"] / 4, f"{urls[(lang, key)]}: the header is {height}px high"
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_menu_button_opens_and_closes_the_menu_and_says_so(browser, e2e_server, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{e2e_server.url}/{lang}/")
    toggle = page.locator("summary.site-menu__toggle")
    links = page.locator(".main-nav a")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not links.first.is_visible()
    assert not page.locator("#site-search-q").is_visible()

    toggle.focus()
    page.keyboard.press("Enter")
    # The script answers the toggle event a moment later: wait for it (up to 5 s), not a guess.
    expect(toggle).to_have_attribute("aria-expanded", "true", timeout=5000)
    assert links.count() >= 4
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    assert page.locator("#site-search-q").is_visible()
    assert page.locator(".account-nav a").first.is_visible()
    assert page.locator(".language-switcher a").first.is_visible()
    violations = axe_violations(page)
    assert violations == [], describe(violations)

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false", timeout=5000)
    assert not links.first.is_visible()
    assert page.evaluate("document.activeElement.matches('summary.site-menu__toggle')")
    context.close()


def test_menu_button_works_without_javascript(browser, e2e_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{e2e_server.url}/da/")
    links = page.locator(".main-nav a")
    assert not links.first.is_visible()
    page.locator("summary.site-menu__toggle").click()
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    links.nth(1).click()
    page.wait_for_load_state()
    assert page.url.startswith(f"{e2e_server.url}/da/") and page.url != f"{e2e_server.url}/da/"
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_wide_screen_shows_the_whole_menu_on_one_row_with_short_labels(page, e2e_server, lang):
    page.goto(f"{e2e_server.url}/{lang}/")
    assert not page.locator("summary.site-menu__toggle").is_visible()
    links = page.locator(".main-nav a")
    assert all(links.nth(i).is_visible() for i in range(links.count()))
    tops = page.evaluate(
        """[...document.querySelectorAll('.main-nav a')]
            .map(a => Math.round(a.getBoundingClientRect().top))"""
    )
    assert len(set(tops)) == 1, f"the menu takes {len(set(tops))} rows"
    labels = links.all_inner_texts()
    assert all(len(label.replace("\u00ad", "")) <= 30 for label in labels), labels
    if lang == "da":
        assert "Politikken" in labels


RIGHT_TO_LEFT = ("ar", "ur", "fa")


@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
@pytest.mark.parametrize("width", [375, 1280])
def test_chart_labels_stay_inside_the_chart_right_to_left(browser, e2e_server, width, lang):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    for path in (f"/{lang}/partnere/", f"/{lang}/barometer/hovedmaal-1/"):
        page.goto(e2e_server.url + path)
        outside = page.evaluate(
            """() => {
              const out = [];
              const svgs = document.querySelectorAll("svg.partner-chart__svg, svg.chart__svg");
              for (const svg of svgs) {
                const frame = svg.getBoundingClientRect();
                for (const text of svg.querySelectorAll("text")) {
                  const r = text.getBoundingClientRect();
                  if (!text.textContent.trim()) continue;
                  if (r.left < frame.left - 1 || r.right > frame.right + 1)
                    out.push(`${text.textContent.trim()}: ${Math.round(r.left - frame.left)}`
                      + `..${Math.round(r.right - frame.left)} of ${Math.round(frame.width)}`);
                }
              }
              return [svgs.length, out];
            }"""
        )
        count, problems = outside
        assert count, f"{path} shows no chart"
        assert problems == [], f"{path} at {width}px: labels outside the chart: {problems}"
    context.close()


MARKER_ONLY = """
main ol > li, main ol > li * { color: transparent !important;
  text-decoration-color: transparent !important;
  background: transparent !important; border-color: transparent !important; }
main ol > li::marker { color: #000 !important; }
"""


def _ink_columns(png: bytes) -> list[int]:
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("L")
    width, height = image.size
    pixels = image.load()
    return [x for x in range(width) if any(pixels[x, y] < 128 for y in range(height))]


@pytest.mark.parametrize("path", ["/{lang}/", "/{lang}/deltag/"])
@pytest.mark.parametrize("lang", RIGHT_TO_LEFT)
@pytest.mark.parametrize("width", [375, 1280])
def test_list_numbers_sit_beside_their_text_right_to_left(browser, e2e_server, width, lang, path):
    """The number of a numbered list item is found by drawing only the numbers; its distance to
    the item's first line of text is measured from the two boxes."""
    # bypass_csp: the test adds a style of its own to draw only the numbers.
    context = browser.new_context(viewport={"width": width, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(e2e_server.url + path.format(lang=lang))
    assert page.locator("html").get_attribute("dir") == "rtl"
    items = page.locator("main ol > li")
    assert items.count() >= 3, f"{path.format(lang=lang)} has no numbered list"
    page.add_style_tag(content=MARKER_ONLY)  # colours only: nothing moves
    for i in range(3):
        line = items.nth(i).evaluate(
            """(li) => {
              const range = document.createRange();
              range.selectNodeContents(li);
              const rects = [...range.getClientRects()].filter((r) => r.width > 0);
              const top = Math.min(...rects.map((r) => r.top));
              const first = rects.filter((r) => r.top < top + 4);
              const box = li.getBoundingClientRect();
              return { left: Math.min(...first.map((r) => r.left)),
                       right: Math.max(...first.map((r) => r.right)),
                       top: top + window.scrollY,
                       bottom: Math.max(...first.map((r) => r.bottom)) + window.scrollY,
                       boxLeft: box.left, boxRight: box.right };
            }"""
        )
        left = max(0, min(line["left"], line["boxLeft"]) - 80)
        right = min(width, max(line["right"], line["boxRight"]) + 80)
        clip = {
            "x": left,
            "y": line["top"],
            "width": right - left,
            "height": line["bottom"] - line["top"],
        }
        ink = _ink_columns(page.screenshot(clip=clip, full_page=True))
        assert ink, f"item {i + 1}: no number drawn"
        marker_left, marker_right = left + ink[0], left + ink[-1]
        gap = max(line["left"] - marker_right, marker_left - line["right"])
        assert gap <= 24, f"item {i + 1}: the number is {gap:.0f}px from its text at {width}px"
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_have_no_axe_violations_on_a_phone(browser, e2e_server, urls, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    found = []
    for key in PAGES:
        page.goto(e2e_server.url + urls[(lang, key)])
        violations = axe_violations(page)
        if violations:
            found.append(f"{urls[(lang, key)]}:\n{describe(violations)}")
    context.close()
    assert not found, "\n".join(found)


def test_every_tab_stop_of_a_month_field_shows_focus(page, e2e_server):
    """A month field is several Tab stops (the month and year, then the calendar button); each
    shows a focus ring, and the calendar button itself looks different while it has focus."""
    page.goto(f"{e2e_server.url}/da/arrangementer/")
    field = page.locator("input[type=month]").first
    field.focus()
    stops = 0
    while page.evaluate("document.activeElement.type === 'month'") and stops < 6:
        ring = page.evaluate(
            """() => { const s = getComputedStyle(document.activeElement);
                       return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"""
        )
        assert ring[0] != "none" and ring[1] >= 2, f"Tab stop {stops + 1} shows no focus: {ring}"
        stops += 1
        page.keyboard.press("Tab")
    assert stops >= 2, "the month field has no calendar button stop"

    box = field.bounding_box()
    button = {"x": box["x"] + box["width"] - 44, "y": box["y"] + 4, "width": 40}
    button["height"] = box["height"] - 8
    page.evaluate("document.activeElement.blur()")
    unfocused = page.screenshot(clip=button)
    field.focus()
    for _ in range(stops - 1):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type === 'month'")
    assert page.screenshot(clip=button) != unfocused, "the calendar button shows no focus"
