"""The anonymous page cache: a page that is the same for every visitor is rendered once per
language and address, and served from the cache until something it shows changes.

Three parts (README, "Performance"):

- `PageCacheMiddleware` serves and stores whole responses. Only a GET under a language prefix
  (`/da/...`) from a visitor without a session or messages cookie is looked up; a response is
  stored only when it is a 200 that set no cookie, used no CSRF token, showed no message, has no
  logged-in user and was not marked private. So nothing personal is ever stored or handed to
  another visitor.
- **Tags.** While a page renders, the code that reads something calls `depends_on("tag", ...)`:
  every page depends on "pages" (the page tree: menus, titles, links); a debate page on
  "debate:<id>", the partner register on "partners", and so on. Each tag has a version in the
  cache; an entry remembers the versions it was rendered under and is served only while they
  are all unchanged. `invalidate("tag")` (after the write's transaction commits) gives the tag a
  new version, which retires every page that showed it, in every process, at once. Each app
  names its own tags in its selectors and invalidates them in its services or signals; this
  module knows none of them but "pages".
- `remember(name, compute)`: a value computed once per process and kept while the "pages"
  version it was computed under is current (the main menu, the language links), so an uncached
  page does not rebuild the site shell from the database either.

The versions of a request are read once (the first time a tag is named) and kept for the
request, before the data is read: a write that commits while a page renders leaves that page
stored under the old version, so it is never served.
"""

import asyncio
import hashlib
import logging
import secrets
import time
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.timezone import now as tz_now
from django.utils.translation import get_language_from_path

from core import fragments

log = logging.getLogger(__name__)

PAGES = "pages"
_TAG_PREFIX = "pagecache:tag:"
_ENTRY_PREFIX = "pagecache:page:"
# How long a request waits for the render of the same page already under way (then renders).
RENDER_WAIT_SECONDS = 5.0
# Headers a stored response must not carry to another visitor (the cache sets its own).
_NOT_STORED = {"set-cookie", "cache-control", "vary", "x-page-cache"}


def _cache_alias() -> str:
    alias = getattr(settings, "PAGE_CACHE_ALIAS", "default")
    return alias if alias in settings.CACHES else "default"


def _cache():
    return caches[_cache_alias()]


# When the cache does not answer (Redis restarting), pages are rendered and served uncached,
# and the invalidations that could not be written wait here, per process, until it answers.
_pending: set[str] = set()
_last_warning = 0.0


def _unavailable(action: str, error: Exception) -> None:
    global _last_warning
    if time.monotonic() - _last_warning > 60:
        _last_warning = time.monotonic()
        log.warning("page cache unavailable (%s): %s; serving uncached", action, error)


def _now() -> float:
    """The clock the stored copies expire by (a test may move it)."""
    return time.time()


def page_cache_seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 300))


@dataclass
class _Render:
    versions: dict[str, str] = field(default_factory=dict)
    expires_at: float | None = None
    storable: bool = True
    readable: bool = True  # False once the cache did not answer during this render
    # What the sections being rendered now read (core/sections.py), innermost last.
    recordings: list["Recording"] = field(default_factory=list)


@dataclass
class Recording:
    """What a part of a render read: the tags it named, the moment it changes by itself, and
    whether it was personal (`recording()`)."""

    tags: set[str] = field(default_factory=set)
    expires_at: float | None = None
    personal: bool = False


_render: ContextVar[_Render | None] = ContextVar("page_render", default=None)


def _read_versions(tags) -> dict[str, str] | None:
    """The current version of each tag, or None while the cache does not answer."""
    try:
        _write_pending()
        return _read_versions_from_cache(list(tags))
    except Exception as error:  # the cache backend's connection errors: no cache, not a 500
        _unavailable("read", error)
        return None


def _write_pending() -> None:
    if _pending:
        tags = set(_pending)
        _cache().set_many({_TAG_PREFIX + tag: secrets.token_hex(6) for tag in tags}, timeout=None)
        _pending.difference_update(tags)


def _read_versions_from_cache(tags: list[str]) -> dict[str, str]:
    cache = _cache()
    found = cache.get_many([_TAG_PREFIX + tag for tag in tags])
    missing = [_TAG_PREFIX + tag for tag in tags if _TAG_PREFIX + tag not in found]
    if missing:
        # A tag never named, evicted or cleared gets a new version (never one seen before), and
        # the first process to give it one wins.
        for key in missing:
            cache.add(key, secrets.token_hex(6), timeout=None)
        found |= cache.get_many(missing)
    return {tag: found.get(_TAG_PREFIX + tag, "") for tag in tags}


