"""Wagtail's page routing, remembered per process (core/routing.py): the same page for the same
address until a page is published, unpublished, moved or deleted; restrictions still checked
every time; addresses that are not a page never kept."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core import pagecache
from tests.dialogue.factories import make_debate

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request is served by Django and Wagtail


def page_lookups(client, url) -> tuple[int, int]:
    """The answer's status and how many queries looked a page up by its slug."""
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    slug_lookups = [q for q in queries.captured_queries if '"slug" =' in q["sql"]]
    return status, len(slug_lookups)


def test_the_second_request_finds_the_page_without_looking_it_up(client):
    debate = make_debate()
    status, first = page_lookups(client, debate.url)
    assert status == 200 and first >= 2  # the index, then the debate
    assert page_lookups(client, debate.url) == (200, 0)


def test_an_unpublished_page_is_gone_at_once(client):
    debate = make_debate()
    assert client.get(debate.url).status_code == 200
    debate.unpublish()
    assert client.get(debate.url).status_code == 404


def test_a_moved_page_answers_at_its_new_address_only(client):
    debate = make_debate()
    old = debate.url
    assert client.get(old).status_code == 200
    debate.slug = f"{debate.slug}-ny"
    debate.save_revision().publish()
    debate.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(debate.url).status_code == 200


def test_each_request_gets_its_own_page_object(client):
    debate = make_debate()
    client.get(debate.url)  # remembered
    first = client.get(debate.url).wsgi_request._wagtail_route_for_request.page
    first.set_by_that_request = True
    again = client.get(debate.url).wsgi_request._wagtail_route_for_request.page
    assert again.pk == debate.pk and again is not first  # read for each request
    assert not hasattr(again, "set_by_that_request")


def test_a_password_protected_page_asks_every_time(client):
    debate = make_debate()
    assert client.get(debate.url).status_code == 200  # remembered before it was restricted
    PageViewRestriction.objects.create(
        page=debate, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    for _ in range(2):
        body = client.get(debate.url).content.decode()
        assert "password" in body.lower() and "Spørgsmål" not in body


def test_addresses_that_are_not_pages_are_not_remembered(client):
    make_debate()
    for n in range(25):
        assert client.get(f"/da/debatter/findes-ikke-{n}/").status_code == 404
    assert not [name for name in pagecache._local if name.startswith("route:")]


def test_a_field_changed_without_a_publish_shows_at_once(client):
    # A debate's state, conclusion and comment count change through services, not a publish:
    # the memory keeps which page an address is, never the page's fields.
    from dialogue import services
    from tests.factories import moderator

    debate = make_debate()
    assert client.get(debate.url).status_code == 200
    services.debate_set_state(
        user=moderator(), debate=debate, state="closed", conclusion="Tak for i dag."
    )
    assert "Tak for i dag." in client.get(debate.url).content.decode()


def test_view_restrictions_are_not_read_again_for_every_request(client):
    debate = make_debate()
    client.get(debate.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(debate.url).status_code == 200
    assert not [q for q in queries.captured_queries if "pageviewrestriction" in q["sql"]]


def test_a_restriction_removed_lets_readers_in_at_once(client):
    debate = make_debate()
    restriction = PageViewRestriction.objects.create(
        page=debate, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert "password" in client.get(debate.url).content.decode().lower()
    restriction.delete()
    assert "Spørgsmål" in client.get(debate.url).content.decode()


def test_a_page_made_private_leaves_the_page_cache_at_once(client, settings):
    """Not a routing matter only: the anonymous copy in the page cache is retired too."""
    settings.PAGE_CACHE_SECONDS = 300
    debate = make_debate()
    client.get(debate.url)
    assert client.get(debate.url)["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(page=debate, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(debate.url)
    assert response.get("X-Page-Cache") != "hit"
    assert response.status_code == 302 or "Spørgsmål" not in response.content.decode()
