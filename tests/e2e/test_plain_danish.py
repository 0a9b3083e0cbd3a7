"""Plain Danish in a real browser: the editor's LIX script agrees with Python, the live LIX
under the editor's fields, the glossary disclosure, and "Læs op" shown only where the browser
has a voice for the page's language (speechSynthesis stubbed with a fake voice list)."""

import json
from pathlib import Path

import pytest

from core.readability import lix, lix_html
from tests.core.test_readability import HTML, TEXTS
from tests.e2e.conftest import axe_violations, describe, log_in

pytestmark = pytest.mark.browser

JS = Path(__file__).resolve().parents[2] / "core" / "static" / "core" / "readability.js"
GOAL = "/da/barometer/hovedmaal-2/"
DEBATE = "/da/debatter/tryghed-i-boligomraadet/"

# A speechSynthesis that "speaks" into window.__spoken, with the voices given.
FAKE_SPEECH = """
(() => {
  const voices = %s;
  window.__spoken = [];
  window.__speechCalls = [];
  class FakeUtterance {
    constructor(text) { this.text = text; this.lang = ""; this.voice = null; }
  }
  const synth = {
    paused: false,
    speaking: false,
    getVoices: () => voices,
    speak(u) {
      window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
      this.speaking = true;
    },
    pause() { this.paused = true; window.__speechCalls.push("pause"); },
    resume() { this.paused = false; window.__speechCalls.push("resume"); },
    cancel() { this.speaking = false; window.__speechCalls.push("cancel"); },
    addEventListener() {},
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(
    window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true }
  );
})();
"""


def with_voices(browser, voices):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(FAKE_SPEECH % json.dumps(voices))
    return context


def test_python_and_the_editor_js_agree(browser):
    """The admin shows the score from readability.js; it must be the number Python gives."""
    page = browser.new_page()
    try:
        page.set_content("<!doctype html><title>lix</title>")
        source = JS.read_text() + "\nwindow.__readability = { lix, lixHtml, verdict };\n"
        page.add_script_tag(content=source, type="module")
        page.wait_for_function("window.__readability !== undefined")
        for text in TEXTS:
            js = page.evaluate("t => window.__readability.lix(t)", text)
            py = lix(text)
            assert (js["words"], js["sentences"], js["longWords"]) == (
                py.words,
                py.sentences,
                py.long_words,
            ), text
            assert js["score"] == pytest.approx(py.score), text
            assert page.evaluate("s => window.__readability.verdict(s)", py.score) == py.verdict
        for html in HTML:
            js = page.evaluate("t => window.__readability.lixHtml(t)", html)
            py = lix_html(html)
            assert (js["words"], js["sentences"], js["longWords"]) == (
                py.words,
                py.sentences,
                py.long_words,
            ), html
            assert js["score"] == pytest.approx(py.score), html
    finally:
        page.close()


def test_read_aloud_speaks_the_main_text_in_danish_where_there_is_a_danish_voice(
    browser, e2e_server
):
    context = with_voices(
        browser,
        [
            {"name": "Fake English", "lang": "en-GB", "default": True},
            {"name": "Fake Dansk", "lang": "da-DK", "default": False},
        ],
    )
    page = context.new_page()
    try:
        page.goto(e2e_server.url + GOAL)
        read = page.get_by_role("button", name="Read aloud").or_(
            page.get_by_role("button", name="Læs op")
        )
        read.first.click()
        spoken = page.evaluate("window.__spoken")
        assert spoken, "nothing was spoken"
        assert {s["lang"] for s in spoken} == {"da-DK"}
        assert {s["voice"] for s in spoken} == {"Fake Dansk"}
        text = " ".join(s["text"] for s in spoken)
        assert "Hovedmål 2" in text
        assert "Overledigheden blandt etniske minoriteter" in text
        summary = page.locator(".in-short p").text_content().strip()
        assert summary in text
        # Not the barometer's numbers, the footer or the menu.
        assert "Bland dig i byen" not in text.replace("”Bland dig i byen”", "")
        assert "Seneste" not in text
        # Pause, go on and stop are buttons too; stop brings the read button back.
        page.locator("[data-read-aloud] [data-action=pause]").click()
        page.locator("[data-read-aloud] [data-action=pause]").click()
        page.locator("[data-read-aloud] [data-action=stop]").click()
        assert page.evaluate("window.__speechCalls").count("cancel") >= 2
        assert page.locator("[data-read-aloud] [data-action=read]").is_visible()
        assert "pause" in page.evaluate("window.__speechCalls")
        assert "resume" in page.evaluate("window.__speechCalls")
        violations = axe_violations(page)
        assert violations == [], describe(violations)
    finally:
        context.close()