def depends_on(*tags: str) -> None:
    """The page being rendered shows what `tags` name: it is stored under their versions. Call
    it before reading the data. Outside a request (commands, e-mails) it does nothing."""
    state = _render.get()
    if state is None:
        return
    for recording in state.recordings:
        recording.tags.update(tags)
    new = [tag for tag in tags if tag not in state.versions]
    if new:
        versions = _read_versions(new)
        if versions is None:
            state.storable = state.readable = False
            versions = dict.fromkeys(new, "")
        state.versions.update(versions)


def valid_until(when: datetime | None) -> None:
    """The page changes by itself at `when` (a sign-up opens, a debate closes): it is not kept
    past it."""
    if when is not None:
        expires_at(_now() + (when - tz_now()).total_seconds())


def expires_at(at: float) -> None:
    """`valid_until` on the cache's own clock (`_now()`)."""
    state = _render.get()
    if state is None:
        return
    state.expires_at = at if state.expires_at is None else min(state.expires_at, at)
    for recording in state.recordings:
        recording.expires_at = at if recording.expires_at is None else min(recording.expires_at, at)


def not_shared() -> None:
    """The response being made is for this visitor only (it is never stored)."""
    state = _render.get()
    if state is not None:
        state.storable = False
        for recording in state.recordings:
            recording.personal = True


def current_versions() -> dict[str, str] | None:
    """The tag versions the page being rendered is made under (read once per request), or None
    outside a render or while the cache does not answer."""
    state = _render.get()
    if state is None or not state.readable:
        return None
    return state.versions


@contextmanager
def recording():
    """Records what the code inside reads (`depends_on`), when it changes by itself
    (`valid_until`) and whether it is personal (`not_shared`), so a part of a page can be kept
    under exactly those versions (core/sections.py). Yields None outside a render."""
    state = _render.get()
    if state is None:
        yield None
        return
    record = Recording()
    state.recordings.append(record)
    try:
        yield record
    finally:
        state.recordings.remove(record)


def invalidate(*tags: str) -> None:
    """Retires every cached page (and remembered value) that depends on one of `tags`: at once,
    and again when the current transaction commits. A page rendered between the two from the
    data as it was before the write is stored under the first new version and retired by the
    second, so none outlives the commit."""
    if not tags:
        return
    invalidate_now(*tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: invalidate_now(*tags))


def invalidate_now(*tags: str) -> None:
    _pending.update(tags)
    try:
        _write_pending()
    except Exception as error:  # written when the cache answers again
        _unavailable("invalidate", error)


def clear() -> None:
    """Retires everything cached here, in every process (after a restore from a backup)."""
    invalidate_now(PAGES)
    forget_remembered()


def forget_remembered() -> None:
    """Empties this process's remembered values (`remember`) and fragments (core/fragments.py);
    the shared cache is untouched."""
    from core import sections

    _local.clear()
    fragments.forget()
    sections.forget()


def reset_for_tests() -> None:
    """Empties the page cache and this process's remembered values (each test starts afresh)."""
    _cache().clear()
    forget_remembered()
    _pending.clear()


# Values remembered per process, checked against the shared "pages" version of the request.
_local: OrderedDict = OrderedDict()
_LOCAL_MAX = 2000


def remember(name: str, compute, *, tags: tuple[str, ...] = (PAGES,), keep=None):
    """`compute()` once per process and `name` (which must say everything the value depends
    on: language, site, page), kept while the versions of `tags` are unchanged. The page being
    rendered depends on `tags` too. `keep(value)`, when given, says whether a value is kept
    (a page not found is not: the names of those are the visitors' to choose)."""
    state = _render.get()
    if state is not None:
        depends_on(*tags)
        current = state.versions if state.readable else None
    else:
        current = _read_versions(tags)
    if current is None:  # the cache does not answer: nothing is known to be current
        return compute()
    versions = tuple(current[tag] for tag in tags)
    entry = _local.get(name)
    if entry is not None and entry[0] == versions:
        return entry[1]
    value = compute()
    if keep is not None and not keep(value):
        return value
    _local[name] = (versions, value)
    _local.move_to_end(name)
    while len(_local) > _LOCAL_MAX:
        _local.popitem(last=False)
    return value


