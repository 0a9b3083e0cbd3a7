"""Right-to-left text that opens with a Latin name still reads right to left.

The Arabic, Urdu and Persian front pages quote the call «Bland dig i byen» first. Each block
on a right-to-left page otherwise takes its direction from its first letter (site.css, for
Danish or English text it may show), which turned these paragraphs left to right with their
brackets on the wrong side. A page's own text in its own right-to-left language is marked
dir="rtl" and keeps that direction: its first letter sits at the right edge."""

import pytest

FIRST_LETTER_SIDE = """(selector) => {
  const block = document.querySelector(selector);
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  while (node && !node.textContent.trim()) node = walker.nextNode();
  const offset = node.textContent.search(/\\S/);
  const range = document.createRange();
  range.setStart(node, offset);
  range.setEnd(node, offset + 1);
  const letter = range.getBoundingClientRect();
  const box = block.getBoundingClientRect();
  return {
    text: node.textContent.trim().slice(0, 20),
    fromRight: Math.round(box.right - letter.right),
    fromLeft: Math.round(letter.left - box.left),
  };
}"""


@pytest.mark.parametrize("lang", ["ar", "ur", "fa"])
@pytest.mark.parametrize("width", [375, 1280])
def test_a_front_page_that_opens_with_a_latin_name_reads_right_to_left(
    browser, e2e_server, lang, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{e2e_server.url}/{lang}/")
    side = page.evaluate(FIRST_LETTER_SIDE, ".hero .lead")
    assert side["text"].startswith("«Bland"), side
    assert side["fromRight"] <= 2, (
        f"/{lang}/ at {width}px: the first letter is not at the right: {side}"
    )
    summary = page.evaluate(FIRST_LETTER_SIDE, ".in-short p")
    assert summary["fromRight"] <= 2, summary
    context.close()


def test_danish_text_on_a_right_to_left_page_still_reads_left_to_right(browser, e2e_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{e2e_server.url}/fa/politik/")  # the Danish policy page under /fa/
    side = page.evaluate(FIRST_LETTER_SIDE, "main h1")
    assert side["fromLeft"] <= 2, side
    context.close()
