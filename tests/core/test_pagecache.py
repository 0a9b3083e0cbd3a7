"""The anonymous page cache (core/pagecache.py): the same page for every anonymous visitor is
served from the cache, nothing personal ever is, and a retired tag retires the page."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory

from core import pagecache
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def served_from_cache(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


def test_an_anonymous_page_is_rendered_once_and_then_served_from_the_cache(client):
    first = client.get("/da/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    second = client.get("/da/")
    assert served_from_cache(second)
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in second  # the headers made inside are kept


def test_each_language_and_address_has_its_own_entry(client):
    client.get("/da/")
    assert not served_from_cache(client.get("/en/"))
    assert not served_from_cache(client.get("/da/?utm=1"))
    assert served_from_cache(client.get("/da/"))


def test_shared_pages_say_so_to_proxies_and_vary_on_the_cookie(client, settings):
    settings.PAGE_CACHE_PROXY_SECONDS = 30
    for response in (client.get("/da/"), client.get("/da/")):
        control = response["Cache-Control"]
        assert "public" in control and "s-maxage=30" in control and "max-age=0" in control
        assert "Cookie" in response["Vary"]


def test_a_logged_in_page_never_comes_from_the_shared_cache(client):
    client.get("/da/")  # an anonymous copy is stored
    person = UserFactory(display_name="Amira Hansen")
    client.force_login(person)
    response = client.get("/da/")
    assert not served_from_cache(response)
    assert "Amira Hansen" in response.content.decode()
    assert "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    anonymous = client.get("/da/")
    assert "Amira Hansen" not in anonymous.content.decode()


def test_a_logged_in_page_is_never_stored(client):
    person = UserFactory(display_name="Jonas Petersen")
    client.force_login(person)
    client.get("/da/")
    client.get("/da/")
    client.logout()
    client.cookies.clear()
    assert "Jonas Petersen" not in client.get("/da/").content.decode()


def test_a_page_with_a_csrf_form_is_never_stored(client):
    first = client.get("/da/konto/login/")
    assert first.status_code == 200 and "csrfmiddlewaretoken" in first.content.decode()
    assert first["X-Page-Cache"] == "bypass"
    assert "private" in first["Cache-Control"]
    client.cookies.clear()
    second = client.get("/da/konto/login/")
    assert not served_from_cache(second)


def _message_view(request):
    messages.info(request, "Your comment was saved")
    template = engines["django"].from_string("{% for m in messages %}{{ m }}{% endfor %}")
    return HttpResponse(template.render({"messages": messages.get_messages(request)}, request))


def test_a_page_showing_a_message_is_never_stored_nor_served_to_others():
    factory = RequestFactory()
    middleware = pagecache.PageCacheMiddleware(_message_view)

    def request():
        made = factory.get("/da/beskeder/")
        made._messages = CookieStorage(made)
        return made

    first = middleware(request())
    assert b"Your comment was saved" in first.content
    assert first["X-Page-Cache"] == "bypass"
    assert middleware(request())["X-Page-Cache"] != "hit"


def test_a_visitor_with_a_messages_or_session_cookie_is_never_served_the_shared_copy(client):
    client.get("/da/")
    client.cookies["messages"] = "anything"
    assert not served_from_cache(client.get("/da/"))
    del client.cookies["messages"]
    client.cookies["sessionid"] = "anything"
    assert not served_from_cache(client.get("/da/"))


def counting_page(tag: str):
    """The page cache around a view that depends on `tag` and says how often it rendered."""
    calls = []

    def view(request):
        pagecache.depends_on(tag)
        calls.append(1)
        return HttpResponse(f"render {len(calls)}")

    return pagecache.PageCacheMiddleware(view)


def test_a_retired_tag_retires_the_pages_that_depend_on_it():
    middleware = counting_page("thing:1")
    factory = RequestFactory()
    assert middleware(factory.get("/da/ting/")).content == b"render 1"
    assert middleware(factory.get("/da/ting/")).content == b"render 1"
    pagecache.invalidate("thing:2")
    assert middleware(factory.get("/da/ting/")).content == b"render 1"
    pagecache.invalidate("thing:1")
    assert middleware(factory.get("/da/ting/")).content == b"render 2"
    pagecache.invalidate(pagecache.PAGES)
    assert middleware(factory.get("/da/ting/")).content == b"render 3"


def test_a_page_rendered_while_the_write_commits_is_retired_by_the_commit(
    django_capture_on_commit_callbacks,
):
    middleware = counting_page("thing:1")
    factory = RequestFactory()
    middleware(factory.get("/da/ting/"))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pagecache.invalidate("thing:1")
        # Rendered after the write began, before it committed: stored, but only until the commit.
        assert middleware(factory.get("/da/ting/")).content == b"render 2"
        assert middleware(factory.get("/da/ting/")).content == b"render 2"
    for callback in callbacks:
        callback()
    assert middleware(factory.get("/da/ting/")).content == b"render 3"


def test_a_page_that_changes_by_the_clock_is_not_kept_past_that_moment(settings):
    from datetime import timedelta

    from django.utils import timezone

    def view(request):
        pagecache.valid_until(timezone.now() - timedelta(seconds=1))
        return HttpResponse("soon stale")

    middleware = pagecache.PageCacheMiddleware(view)
    factory = RequestFactory()
    middleware(factory.get("/da/ur/"))
    assert middleware(factory.get("/da/ur/"))["X-Page-Cache"] == "miss"


def test_remembered_values_are_made_again_after_a_publish():
    made = []

    def compute():
        made.append(1)
        return len(made)

    assert pagecache.remember("menu:da", compute) == 1
    assert pagecache.remember("menu:da", compute) == 1
    pagecache.invalidate(pagecache.PAGES)
    assert pagecache.remember("menu:da", compute) == 2


def test_the_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/da/")
    assert not served_from_cache(client.get("/da/"))


def test_pages_outside_a_language_prefix_are_not_cached(client):
    client.get("/healthz")
    assert not served_from_cache(client.get("/healthz"))


class _Away:
    """A cache backend whose server does not answer (Redis restarting)."""

    def __getattr__(self, name):
        def refuse(*args, **kwargs):
            raise ConnectionError("Redis is away")

        return refuse


def test_while_the_cache_is_away_pages_are_rendered_and_a_change_is_not_lost(monkeypatch):
    middleware = counting_page("thing:1")
    factory = RequestFactory()
    middleware(factory.get("/da/ting/"))
    assert middleware(factory.get("/da/ting/"))["X-Page-Cache"] == "hit"
    answering = pagecache._cache()
    monkeypatch.setattr(pagecache, "_cache", lambda: _Away())
    response = middleware(factory.get("/da/ting/"))
    assert response.status_code == 200 and response["X-Page-Cache"] == "bypass"
    # A change while the cache is away (the stored copy survives in a cache that only lost its
    # connection): the invalidation waits in this process instead of being lost.
    pagecache.invalidate("thing:1")
    assert pagecache.remember("menu:da", lambda: "made without the cache") == (
        "made without the cache"
    )
    monkeypatch.setattr(pagecache, "_cache", lambda: answering)
    assert middleware(factory.get("/da/ting/")).content == b"render 3"
    assert middleware(factory.get("/da/ting/"))["X-Page-Cache"] == "hit"