def _has_personal_cookie(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "messages" in request.COOKIES


def _entry_key(request) -> str | None:
    if request.method != "GET" or page_cache_seconds() <= 0:
        return None
    if not get_language_from_path(request.path_info):
        return None
    if _has_personal_cookie(request) or "HTTP_AUTHORIZATION" in request.META:
        return None
    try:
        host = request.get_host()
    except Exception:  # DisallowedHost: the ordinary path answers 400
        return None
    address = f"{request.scheme}://{host}{request.get_full_path()}"
    return _ENTRY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _personal(request, response) -> bool:
    """Anything in the response that belongs to this visitor alone."""
    if response.cookies:
        return True
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return True
    messages = getattr(request, "_messages", None)
    if messages is not None and (getattr(messages, "used", False) or len(messages)):
        return True
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    control = response.get("Cache-Control", "").lower()
    return any(word in control for word in ("private", "no-store", "no-cache"))


def _shared_headers(response) -> None:
    proxy_seconds = int(getattr(settings, "PAGE_CACHE_PROXY_SECONDS", 0))
    patch_cache_control(response, public=True, max_age=0, s_maxage=proxy_seconds)
    patch_vary_headers(response, ("Cookie",))


def _private_headers(response) -> None:
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)
    patch_vary_headers(response, ("Cookie",))


class PageCacheMiddleware:
    """Before the session: a hit is answered without a session, a user or a database query.
    The middleware outside it (security headers) still sees every response; the headers of the
    middleware inside it (CSP, X-Frame-Options, Content-Language) are stored with the page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = _entry_key(request)
        if key is not None:
            hit = self._stored(key)
            if hit is not None:
                return hit
        state = _Render()
        depends_on_pages = _read_versions([PAGES])
        if depends_on_pages is None:
            state.storable = state.readable = False
        else:
            state.versions = depends_on_pages
        token = _render.set(state)
        try:
            _remember_site(request)
            response = self.get_response(request)
        finally:
            _render.reset(token)
        if key is None or not _language_page(request):
            if _language_page(request):
                _private_headers(response)
            return response
        if (
            response.status_code != 200
            or response.streaming
            or not state.storable
            or _personal(request, response)
        ):
            _private_headers(response)
            response["X-Page-Cache"] = "bypass"
            return response
        _shared_headers(response)
        expires_at = _now() + page_cache_seconds()
        if state.expires_at is not None:
            expires_at = min(expires_at, state.expires_at)
        timeout = int(expires_at - _now())
        if timeout > 0:
            headers = [
                (name, value) for name, value in response.items() if name.lower() not in _NOT_STORED
            ]
            headers += [(name, response[name]) for name in ("Cache-Control", "Vary")]
            entry = (state.versions, expires_at, response.status_code, headers, response.content)
            try:
                _cache().set(key, entry, timeout)
            except Exception as error:
                _unavailable("store", error)
        response["X-Page-Cache"] = "miss"
        return response

    def _stored(self, key):
        """The stored copy, while it is younger than its expiry and every version it was made
        under is current; None otherwise (and while the cache does not answer)."""
        try:
            entry = _cache().get(key)
        except Exception as error:
            _unavailable("get", error)
            return None
        if entry is None:
            return None
        versions, expires_at, status, headers, content = entry
        if _now() >= expires_at or _read_versions(versions) != versions:
            return None
        return self._from_entry(status, headers, content)

    @staticmethod
    def _from_entry(status, headers, content):
        from django.http import HttpResponse

        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response


def _remember_site(request) -> None:
    """Wagtail looks the site up for every request (Site.find_for_request keeps it on the
    request only): here it is looked up once per host and process, until a page or site
    changes."""
    from wagtail.models import Site

    try:
        raw_host = request._get_raw_host()
    except Exception:
        return
    try:
        request._wagtail_site = remember(
            f"site:{raw_host}:{request.get_port()}", lambda: Site._find_for_request(request)
        )
    except Exception:
        # The database is away: the view's own lookup raises inside the error middleware,
        # which answers the 503 page; /healthz needs no site.
        return


def _remember_locales() -> None:
    """The locale of a language is looked up for nearly every page and link
    (Locale.get_active, Locale.get_default): once per language and process instead, until a
    page or locale changes."""
    from wagtail.models.i18n import Locale, LocaleManager

    original = LocaleManager.get_for_language
    if getattr(original, "remembered", False):
        return

    def get_for_language(self, language_code):
        locale = remember(f"locale:{language_code}", lambda: _locale_or_none(language_code))
        if locale is None:
            raise Locale.DoesNotExist(f"No locale for {language_code!r}")
        return locale

    def _locale_or_none(language_code):
        try:
            return original(Locale.objects, language_code)
        except (Locale.DoesNotExist, LookupError):
            return None

    get_for_language.remembered = True
    LocaleManager.get_for_language = get_for_language


def _language_page(request) -> bool:
    return bool(get_language_from_path(request.path_info))


def connect_page_signals() -> None:
    """Publishing, unpublishing, moving or deleting any page changes menus, indexes, search
    and links on other pages: every page is retired (pages are published rarely); so does a
    changed site, locale or page view restriction."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move

    def page_changed(**kwargs):
        invalidate(PAGES)

    def deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            invalidate(PAGES)

    def site_or_locale_changed(**kwargs):  # or a page's view restrictions
        invalidate(PAGES)

    def created(sender, instance, created, **kwargs):
        # A page made live without a revision (add_child from code, a loader) is published too.
        if created and isinstance(instance, Page) and instance.live:
            invalidate(PAGES)

    page_published.connect(page_changed, dispatch_uid="core.pagecache.published", weak=False)
    page_unpublished.connect(page_changed, dispatch_uid="core.pagecache.unpublished", weak=False)
    post_page_move.connect(page_changed, dispatch_uid="core.pagecache.moved", weak=False)
    # Connected to the page models only: a receiver for every sender would make Django load
    # each row before deleting it (no fast delete for a comment's reactions or a ballot).
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, Page):
            post_delete.connect(
                deleted, sender=model, dispatch_uid="core.pagecache.page_deleted", weak=False
            )
            post_save.connect(
                created, sender=model, dispatch_uid="core.pagecache.page_created", weak=False
            )
    from django.db.models.signals import m2m_changed
    from wagtail.models import Locale, PageViewRestriction, Site

    # A page made private (a password, logged-in readers, groups) must not be served to anyone
    # from the cache a moment longer; it is rare, so every page is retired.
    for model in (Site, Locale, PageViewRestriction):
        for signal in (post_save, post_delete):
            signal.connect(
                site_or_locale_changed,
                sender=model,
                dispatch_uid=f"core.pagecache.{model.__name__}.{signal is post_save}",
                weak=False,
            )
    m2m_changed.connect(
        site_or_locale_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="core.pagecache.restriction_groups",
        weak=False,
    )
    _remember_locales()


