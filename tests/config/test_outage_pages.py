"""While Redis or PostgreSQL is away the site answers as designed: without Redis pages render
and comments are stored (the cache degrades to no cache); without the database every page is
the 503 page, in the site's look, asking for nothing from the database."""

import time

import pytest
from django.db import OperationalError, connection
from django.test import RequestFactory

from config import errors
from devtools.servers import free_port
from dialogue.models import Comment
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_away(settings):
    """The production cache settings, pointed at a port where nothing listens."""
    from config.settings.base import production_caches

    settings.CACHES = production_caches(f"redis://127.0.0.1:{free_port()}/0")


def test_wagtail_pages_render_while_redis_is_away(client, redis_away):
    debate = make_debate()
    started = time.monotonic()
    for url in ("/da/", debate.url, "/en/"):
        assert client.get(url, follow=True).status_code == 200
    assert time.monotonic() - started < 5


def test_a_comment_is_stored_while_redis_is_away(client, redis_away, settings):
    """The comment rate limit fails open while its counter is away (README, "Outages")."""
    settings.DIALOGUE_COMMENTS_PER_MINUTE = 1
    debate = make_debate()
    client.force_login(UserFactory())
    for body in ("først", "så en til"):
        response = client.post(f"/da/dialog/{debate.pk}/kommenter/", {"body": body})
        assert response.status_code == 302
    assert Comment.objects.count() == 2


def test_a_page_answers_503_in_the_site_look_when_the_database_is_away(client, monkeypatch):
    make_debate()

    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = client.get("/da/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(errors.RETRY_AFTER_SECONDS)
    html = response.content.decode()
    assert 'class="site-header"' in html and "<html lang=" in html


def test_the_503_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/da/")
    with django_assert_num_queries(0):
        response = errors.service_unavailable(request)
    assert response.status_code == 503
    assert response["Cache-Control"] == "no-store"


def test_any_other_error_is_still_the_500_page():
    middleware = errors.DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/da/")
    assert middleware.process_exception(request, RuntimeError("bug")) is None


def test_the_503_page_speaks_the_language_of_the_address():
    from django.utils import translation

    with translation.override("da"):
        html = errors.service_unavailable(RequestFactory().get("/da/")).content.decode()
    assert "Tilbage om lidt" in html
