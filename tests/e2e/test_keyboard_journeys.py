"""What a new user does, with the keyboard alone (Tab, Enter, Space, arrows; no clicks): sign up
and verify from the mail, comment and reply, react, report, see a live comment arrive, register
an organisation through its errors, switch language. After each post the test asks where focus
is (document.activeElement), and axe (WCAG 2.1 A/AA) checks each state reached: a form with
server errors, an open reply form, a live comment inserted, a moderation notice."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, describe, log_in

pytestmark = pytest.mark.browser

DEBATE = "/da/debatter/hvordan-moedes-vi-paa-tvaers/"
PREMODERATED = "/da/debatter/praktikpladser-til-unge/"
EVENT = "/da/arrangementer/statusmoede/"
PASSWORD = "e2e-Pass-1234"
DEBATE_SETUP = f"""
from django.core.management import call_command
from dialogue.models import DebatePage
for email in ("tastatur-debat@example.org", "tastatur-anden@example.org"):
    call_command("create_account", email=email, role="resident", password={PASSWORD!r})
DebatePage.objects.filter(slug="praktikpladser-til-unge").update(state="premoderated")
"""
MAX_TABS = 120


def tab_to(page, selector: str, *, within: str | None = None) -> None:
    """Presses Tab until the focused element matches `selector` (inside `within`)."""
    script = (
        "([s, w]) => document.activeElement.matches(s)"
        " && (!w || !!document.activeElement.closest(w))"
    )
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(script, [selector, within]):
            return
    raise AssertionError(f"Tab never reached {selector}")


def focused(page, selector: str) -> bool:
    return page.evaluate("(s) => document.activeElement.matches(s)", selector)


def focus_description(page) -> str:
    return page.evaluate(
        "() => { const e = document.activeElement; return e.outerHTML.slice(0, 160); }"
    )


def assert_axe_clean(page, state: str) -> None:
    violations = axe_violations(page)
    assert violations == [], f"{state}:\n{describe(violations)}"


def submit_with_enter(page) -> None:
    with page.expect_navigation():
        page.keyboard.press("Enter")


def wait_live(page) -> None:
    expect(page.locator("[data-debate]")).to_have_attribute("data-live", "true", timeout=10000)


def test_sign_up_with_errors_then_verify_from_the_mail(page, e2e_server):
    page.goto(f"{e2e_server.url}/da/konto/signup/")
    typed = {
        "#id_display_name": "Tastatur",
        "#id_email": "tastatur@example.org",
        "#id_password1": "lang-og-sikker-2026",
        "#id_password2": "en-anden-kode-2026",  # does not match: a server-side error
    }
    for selector, text in typed.items():
        tab_to(page, selector)
        page.keyboard.type(text)
    submit_with_enter(page)  # Enter in a field sends its form
    # Server errors: focus on the summary, which is an alert whose links reach the fields.
    assert focused(page, "[data-error-summary][role=alert]"), focus_description(page)
    assert_axe_clean(page, "sign-up with server errors")
    tab_to(page, "[data-error-summary] a[href='#id_password2']")
    page.keyboard.press("Enter")
    assert focused(page, "#id_password2"), focus_description(page)
    assert page.locator("#id_email").input_value() == "tastatur@example.org"  # nothing lost
    for selector in ("#id_password1", "#id_password2"):  # passwords are never sent back
        tab_to(page, selector)
        page.keyboard.type("lang-og-sikker-2026")
    submit_with_enter(page)

    [mail] = e2e_server.outbox(to="tastatur@example.org")
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", mail).group(0)
    page.goto(link.replace(re.match(r"https?://[^/]+", link).group(0), e2e_server.url))
    tab_to(page, "main form button[type=submit]")
    submit_with_enter(page)
    page.goto(f"{e2e_server.url}/da/profil/")
    expect(page.locator("main")).to_contain_text("tastatur@example.org")


def test_comment_reply_react_report_and_a_moderation_notice(page, second_page, e2e_server):
    # One process for the two accounts and the pre-moderated debate: each start costs seconds.
    e2e_server.manage("shell", "-c", DEBATE_SETUP)
    log_in(page, e2e_server, "tastatur-debat@example.org", PASSWORD)
    log_in(second_page, e2e_server, "tastatur-anden@example.org", PASSWORD)
    page.goto(e2e_server.url + DEBATE)
    wait_live(page)

    # A comment: focus goes to it once it is posted.
    tab_to(page, "#comment-form-body")
    page.keyboard.type("Jeg skriver med tastaturet")
    tab_to(page, "#comment-form button[type=submit]")
    page.keyboard.press("Enter")
    mine = page.locator(".comment", has_text="Jeg skriver med tastaturet").first
    expect(mine).to_be_focused(timeout=5000)
    expect(page.locator("[data-announcer]")).not_to_be_empty()

    # A reply to it: the box opens with Enter on "Reply", a few Tabs away from the comment.
    mine_id = mine.get_attribute("data-comment")
    tab_to(page, "[data-reply] > summary", within=f"#comment-{mine_id} > article")
    page.keyboard.press("Enter")
    tab_to(page, f"#reply-{mine_id}-body")
    assert_axe_clean(page, "an open reply form")
    page.keyboard.type("Et svar uden mus")
    tab_to(page, "button[type=submit]", within=f"#comment-{mine_id} [data-reply]")
    page.keyboard.press("Enter")
    reply = page.locator(f"#comment-{mine_id} [data-replies] .comment", has_text="Et svar uden")
    expect(reply).to_be_focused(timeout=5000)
    expect(page.locator(f"#comment-{mine_id} > article [data-reply]")).not_to_have_attribute(
        "open", ""
    )

    # Someone else's comment arrives: announced politely, focus stays where it was.
    second_page.goto(e2e_server.url + DEBATE)
    wait_live(second_page)
    second_page.locator("#comment-form-body").fill("En anden skriver live")  # not the tested user
    second_page.locator("#comment-form button[type=submit]").press("Enter")
    other = page.locator(".comment", has_text="En anden skriver live").first
    expect(other).to_be_visible(timeout=5000)
    expect(reply).to_be_focused()
    expect(page.locator("[data-announcer]")).to_contain_text("tastatur-anden", timeout=3000)
    assert page.locator("[data-announcer]").get_attribute("aria-live") == "polite"
    assert_axe_clean(page, "a live comment inserted")

    # React to it: Space on "Agree" presses it.
    other_id = other.get_attribute("data-comment")
    tab_to(page, "[data-reaction=agree]", within=f"#comment-{other_id} > article")
    page.keyboard.press("Space")
    expect(other.locator(":scope > article [data-reaction=agree]")).to_have_attribute(
        "aria-pressed", "true"
    )

    # Report it: without a reason, focus stays in the form with the error; then it is sent
    # and focus returns to "Report", with a polite thanks.
    tab_to(page, "[data-report] > summary", within=f"#comment-{other_id} > article")
    page.keyboard.press("Enter")
    tab_to(page, "button[type=submit]", within=f"#comment-{other_id} [data-report]")
    page.keyboard.press("Enter")
    expect(other.locator(":scope > article [data-report] [data-form-error]")).to_be_visible()
    assert focused(page, "[data-report] input[type=radio]"), focus_description(page)
    page.keyboard.press("Space")  # chooses the focused reason
    tab_to(page, "button[type=submit]", within=f"#comment-{other_id} [data-report]")
    page.keyboard.press("Enter")
    summary = other.locator(":scope > article [data-report] > summary")
    expect(summary).to_be_focused(timeout=5000)
    expect(page.locator("[data-announcer]")).not_to_contain_text("tastatur-anden")
    expect(page.locator("[data-announcer]")).to_contain_text(re.compile(r"\w"))

    # In a debate whose comments are read first, the comment takes focus with its notice.
    page.goto(e2e_server.url + PREMODERATED)
    wait_live(page)
    tab_to(page, "#comment-form-body")
    page.keyboard.type("Et indlæg der skal læses først")
    tab_to(page, "#comment-form button[type=submit]")
    page.keyboard.press("Enter")
    waiting = page.locator(".comment", has_text="Et indlæg der skal læses først").first
    expect(waiting).to_be_focused(timeout=5000)
    expect(waiting.locator("[data-pending]")).to_be_visible()
    assert_axe_clean(page, "a moderation notice")


def test_organisation_registration_errors_lead_to_their_fields(page, e2e_server):
    log_in(page, e2e_server, *e2e_server.create_account("tastatur-org@example.org"))
    page.goto(f"{e2e_server.url}/da/partnerskaber/registrer/")
    tab_to(page, "main form button[type=submit]")
    submit_with_enter(page)
    assert focused(page, "[data-error-summary][role=alert]"), focus_description(page)
    assert_axe_clean(page, "organisation registration with server errors")
    tab_to(page, "[data-error-summary] a[href='#id_name']")
    page.keyboard.press("Enter")
    assert focused(page, "#id_name"), focus_description(page)

    # The whole form from there, then the pledge, still without a mouse.
    page.keyboard.type("Tastaturforeningen")
    choose(page, "#id_kind", "association", presses=2)
    for selector, text in {
        "#id_address": "Nørrebrogade 1, 2200 København N",
        "#id_description": "Vi mødes og spiller brætspil.",
        "#id_contact_name": "Karin",
        "#id_contact_email": "karin@example.org",
        "#id_contact_phone": "12345678",
    }.items():
        tab_to(page, selector)
        page.keyboard.type(text)
    choose(page, "#id_district", None, presses=1)
    tab_to(page, "main form button[type=submit]")
    submit_with_enter(page)
    assert "/tilsagn/" in page.url, page.url

    first = "fieldset.commitment-choice:first-of-type"
    tab_to(page, "input[type=checkbox]", within=first)
    page.keyboard.press("Space")
    tab_to(page, "input[type=number], textarea", within=first)
    page.keyboard.type("4")
    tab_to(page, "input[type=date]", within=first)
    page.keyboard.type("01012030")
    for selector, text in {"#id_signatory_name": "Karin", "#id_signatory_role": "Formand"}.items():
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "#id_agree")
    page.keyboard.press("Space")
    tab_to(page, "main form button[type=submit]")
    submit_with_enter(page)
    assert re.search(r"/organisation/\d+/$", page.url), page.url
    expect(page.locator(".messages")).to_be_visible()


def choose(page, selector: str, value: str | None, *, presses: int) -> None:
    """Picks an option of a closed <select> with the arrow keys."""
    tab_to(page, selector)
    for _ in range(presses):
        page.keyboard.press("ArrowDown")
    chosen = page.locator(selector).input_value()
    assert chosen and (value is None or chosen == value), chosen


def test_event_sign_up_and_cancel_land_on_the_sign_up_box(page, e2e_server):
    log_in(page, e2e_server, *e2e_server.create_account("tastatur-event@example.org"))
    page.goto(e2e_server.url + EVENT)
    tab_to(page, "form[action*='/tilmeld/'] button")
    submit_with_enter(page)
    assert focused(page, "#signup"), focus_description(page)
    expect(page.locator("#signup .status--good")).to_be_visible()
    tab_to(page, "form[action*='/afmeld/'] button")
    submit_with_enter(page)
    assert focused(page, "#signup"), focus_description(page)
    expect(page.locator("form[action*='/tilmeld/'] button")).to_be_visible()


def test_switching_language_with_the_keyboard(page, e2e_server):
    page.goto(f"{e2e_server.url}/da/")
    tab_to(page, ".language-switcher a[hreflang=en]")
    submit_with_enter(page)
    assert "/en/" in page.url
    assert page.evaluate("document.documentElement.lang") == "en"
    tab_to(page, ".language-switcher a[hreflang=ar]")
    submit_with_enter(page)
    assert page.evaluate("document.documentElement.dir") == "rtl"