# Stored pages answered in front of Django's handler (ASGI).


class StoredPagesASGI:
    """ASGI wrapper around Django's handler (config/asgi.py, settings.ASGI_HTTP_MIDDLEWARE): a
    stored page is answered on the event loop, without Django's request cycle (its thread hop,
    signals and inner middleware), the cache read without blocking the loop. The request is
    keyed and checked by the same code as `PageCacheMiddleware` (`_entry_key`, the tags'
    versions), and the middleware listed before it in settings.MIDDLEWARE (security headers,
    permissions policy) still make the response's outer headers, so a hit here is byte for byte
    the hit Django would have served. Anything else (a miss, a personal cookie, the cache away,
    invalidations still waiting to be written) goes to Django unchanged, except that a request
    for a page Django is rendering at that moment in this process waits for that render (at
    most RENDER_WAIT_SECONDS) and is served what it stored."""

    def __init__(self, application):
        self.application = application
        self._outer = None  # (settings.MIDDLEWARE it was made for, the outer middleware chain)
        self._paused_until = 0.0  # after a cache error, Django's path for a while
        # Pages being rendered by Django in this process, by key: a request for the same page
        # meanwhile waits for that render instead of rendering it again (a page retired by a
        # comment while many read it is rendered once, not once per reader).
        self._rendering: dict[str, asyncio.Event] = {}
        # Keys whose last render was not stored (a form with a CSRF token, a cookie): not waited
        # for.
        self._not_stored: OrderedDict = OrderedDict()

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "GET":
            return await self.application(scope, receive, send)
        key, response = await self._stored(scope)
        if response is not None:
            return await _send(response, send)
        if key is None or key in self._not_stored:
            return await self.application(scope, receive, send)
        rendering = self._rendering.get(key)
        if rendering is not None:
            try:
                await asyncio.wait_for(rendering.wait(), RENDER_WAIT_SECONDS)
            except TimeoutError:
                pass
            else:
                _key, response = await self._stored(scope)
                if response is not None:
                    return await _send(response, send)
            return await self.application(scope, receive, send)
        rendering = self._rendering[key] = asyncio.Event()
        stored = False

        async def watch_send(message):
            nonlocal stored
            if message["type"] == "http.response.start":
                stored = (b"x-page-cache", b"miss") in [
                    (name.lower(), value) for name, value in message.get("headers", [])
                ]
            await send(message)

        try:
            return await self.application(scope, receive, watch_send)
        finally:
            if self._rendering.get(key) is rendering:
                del self._rendering[key]
            rendering.set()
            if not stored:
                self._not_stored[key] = True
                while len(self._not_stored) > _LOCAL_MAX:
                    self._not_stored.popitem(last=False)
            else:
                self._not_stored.pop(key, None)

    async def _stored(self, scope):
        """(the page's key or None, the stored response or None)."""
        if _pending or time.monotonic() < self._paused_until:
            return None, None
        outer = self._outer_chain()
        if outer is None:
            return None, None
        from io import BytesIO

        from django.core.handlers.asgi import ASGIRequest

        request = ASGIRequest(scope, BytesIO())
        key = _entry_key(request)
        if key is None:
            return None, None
        store = _async_store()
        if store is None:
            return None, None
        try:
            entry = await store.get(key)
            if entry is None:
                return key, None
            versions, expires_at, status, headers, content = entry
            if _now() >= expires_at:
                return key, None
            current = await store.get_many([_TAG_PREFIX + tag for tag in versions])
        except Exception as error:  # Django's path says so in the log and serves uncached
            self._paused_until = time.monotonic() + 5
            log.debug("page cache not read on the event loop: %s", error)
            return None, None
        if any(current.get(_TAG_PREFIX + tag) != version for tag, version in versions.items()):
            return key, None
        request._stored_page = PageCacheMiddleware._from_entry(status, headers, content)
        return key, outer(request)

    def _outer_chain(self):
        """The middleware before PageCacheMiddleware, each wrapped around the stored page as
        Django's handler would wrap them (None when the page cache is not in MIDDLEWARE)."""
        middleware = tuple(settings.MIDDLEWARE)
        if self._outer is not None and self._outer[0] == middleware:
            return self._outer[1]
        name = f"{__name__}.{PageCacheMiddleware.__name__}"
        chain = None
        if name in middleware and page_cache_seconds() > 0:
            from django.utils.module_loading import import_string

            def stored_page(request):
                return request._stored_page

            chain = stored_page
            for outer_name in reversed(middleware[: middleware.index(name)]):
                chain = import_string(outer_name)(chain)
        self._outer = (middleware, chain)
        return chain