def test_read_aloud_is_absent_without_a_voice_for_the_language(browser, e2e_server):
    context = with_voices(browser, [{"name": "Fake English", "lang": "en-US", "default": True}])
    page = context.new_page()
    try:
        page.goto(e2e_server.url + GOAL)
        assert page.locator("[data-read-aloud]").is_hidden()
        assert page.locator("[data-read-aloud] button").count() == 0
        # The same browser has an English voice, so the English page offers it.
        page.goto(e2e_server.url + "/en/barometer/main-goal-2/")
        page.locator("[data-read-aloud] [data-action=read]").click()
        spoken = page.evaluate("window.__spoken")
        assert spoken and {s["lang"] for s in spoken} == {"en-US"}
    finally:
        context.close()


def test_read_aloud_is_absent_without_javascript(browser, e2e_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(e2e_server.url + GOAL)
        assert page.locator("[data-read-aloud]").is_hidden()
        # The glossary still works: the term is a link to its explanation.
        page.locator("a.term").first.click()
        assert page.url.endswith("#term-overledighed")
        assert page.locator("#term-overledighed").is_visible()
    finally:
        context.close()


def test_read_aloud_on_a_debate_reads_the_question_and_introduction(browser, e2e_server):
    context = with_voices(browser, [{"name": "Fake Dansk", "lang": "da_DK", "default": True}])
    page = context.new_page()
    try:
        page.goto(e2e_server.url + DEBATE)
        page.locator("[data-read-aloud] [data-action=read]").click()
        text = " ".join(s["text"] for s in page.evaluate("window.__spoken"))
        assert "Hvad gør dit boligområde trygt at færdes i?" in text
        assert "tryghedsindekset" in text
        # Comments are residents' words, not the page's text.
        assert "Gadelys" not in text
    finally:
        context.close()


def test_glossary_term_opens_its_explanation_in_place_with_the_keyboard(page, e2e_server):
    page.goto(e2e_server.url + GOAL)
    term = page.locator("button.term").first
    assert term.get_attribute("aria-expanded") == "false"
    note = page.locator("#" + term.get_attribute("aria-controls"))
    assert note.is_hidden()
    term.focus()
    page.keyboard.press("Enter")
    assert term.get_attribute("aria-expanded") == "true"
    assert note.is_visible()
    assert "uden arbejde" in note.text_content()
    page.keyboard.press("Escape")
    assert note.is_hidden()
    violations = axe_violations(page)
    assert violations == [], describe(violations)


def test_editor_sees_a_live_lix_score_under_summary_and_body(page, e2e_server):
    email, password = e2e_server.create_account("plain-editor@example.org", "admin")
    log_in(page, e2e_server, email, password)
    found = page.request.get(
        f"{e2e_server.url}/api/v2/pages/?type=home.GoalPage&slug=hovedmaal-2&locale=da"
    ).json()
    edit = found["items"][0]["id"]
    page.goto(f"{e2e_server.url}/admin/pages/{edit}/edit/")
    score = page.locator("[data-lix-score=plain_summary]")
    score.wait_for()
    first = float(score.get_attribute("data-score"))
    summary = page.locator("textarea[name=plain_summary]")
    assert first == pytest.approx(lix(summary.input_value()).score)
    assert score.get_attribute("data-verdict") == "easy"
    hard = (
        "Beskæftigelsesfrekvensen blandt indvandrere forventes forbedret gennem "
        "virksomhedsrettede opkvalificeringsforløb, mentorordninger og "
        "sammenhængende integrationsindsatser"
    )
    summary.fill(hard)
    page.wait_for_function(
        "s => Math.abs(document.querySelector('[data-lix-score=plain_summary]')"
        ".dataset.score - s) < 1e-9",
        arg=lix(hard).score,
    )
    assert score.get_attribute("data-verdict") == "hard"
    assert str(round(lix(hard).score)) in score.text_content()
    body = page.locator("[data-lix-score=body]")
    assert body.count() == 1
    statement = page.locator("[data-lix-score=statement]")
    assert statement.is_visible()
