"""A stored page is answered in front of Django's handler (core.pagecache.StoredPagesASGI): the
same bytes and headers Django's page cache would serve, never for a visitor with a session, never
after a change retired it, and Django's path whenever the cache does not answer."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from core import pagecache
from devtools import services
from devtools.servers import free_port
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def app():
    """A fresh wrapper around Django's handler (its memory of renders is per instance)."""
    from config.asgi import django_asgi_app

    return pagecache.StoredPagesASGI(django_asgi_app)


def test_the_asgi_application_answers_stored_pages_in_front_of_django():
    from config.asgi import django_asgi_app, http_application

    assert isinstance(http_application, pagecache.StoredPagesASGI)
    assert http_application.application is django_asgi_app


def get(app, path, *, host="testserver", cookie=None, method="GET", together=1):
    """One request through the ASGI application; returns (status, headers, body, reached
    Django's request cycle). With `together` > 1, that many at once: a list of
    (status, headers, body) and how many reached Django."""
    headers = [(b"host", host.encode())]
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    started = []

    def count(**kwargs):
        started.append(1)

    async def one():
        messages, received = [], []

        async def receive():
            if not received:
                received.append(1)
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # the client stays; Django cancels this when it answers

        async def send(message):
            messages.append(message)

        await app(scope, receive, send)
        start = messages[0]
        body = b"".join(m.get("body", b"") for m in messages[1:])
        headers = {name.decode().lower(): value.decode() for name, value in start["headers"]}
        return start["status"], headers, body

    async def all_of_them():
        return await asyncio.gather(*(one() for _ in range(together)))

    # As Django's test client does: the request must not close the test's connection (on
    # PostgreSQL that would end the test's transaction).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    request_started.connect(count, weak=False)
    try:
        answers = async_to_sync(all_of_them)()
    finally:
        request_started.disconnect(count)
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    if together > 1:
        return answers, len(started)
    return (*answers[0], bool(started))


def test_a_stored_page_is_answered_before_django_with_the_same_bytes_and_headers(app):
    status, first_headers, first_body, through_django = get(app, "/da/")
    assert status == 200 and through_django and first_headers["x-page-cache"] == "miss"
    status, headers, body, through_django = get(app, "/da/")
    assert status == 200 and not through_django
    assert body == first_body
    assert headers.pop("x-page-cache") == "hit"
    first_headers.pop("x-page-cache")
    assert headers == first_headers
    # The outer middleware's headers are there, made by that middleware itself.
    assert headers["x-content-type-options"] == "nosniff"
    assert "permissions-policy" in headers and "content-security-policy" in headers
    assert int(headers["content-length"]) == len(body)


def test_readers_of_a_page_being_rendered_wait_for_that_render(app):
    """Four readers ask at once for a page with no stored copy (a comment has just retired
    it): Django renders it once, the other three get what it stored."""
    answers, through_django = get(app, "/da/", together=4)
    assert through_django == 1
    assert {status for status, _headers, _body in answers} == {200}
    assert len({body for _status, _headers, body in answers}) == 1
    assert sorted(headers["x-page-cache"] for _s, headers, _b in answers) == [
        "hit",
        "hit",
        "hit",
        "miss",
    ]


def test_readers_of_a_page_that_is_never_stored_do_not_wait_for_each_other(app):
    """The log-in page carries a CSRF token: never stored, so after its first render nobody
    waits for another reader's render of it."""
    first, _ = get(app, "/da/konto/login/", together=2)
    assert [status for status, _headers, _body in first] == [200, 200]
    assert "csrfmiddlewaretoken" in first[0][2].decode()
    _answers, through_django = get(app, "/da/konto/login/", together=3)
    assert through_django == 3


def test_a_retired_page_goes_to_django_again(app):
    get(app, "/da/")
    assert not get(app, "/da/")[3]
    pagecache.invalidate_now(pagecache.PAGES)
    status, headers, _body, through_django = get(app, "/da/")
    assert status == 200 and through_django and headers["x-page-cache"] == "miss"


def test_a_visitor_with_a_session_is_never_answered_from_the_store(app, client):
    get(app, "/da/")
    person = UserFactory(display_name="Amira Hansen")
    client.force_login(person)
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    status, headers, body, through_django = get(app, "/da/", cookie=cookie)
    assert status == 200 and through_django
    assert "Amira Hansen" in body.decode()
    assert headers.get("x-page-cache") != "hit"


def test_a_host_that_is_not_allowed_and_a_head_request_go_to_django(app):
    get(app, "/da/")
    status, _headers, _body, through_django = get(app, "/da/", host="evil.example")
    assert status == 400 and through_django
    assert get(app, "/da/", method="HEAD")[3]


def test_an_expired_copy_is_not_served(app, monkeypatch):
    get(app, "/da/")
    later = pagecache._now() + pagecache.page_cache_seconds() + 1
    monkeypatch.setattr(pagecache, "_now", lambda: later)
    assert get(app, "/da/")[3]


def test_with_the_page_cache_off_every_request_reaches_django(app, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(app, "/da/")
    assert get(app, "/da/")[3]


def test_on_redis_the_store_is_read_with_the_asyncio_client(app, settings):
    services.require("redis")
    from config.settings.base import production_caches

    settings.CACHES = production_caches(services.redis_url())
    pagecache.reset_for_tests()
    try:
        assert get(app, "/da/")[3]
        status, headers, _body, through_django = get(app, "/da/")
        assert status == 200 and not through_django and headers["x-page-cache"] == "hit"
        pagecache.invalidate_now(pagecache.PAGES)
        assert get(app, "/da/")[3]
    finally:
        pagecache.reset_for_tests()


def test_while_redis_is_away_pages_are_rendered_by_django(app, settings):
    from config.settings.base import production_caches

    settings.CACHES = production_caches(f"redis://127.0.0.1:{free_port()}/0")
    for _ in range(2):
        status, headers, _body, through_django = get(app, "/da/")
        assert status == 200 and through_django and headers.get("x-page-cache") != "hit"