async def _send(response, send) -> None:
    headers = [
        (name.encode("latin-1"), value.encode("latin-1")) for name, value in response.items()
    ]
    if "Content-Length" not in response:
        headers.append((b"Content-Length", str(len(response.content)).encode()))
    await send({"type": "http.response.start", "status": response.status_code, "headers": headers})
    await send({"type": "http.response.body", "body": response.content})


class _LocalStore:
    """A cache in this process's memory (LocMemCache): read directly, no I/O to wait for."""

    def __init__(self, cache):
        self.cache = cache

    async def get(self, key):
        return self.cache.get(key)

    async def get_many(self, keys):
        return self.cache.get_many(keys)


class _RedisStore:
    """The page cache's Redis (django-redis) read with redis-py's asyncio client: the same keys
    and the same decoding as the cache backend."""

    def __init__(self, cache, client):
        self.cache, self.client = cache, client

    async def get(self, key):
        raw = await self.client.get(self.cache.make_key(key))
        return None if raw is None else self.cache.client.decode(raw)

    async def get_many(self, keys):
        made = [self.cache.make_key(key) for key in keys]
        raws = await self.client.mget(made)
        return {
            key: self.cache.client.decode(raw)
            for key, raw in zip(keys, raws, strict=True)
            if raw is not None
        }


_redis_clients: dict = {}  # (event loop, Redis URL) -> redis.asyncio client


def _async_store():
    from django.core.cache.backends.locmem import LocMemCache

    cache = _cache()
    if isinstance(cache, LocMemCache):
        return _LocalStore(cache)
    try:
        from django_redis.cache import RedisCache
    except ImportError:  # pragma: no cover - django-redis is a dependency
        return None
    if not isinstance(cache, RedisCache):
        return None  # another backend: Django's path reads it
    config = settings.CACHES[_cache_alias()]
    url = config["LOCATION"]
    loop = asyncio.get_running_loop()
    client = _redis_clients.get((loop, url))
    if client is None:
        import redis.asyncio

        options = config.get("OPTIONS", {})
        for key in [key for key in _redis_clients if key[0].is_closed()]:
            del _redis_clients[key]
        client = redis.asyncio.Redis.from_url(
            url,
            socket_timeout=options.get("SOCKET_TIMEOUT"),
            socket_connect_timeout=options.get("SOCKET_CONNECT_TIMEOUT"),
        )
        _redis_clients[(loop, url)] = client
    return _RedisStore(cache, client)
