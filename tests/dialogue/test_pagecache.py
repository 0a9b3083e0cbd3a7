"""Debates in the page cache (core/pagecache.py): a comment, a moderator's action, a reaction
and a changed name show on the cached debate page at once, and a page a visitor got from a
cache catches up over the socket from the last comment in its HTML."""

import re

import pytest

from accounts import services as account_services
from dialogue import services
from dialogue.consumers import _catch_up
from dialogue.models import HideReason
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory, moderator
from tests.pagecache import cached_body, fresh_body

pytestmark = pytest.mark.django_db


def post(debate, body: str, author=None):
    return services.comment_create(user=author or UserFactory(), debate=debate, body=body)[0]


def test_a_new_comment_shows_on_the_cached_debate_page_and_index_at_once(client):
    debate = make_debate()
    post(debate, "Den første kommentar")
    index_url = debate.get_parent().url
    assert "Den første kommentar" in cached_body(client, debate.url)
    cached_index = cached_body(client, index_url)
    post(debate, "Den anden kommentar")
    assert "Den anden kommentar" in fresh_body(client, debate.url)
    assert fresh_body(client, index_url) != cached_index  # the count and activity moved


def test_a_comment_on_one_debate_leaves_the_other_debates_cached(client):
    first, second = make_debate(), make_debate()
    cached_body(client, second.url)
    post(first, "Kun her")
    assert client.get(second.url)["X-Page-Cache"] == "hit"


def test_a_hidden_comment_leaves_the_cached_page_at_once(client):
    debate = make_debate()
    comment = post(debate, "Køb billige ure her")
    assert "Køb billige ure her" in cached_body(client, debate.url)
    services.comment_hide(moderator=moderator(), comment=comment, reason=HideReason.SPAM)
    assert "Køb billige ure her" not in fresh_body(client, debate.url)


def test_a_closed_debate_says_so_on_the_cached_page_at_once(client):
    debate = make_debate()
    cached_body(client, debate.url)
    services.debate_set_state(
        user=moderator(), debate=debate, state="closed", conclusion="Tak for debatten."
    )
    assert "Tak for debatten." in fresh_body(client, debate.url)


def test_a_changed_name_shows_on_the_cached_debate_page_at_once(client):
    debate = make_debate()
    author = UserFactory(display_name="Gammelt Navn")
    post(debate, "Hej", author)
    assert "Gammelt Navn" in cached_body(client, debate.url)
    account_services.user_update_profile(
        user=author, display_name="Nyt Navn", preferred_language="da"
    )
    assert "Nyt Navn" in fresh_body(client, debate.url)


def test_a_page_from_a_cache_catches_up_from_the_last_comment_in_its_html(client):
    """What the page's script does on opening its socket (debate.js reads every
    data-comment id; socket.js sends {"type": "catchup", "after": <the highest>})."""
    debate = make_debate()
    shown = [post(debate, f"Kommentar {n}") for n in range(3)]
    html = cached_body(client, debate.url)
    last_id = max(int(value) for value in re.findall(r'data-comment="(\d+)"', html))
    assert last_id == shown[-1].pk
    later = [post(debate, f"Senere {n}") for n in range(2)]
    caught_up = [c["id"] for c in _catch_up(debate.pk, last_id)]
    # Besides everything later, those written in the seconds before the last one shown come
    # again (selectors.CATCH_UP_OVERLAP: commits may arrive out of id order); the page skips
    # those it has.
    assert caught_up[-2:] == [c.pk for c in later]
    assert set(caught_up[:-2]) <= {c.pk for c in shown[:-1]}
