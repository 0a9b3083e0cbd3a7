"""A live session in real browsers: a guest's phone asks and votes with the keyboard only, the
presenter screen shows the question and the updated result without reloading, the moderator
puts the question on screen; the four pages pass axe at 375 and 1280 px in English (Danish,
Arabic and Persian are in the accessibility matrix)."""

import json

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import axe_violations, describe, log_in

pytestmark = pytest.mark.browser

SETUP = """
import json
from accounts.models import User
from events.models import EventKind, EventPage
from livesessions.models import LiveSession, Poll, PollOption, new_join_code, new_screen_key
events = EventPage.objects.live().filter(kind=EventKind.CONFERENCE, locale__language_code="da")
event = events.first()
session = LiveSession.objects.create(
    event=event, title="E2E: Spørg udvalget", code=new_join_code(), screen_key=new_screen_key(),
    state="open",
)
session.moderators.add(User.objects.get(email="live-host@example.org"))
poll = Poll.objects.create(session=session, question="Hvad er vigtigst?", state="open")
for i, label in enumerate(["Job", "Uddannelse", "Bolig"]):
    PollOption.objects.create(poll=poll, label=label, position=i)
print(json.dumps({"code": session.code, "key": session.screen_key}))
"""


@pytest.fixture(scope="module")
def live_session(e2e_server):
    e2e_server.create_account("live-host@example.org")
    output = e2e_server.manage("shell", "-c", SETUP)
    return json.loads(output.strip().splitlines()[-1])


def test_a_phone_asks_and_votes_by_keyboard_and_the_presenter_screen_follows_live(
    page, second_page, browser, e2e_server, live_session
):
    code, key = live_session["code"], live_session["key"]
    screen = page  # 1280 px: the projector
    screen.goto(f"{e2e_server.url}/da/live/skaerm/{key}/")
    expect(screen.locator("[data-live=screen]")).to_have_attribute("data-connected", "true")
    screen.evaluate("window.__marker = 'not reloaded'")

    phone = second_page  # 375 px, a guest without an account
    phone.goto(f"{e2e_server.url}/da/live/")
    phone.locator("#join-code").focus()
    phone.keyboard.type(code.lower())
    phone.keyboard.press("Enter")
    expect(phone.locator("[data-live=participant]")).to_have_attribute("data-connected", "true")

    # Vote with the keyboard: focus the first answer, choose it, go on to the button.
    phone.locator("#poll-options input").first.focus()
    phone.keyboard.press("Space")
    phone.keyboard.press("Tab")  # out of the group of answers, to its button
    assert phone.evaluate("document.activeElement.type") == "submit"
    phone.keyboard.press("Enter")
    expect(phone.locator("[data-vote-ack]")).not_to_be_empty()
    voters = screen.locator("[data-screen-results] [data-voters]")
    expect(voters).to_contain_text("1")
    expect(screen.locator("[data-screen-results] [data-option]").first).to_contain_text("100 %")

    # Ask with the keyboard; focus moves to the question once it is shown.
    phone.locator("#ask-body").focus()
    phone.keyboard.type("Hvornår kommer der flere praktikpladser?")
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    asked = phone.locator("[data-questions] [data-question]", has_text="praktikpladser")
    expect(asked).to_be_visible()
    expect(asked).to_be_focused()

    # The moderator puts it on the big screen from the moderator view.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    host = context.new_page()
    log_in(host, e2e_server, "live-host@example.org", "e2e-Pass-1234")
    host.goto(f"{e2e_server.url}/da/live/{code}/styring/")
    item = host.locator("#mod-shown ~ ol li", has_text="praktikpladser")
    item.get_by_role("button", name="Vis på skærmen").click()
    expect(screen.locator("[data-screen-question]")).to_have_text(
        "Hvornår kommer der flere praktikpladser?"
    )
    assert screen.evaluate("window.__marker") == "not reloaded"

    # A reconnecting screen draws the same state from the server.
    screen.reload()
    expect(screen.locator("[data-screen-question]")).to_contain_text("praktikpladser")
    expect(screen.locator("[data-screen-results] [data-voters]")).to_contain_text("1")
    context.close()


def test_the_live_session_pages_pass_axe_in_english_at_both_widths(page, e2e_server, live_session):
    code, key = live_session["code"], live_session["key"]
    page.goto(f"{e2e_server.url}/en/konto/login/")
    e2e_server_pages = [
        "/en/live/?code=WRONG1",
        f"/en/live/{code}/",
        f"/en/live/skaerm/{key}/",
    ]
    log_in(page, e2e_server, "live-host@example.org", "e2e-Pass-1234", language="en")
    found = []
    for path in [*e2e_server_pages, f"/en/live/{code}/styring/"]:
        page.goto(f"{e2e_server.url}{path}")
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 800})
            violations = axe_violations(page)
            if violations:
                found.append(f"{path} at {width} px:\n{describe(violations)}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                found.append(f"{path} at {width} px scrolls sideways by {overflow} px")
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not found, "\n".join(found)
