"""How a session's changes reach its screens: one event per change, published after commit
through the live hub (core.live), on the session's topic or its moderators' topic.

Votes come in bursts (a thousand phones in ten seconds), so a poll's results and a question's
upvote count are not sent once per vote: the first vote schedules one count a short moment
later (`COALESCE_SECONDS`) in the server's event loop, and the votes that arrive meanwhile ride
on it. Each result carries the poll's version, so a screen that hears two counts from two
server processes out of order keeps the newer. Outside a server (a management command, a plain
WSGI request, a test without a loop) the count is sent at once."""

import asyncio
import contextvars
import logging

from channels.db import database_sync_to_async
from django.db import transaction

from core import pagecache
from core.live import publish
from events.cache_tags import event_tag

log = logging.getLogger(__name__)

COALESCE_SECONDS = 0.1

_loop: asyncio.AbstractEventLoop | None = None
_pending: set[tuple[str, int]] = set()
# The newest poll version this process has sent: a count scheduled behind a slower one that
# already included its vote is not sent to every screen again.
_sent_versions: dict[int, int] = {}


def bind_loop(loop: asyncio.AbstractEventLoop) -> None:
    """The server's event loop, named by the first socket that connects in this process."""
    global _loop
    _loop = loop


def reset() -> None:
    """Forgets the loop and what was sent (tests: each has its own loop and database)."""
    global _loop
    _loop = None
    _pending.clear()
    _sent_versions.clear()


def announce(session, event: dict, *, moderators_only: bool = False) -> None:
    topic = session.moderator_topic if moderators_only else session.topic
    transaction.on_commit(lambda: publish(topic, event))


def announce_state(session) -> None:
    """The session opened or closed, or its archive changed: the event page shows it."""
    from wagtail.models import Page

    # The event page in every language shows the session.
    key = Page.objects.filter(pk=session.event_id).values("translation_key")
    pages = Page.objects.filter(translation_key__in=key).values_list("pk", flat=True)
    pagecache.invalidate(*(event_tag(pk) for pk in pages))
    announce(session, {"type": "session.state", "state": session.state})


def count_soon(kind: str, object_id: int) -> None:
    """A vote on a poll (`kind` "poll") or a question ("question") committed: the new count goes
    to every screen once, shortly."""
    transaction.on_commit(lambda: _schedule(kind, object_id))


def _schedule(kind: str, object_id: int) -> None:
    loop = _loop
    if loop is None or loop.is_closed() or not loop.is_running():
        _send_count(kind, object_id)
        return
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    # A fresh context: the caller's (a database thread of asgiref) must not reach the task
    # that counts, or asgiref takes it for a call from inside its own executor.
    if running is loop:
        loop.call_soon(_mark, kind, object_id, context=contextvars.Context())
    else:
        loop.call_soon_threadsafe(_mark, kind, object_id, context=contextvars.Context())


def _mark(kind: str, object_id: int) -> None:
    key = (kind, object_id)
    if key in _pending:
        return
    _pending.add(key)
    asyncio.get_running_loop().call_later(
        COALESCE_SECONDS, lambda: asyncio.ensure_future(_flush(key))
    )


async def _flush(key: tuple[str, int]) -> None:
    _pending.discard(key)
    try:
        await database_sync_to_async(_send_count)(*key)
    except Exception:
        log.warning("live session: a count for %s %s was not sent", *key, exc_info=True)


def _send_count(kind: str, object_id: int) -> None:
    from livesessions import selectors

    if kind == "poll":
        found = selectors.poll_results_event(object_id)
    else:
        found = selectors.question_votes_event(object_id)
    if found is None:
        return
    topic, event = found
    if kind == "poll":
        version = event["results"]["version"]
        if _sent_versions.get(object_id, -1) >= version:
            return
        _sent_versions[object_id] = version
    publish(topic, event)
