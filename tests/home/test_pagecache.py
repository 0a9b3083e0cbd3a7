"""The policy pages in the page cache: publishing, unpublishing, moving and deleting a page,
and a new barometer measurement, show on the cached pages at once (core/pagecache.py)."""

import pytest

from home.models import ContentPage, UILanguageReview
from tests.home.factories import NEW_PERIOD, goal_page, home_page, new_measurement
from tests.pagecache import cached_body, fresh_body

pytestmark = pytest.mark.django_db


def menu_page(title: str, parent=None, live=True) -> ContentPage:
    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"), show_in_menus=True)
    page.live = live
    return (parent or home_page()).add_child(instance=page)


def test_publishing_a_page_shows_it_in_the_cached_menus_at_once(client):
    draft = menu_page("Nyt afsnit", live=False)
    assert "Nyt afsnit" not in cached_body(client, "/da/")
    draft.save_revision().publish()
    assert "Nyt afsnit" in fresh_body(client, "/da/")


def test_unpublishing_a_page_takes_it_off_the_cached_pages_at_once(client):
    page = menu_page("Midlertidigt")
    assert "Midlertidigt" in cached_body(client, "/da/")
    page.unpublish()
    assert "Midlertidigt" not in fresh_body(client, "/da/")


def test_moving_a_page_changes_its_links_on_the_cached_pages_at_once(client):
    page = menu_page("Flyttes")
    other = menu_page("Andet sted")
    assert 'href="/da/flyttes/"' in cached_body(client, "/da/")
    page.move(other, pos="last-child")
    body = fresh_body(client, "/da/")
    assert 'href="/da/flyttes/"' not in body


def test_deleting_a_page_takes_it_off_the_cached_pages_at_once(client):
    page = menu_page("Slettes")
    assert "Slettes" in cached_body(client, "/da/")
    page.delete()
    assert "Slettes" not in fresh_body(client, "/da/")


def test_a_new_measurement_shows_on_the_cached_goal_page_at_once(client):
    goal = goal_page(indicators=1, measurements=2)
    assert NEW_PERIOD not in cached_body(client, goal.url)
    new_measurement(goal)
    assert NEW_PERIOD in fresh_body(client, goal.url)


def test_the_open_data_follows_a_new_measurement_at_once(client):
    goal = goal_page(indicators=1, measurements=2)
    cached_body(client, "/da/barometer/data.csv")
    new_measurement(goal)
    assert NEW_PERIOD in fresh_body(client, "/da/barometer/data.csv")


def test_ticking_a_language_as_reviewed_takes_the_note_off_cached_pages(client):
    assert "ui-review-note" in cached_body(client, "/pl/")
    UILanguageReview.objects.update_or_create(language="pl", defaults={"reviewed": True})
    assert "ui-review-note" not in fresh_body(client, "/pl/")
