"""Sections: the parts of a page that are the same for every reader (a policy page's text, the
barometer's table, a goal's indicators), rendered once and reused by every render of that page,
a logged-in reader's included, until something they show changes.

`{% section "name" page=page ... using goal_data=goal_data ... %}...{% endsection %}`
(core/templatetags/fragment_tags.py).

**Only what it is given.** A section's template sees the values passed to it by name (before
and after `using`), the request and the context processors' values (the language, the site),
nothing else of the page's context: a value the view made for this reader (their registration,
whether they follow) cannot slip in. It renders as an anonymous visitor would see it: `user` is the
anonymous user (also `request.user`, for template tags that look there), `perms` and
`messages` are empty, and `{% csrf_token %}` is the placeholder each reader's own token
replaces when served (core/fragments.py).

**Named by everything it is made from.** Its name, the values passed before `using` (a model
instance counts by its type, key and every field's current value, so a debate closed or a
count changed without a publish is another name), the address's path (not its query: a section
that reads the query must be passed what it reads), the host, the language and the release.
The values after `using` are not part of the name: they must be what the view read from the
named values under the tags the page has named so far (the goal's barometer figures, read
under "barometer"), which the section is kept under (below).

**Kept while what it read is current.** While it renders, what it reads is recorded
(`pagecache.recording()`): the tags it depends on (`pagecache.depends_on`, `remember`), the
moment it changes by itself (`valid_until`) and whether it is personal (`not_shared`). It is
kept with the versions of those tags, of every tag the page had named before it (what the
view read for it) and of "pages" (every link), and with that moment, like a page in the page
cache, and served only while they are all current; a personal one is never kept. Serving it
names the same tags and moment for the page around it, so a page cached with it is retired
exactly as if the section had been rendered.

Kept in this process's memory (2,000 and 32 million characters at most, the oldest used let go
first) and in the shared cache (Redis in production) for a day after it was stored. While the
cache does not answer, sections are rendered every time.
"""

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.db import models
from wagtail.models import Page

from core import fragments, pagecache

NAMESPACE = "section:"
SHARED_SECONDS = 24 * 3600
_LOCAL_MAX = 2000
# A debate's comments make sections of a few hundred kB: the memory is bounded by size too.
_LOCAL_CHARACTERS = 32 * 1024 * 1024
_local: OrderedDict[str, "Section"] = OrderedDict()
_local_characters = 0


@dataclass(frozen=True)
class Section:
    versions: dict[str, str]  # tag -> the version it was rendered under
    expires_at: float | None  # pagecache's clock (time.time()), or None
    html: str


def key(name: str, request, values: dict) -> str:
    """The name of section `name` made from `values` (those before `using`) for `request`
    (its host and path)."""
    host = path = ""
    if request is not None:
        path = request.path_info
        with suppress(Exception):  # a host Django refuses: the section is still named
            host = request.get_host()
    parts = (path, tuple(sorted((k, _part(v)) for k, v in values.items())))
    digest = hashlib.blake2b(repr(parts).encode(), digest_size=16)
    return fragments.key(NAMESPACE + name, host, digest.hexdigest())


def _part(value):
    """A value as it counts for the name: a model instance by its type, key and every field's
    current value; lists and tuples walked; anything else by its repr."""
    if isinstance(value, models.Model):
        meta = value._meta
        fields = tuple((f.attname, _field_value(value, f.attname)) for f in meta.concrete_fields)
        return (meta.label, value.pk, fields)
    if isinstance(value, list | tuple):
        return tuple(_part(item) for item in value)
    return repr(value)


_PLAIN = (str, int, float, bool, Decimal, date, time, UUID, type(None))


def _field_value(instance, attname):
    """A field's value as it counts for the name. A page's structured fields (its body, a
    StreamField) change only by a publish, which retires every section anyway ("pages"), and
    their repr is not stable: they count by the page's latest revision, which is a field too."""
    value = getattr(instance, attname, None)
    if isinstance(value, _PLAIN):  # date covers datetime
        return repr(value)
    if isinstance(instance, Page):
        return None
    return repr(value)


