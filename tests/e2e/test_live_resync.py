"""When the server's live channel had a gap (Redis went away and came back) it tells every open
page "live.resync"; the page then asks for what it missed, without a reload. The gap is made
here by storing a comment whose live event goes nowhere, and the "live.resync" frame is handed to
the page through Playwright's websocket route, which otherwise passes every frame through."""

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DEBATE_PATH = "/da/debatter/hvordan-moedes-vi-paa-tvaers/"

MISSED = """
from accounts.models import User
from core.live.hub import get_hub
from dialogue.models import DebatePage
from dialogue.services import comment_create
get_hub().backend.publish = lambda topic, text: None  # the event is lost, as with Redis away
debate = DebatePage.objects.live().get(
    url_path__endswith="/hvordan-moedes-vi-paa-tvaers/", locale__language_code="da"
)
user = User.objects.get(email="resync-writer@example.org")
comment_create(user=user, debate=debate, body="Skrevet mens live-kanalen var væk")
"""


def test_the_page_catches_up_without_reload_when_the_server_says_live_resync(page, e2e_server):
    e2e_server.create_account("resync-writer@example.org")
    sockets, from_page = [], []

    def route(socket):
        server = socket.connect_to_server()

        def forward(message):
            from_page.append(json.loads(message))
            server.send(message)

        socket.on_message(forward)
        sockets.append(socket)

    page.route_web_socket(re.compile(r".*/ws/debates/\d+/$"), route)
    page.goto(e2e_server.url + DEBATE_PATH)
    expect(page.locator("[data-debate]")).to_have_attribute("data-live", "true", timeout=10000)
    page.evaluate("window.__marker = 'not reloaded'")

    e2e_server.manage("shell", "-c", MISSED)
    page.wait_for_timeout(1000)
    missed = page.locator(".comment", has_text="Skrevet mens live-kanalen var væk")
    expect(missed).to_have_count(0)  # the live event never came

    from_page.clear()
    sockets[-1].send(json.dumps({"type": "live.resync"}))
    expect(missed).to_be_visible(timeout=5000)
    assert [m["type"] for m in from_page] == ["catchup"]
    assert page.evaluate("window.__marker") == "not reloaded"
