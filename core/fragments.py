"""Pieces of HTML named by everything they show, rendered once and reused by every page that
shows them: a comment in a debate of 2,000, a row of the partner register.

A fragment's key is a hash of every value its HTML is made from (the item's fields, the
language, what the reader may do with it) and of the release (every template and translation
catalogue of the project, and the versions of Django and Wagtail), so a key never names stale
HTML: a changed comment, a new reaction count or a new deployment is simply another key, and
nothing has to be retired. Fragments are looked for in this process's memory first,
then in the shared cache (Redis in production, several at once in one round trip); what neither
has is rendered and stored in both. While the shared cache does not answer (Redis restarting),
fragments are rendered and kept in this process only.

Personal parts of a fragment (whether this reader agreed, whether it is their own comment) are
part of its key; the CSRF token is not: a fragment is rendered with `CSRF_PLACEHOLDER` and the
reader's token is put in its place when it is served, and each form's client id the same way,
a fresh one for every form served (`as_served`).
"""

import hashlib
import logging
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language

log = logging.getLogger(__name__)

NAMESPACE = "fragment:"
# Kept this long in the shared cache after the last time it was stored (a week).
SHARED_SECONDS = 7 * 24 * 3600
_LOCAL_MAX = 5000
_last_warning = 0.0
_local: OrderedDict[str, str] = OrderedDict()

# Never a real token (those are 64 letters and digits), never typed by a person.
CSRF_PLACEHOLDER = "\x00csrf-token\x00"
# Where a form's client id goes (dialogue.forms.CommentForm: a retry with the same id returns
# the saved comment, so each form served must have its own).
CLIENT_ID_PLACEHOLDER = "\x00client-id\x00"
# True while HTML that is kept for more than one reader is rendered.
_rendering_shared: ContextVar[bool] = ContextVar("rendering_shared", default=False)


def key(kind: str, *parts) -> str:
    """The fragment's name: `kind`, the active language, the release and a hash of `parts`
    (which must be every other value the HTML is made from)."""
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16)
    return f"{NAMESPACE}{kind}:{get_language()}:{release()}:{digest.hexdigest()}"


def release() -> str:
    """A short hash of what the HTML of a fragment is made with besides its values: the
    project's templates and translation catalogues (their contents) and the versions of Django
    and Wagtail. Computed once per process (and per LOCALE_PATHS, which tests change)."""
    return _release(str(settings.BASE_DIR), tuple(str(path) for path in settings.LOCALE_PATHS))


@lru_cache(maxsize=8)
def _release(base: str, locale_paths: tuple[str, ...]) -> str:
    import django
    import wagtail

    digest = hashlib.blake2b(f"{django.__version__}:{wagtail.__version__}".encode(), digest_size=6)
    files = sorted(Path(base).glob("*/templates/**/*")) + sorted(Path(base).glob("templates/**/*"))
    for path in locale_paths:
        files += sorted(Path(path).glob("**/*.mo"))
    for path in files:
        if path.is_file():
            name = path.relative_to(base) if path.is_relative_to(base) else path
            digest.update(str(name).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def get_or_render(renderers: dict[str, Callable[[], str]]) -> dict[str, str]:
    """The HTML of each key: from this process's memory, the shared cache, or its renderer."""
    found: dict[str, str] = {}
    wanted = []
    for name in renderers:
        html = _local.get(name)
        if html is None:
            wanted.append(name)
        else:
            found[name] = html
            with suppress(KeyError):  # another thread may have just let it go
                _local.move_to_end(name)
    if wanted:
        stored = shared("get_many", wanted) or {}
        rendered = {}
        for name in wanted:
            html = stored.get(name)
            if html is None:
                html = rendered[name] = str(renderers[name]())
            found[name] = html
            _remember(name, html)
        if rendered:
            shared("set_many", rendered, timeout=SHARED_SECONDS)
    return found


def shared(method: str, *args, **kwargs):
    """The shared cache's answer, or None while it does not answer (not a 500)."""
    try:
        return getattr(caches["default"], method)(*args, **kwargs)
    except Exception as error:  # the backend's connection errors
        global _last_warning
        if time.monotonic() - _last_warning > 60:
            _last_warning = time.monotonic()
            log.warning("fragment cache unavailable (%s): %s; rendering", method, error)
        return None


def _remember(name: str, html: str) -> None:
    _local[name] = html
    # Threads of one process share the memory: what another has just let go is not an error.
    with suppress(KeyError):
        _local.move_to_end(name)
        while len(_local) > _LOCAL_MAX:
            _local.popitem(last=False)


def renderer(context, template, **values) -> Callable[[], str]:
    """A renderer for `get_or_render`: `template` (an engine template) rendered in the page's
    `context` with `values` added, the CSRF token as the placeholder."""

    def render() -> str:
        with context.push(values, csrf_token=CSRF_PLACEHOLDER), rendering_shared():
            return template.render(context)

    return render


@contextmanager
def rendering_shared():
    """HTML rendered inside is kept for more than one reader: forms get `client_id()`'s
    placeholder instead of an id of their own."""
    token = _rendering_shared.set(True)
    try:
        yield
    finally:
        _rendering_shared.reset(token)


def client_id():
    """A form's client id: a fresh one, or the placeholder in HTML kept for several readers."""
    return CLIENT_ID_PLACEHOLDER if _rendering_shared.get() else uuid.uuid4()


def as_served(html: str, token: Callable[[], str]) -> str:
    """`html` as this reader gets it: their CSRF token where the fragment has the placeholder
    (`token` is called only then: asking for a token marks the response as personal), and a
    fresh client id in each form. Inside HTML that is itself kept (a section around
    fragments) the client ids stay placeholders, filled when that is served."""
    if CSRF_PLACEHOLDER in html:
        html = html.replace(CSRF_PLACEHOLDER, token())
    if CLIENT_ID_PLACEHOLDER in html and not _rendering_shared.get():
        first, *rest = html.split(CLIENT_ID_PLACEHOLDER)
        html = first + "".join(str(uuid.uuid4()) + part for part in rest)
    return html


def forget(names: Iterable[str] | None = None) -> None:
    """Empties this process's memory of fragments (all, or `names`); the shared cache keeps
    them (they are never stale: see above)."""
    if names is None:
        _local.clear()
        return
    for name in names:
        _local.pop(name, None)