def get_or_render(name: str, render: Callable[[], str]) -> str:
    """The section named `name` (from `key`): kept while current, else rendered and kept."""
    current = pagecache.current_versions()
    if current is None:  # outside a request, or the cache does not answer
        return render()
    section = _find(name)
    if section is not None and _current(section):
        return section.html
    named_before = set(current)
    with pagecache.recording() as record:
        html = render()
    if record is None or record.personal:
        return html
    record.tags |= named_before | {pagecache.PAGES}
    pagecache.depends_on(*record.tags)
    current = pagecache.current_versions()
    if current is None:  # the cache stopped answering during the render
        return html
    section = Section({tag: current[tag] for tag in record.tags}, record.expires_at, html)
    _keep(name, section)
    return html


def _current(section: Section) -> bool:
    """Whether `section` may be served now; if so the page around it depends on what it read."""
    if section.expires_at is not None and pagecache._now() >= section.expires_at:
        return False
    pagecache.depends_on(*section.versions)
    current = pagecache.current_versions()
    if current is None or any(current.get(t) != v for t, v in section.versions.items()):
        return False
    if section.expires_at is not None:
        pagecache.expires_at(section.expires_at)
    return True


def _find(name: str) -> Section | None:
    section = _local.get(name)
    if section is not None:
        with suppress(KeyError):  # another thread may have just let it go
            _local.move_to_end(name)
        return section
    stored = fragments.shared("get", name)
    try:
        section = Section(*stored)
    except TypeError:  # not there (None), or not a section
        return None
    _remember(name, section)
    return section


def _keep(name: str, section: Section) -> None:
    _remember(name, section)
    timeout = SHARED_SECONDS
    if section.expires_at is not None:
        timeout = max(1, min(timeout, int(section.expires_at - pagecache._now())))
    value = (section.versions, section.expires_at, section.html)
    fragments.shared("set", name, value, timeout=timeout)


def _remember(name: str, section: Section) -> None:
    global _local_characters
    replaced = _local.get(name)
    _local[name] = section
    _local_characters += len(section.html) - (len(replaced.html) if replaced else 0)
    with suppress(KeyError):  # threads of one process share the memory
        _local.move_to_end(name)
        while len(_local) > _LOCAL_MAX or (_local_characters > _LOCAL_CHARACTERS and _local):
            _, oldest = _local.popitem(last=False)
            _local_characters -= len(oldest.html)


def forget() -> None:
    """Empties this process's memory of sections (the shared cache keeps them: they are
    checked against the current versions whenever served)."""
    global _local_characters
    _local.clear()
    _local_characters = 0


class SignedInReader(AnonymousUser):
    """Who a section passed `signed_in=True` renders for: a logged-in reader with nothing of
    their own (no id, no name, no permissions, not blocked): the debate's comments as every
    logged-in reader without a comment or reaction there sees them."""

    is_blocked = False

    @property
    def is_authenticated(self):
        return True

    @property
    def is_anonymous(self):
        return False


# Context processors' values that are the reader's own, and what a section sees instead.
PERSONAL = ("user", "perms", "messages", "csrf_token")


def render_alone(context, nodelist, values: dict) -> str:
    """`nodelist` rendered with only `values` (all passed, named or used), the request and the
    context processors' values, as an anonymous visitor (see above)."""
    request = context.get("request")
    processors = {}
    index = getattr(context, "_processors_index", None)
    if index is not None:
        processors = {k: v for k, v in context.dicts[index].items() if k not in PERSONAL}
    anonymous = SignedInReader() if values.get("signed_in") else AnonymousUser()
    alone = context.new(
        {
            **processors,
            "request": request,
            "user": anonymous,
            "perms": {},
            "messages": (),
            "csrf_token": fragments.CSRF_PLACEHOLDER,
            **values,
        }
    )
    saved = getattr(request, "user", None) if request is not None else None
    if saved is not None:
        request.user = anonymous
    try:
        with fragments.rendering_shared():
            return nodelist.render(alone)
    finally:
        if saved is not None:
            request.user = saved
