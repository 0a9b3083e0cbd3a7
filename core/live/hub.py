import asyncio
import json
import logging
from collections import Counter
from collections.abc import Awaitable, Callable

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.module_loading import import_string

from core.live.metrics import ThrottledLog, counters
from core.live.sinks import Event, Sink

log = logging.getLogger(__name__)

# A socket's raw ASGI send (wrapped in a Sink by the hub); control topics such as "user:7" take
# any coroutine function that accepts the ASGI message.
Deliver = Callable[[dict], Awaitable[None]]

PRESENCE_DELAY = 1.0  # seconds: joins and leaves within this window make one presence event
PRESENCE_HEARTBEAT = 60.0  # seconds between refreshes of this process's counts in the backend
RESYNC = "live.resync"  # the event that tells a page to ask for what it missed

_publish_failed = ThrottledLog(log, interval=10.0)


class Hub:
    """The per-process registry of sockets by topic (for example ``debate:42`` or ``user:7``)."""

    def __init__(self, backend):
        self.backend = backend
        if hasattr(backend, "on_resync"):
            backend.on_resync = self.resync
        self._counted: set[str] = set()  # topics whose viewers are counted (presence)
        self._watchers: dict[str, dict[Deliver, Sink]] = {}
        self._queues: dict[str, asyncio.Queue] = {}
        self._workers: dict[str, asyncio.Task] = {}
        self._presence_pending: set[str] = set()
        # Counted topics: how many local sockets each person has open (people, not sockets,
        # are what a page's "N following" shows).
        self._people: dict[str, Counter] = {}
        self._heartbeat: asyncio.Task | None = None
        self._lock = asyncio.Lock()

    # Watching -------------------------------------------------------------------------------

    async def join(
        self, topic: str, deliver: Deliver, *, counted: bool = False, person: str = ""
    ) -> None:
        """`person` names who is watching (a counted topic counts distinct people); a socket
        without one counts as a person of its own."""
        async with self._lock:
            watchers = self._watchers.get(topic)
            if watchers is None:
                watchers = self._watchers[topic] = {}
                self._queues[topic] = asyncio.Queue()
                self._workers[topic] = asyncio.create_task(self._deliver_loop(topic))
                await self.backend.subscribe(topic, self._make_receiver(topic))
            watchers[deliver] = Sink(deliver)
            if counted:
                self._people.setdefault(topic, Counter())[person or id(deliver)] += 1
        if counted:
            self._counted.add(topic)
            self._presence_changed(topic)
            if self._heartbeat is None or self._heartbeat.done():
                self._heartbeat = asyncio.create_task(self._refresh_presence())

    async def leave(
        self, topic: str, deliver: Deliver, *, counted: bool = False, person: str = ""
    ) -> None:
        async with self._lock:
            watchers = self._watchers.get(topic)
            if watchers is None:
                return
            if watchers.pop(deliver, None) is not None and counted:
                people = self._people.get(topic, Counter())
                key = person or id(deliver)
                people[key] -= 1
                if people[key] <= 0:
                    del people[key]
            if not watchers and not counted:
                await self._drop(topic)
        if counted:
            self._presence_changed(topic)

    async def _drop(self, topic: str) -> None:
        del self._watchers[topic]
        self._counted.discard(topic)
        self._people.pop(topic, None)
        self._queues.pop(topic, None)
        worker = self._workers.pop(topic, None)
        if worker:
            worker.cancel()
        await self.backend.unsubscribe(topic)

    def local_count(self, topic: str) -> int:
        """Sockets watching `topic` in this process."""
        return len(self._watchers.get(topic, ()))

    def local_people(self, topic: str) -> set[str]:
        """The distinct people watching a counted topic in this process."""
        return {str(key) for key in self._people.get(topic, ())}

    # Publishing -----------------------------------------------------------------------------

    def publish(self, topic: str, event: dict) -> None:
        """Safe to call from any thread, typically from ``transaction.on_commit``. Never raises:
        when the backend cannot take the event (Redis is away) it is logged and dropped. What
        was written is in the database, and every open page asks for it when the backend is
        back (`resync`)."""
        text = encode(event)
        try:
            self.backend.publish(topic, text)
        except Exception as exc:
            counters.dropped_publishes += 1
            _publish_failed.warning(
                "live: an event for %s was dropped (%s: %s); pages catch up when the live "
                "backend is back",
                topic,
                type(exc).__name__,
                exc,
            )

    def resync(self) -> None:
        """After a gap in the backend's subscription: every local socket is told to ask for what
        it missed (``live.resync``; the debate page sends ``catchup`` from its last id), and the
        viewer counts, lost with the gap, are published again. Runs on the event loop."""
        counters.resyncs += 1
        frame = encode({"type": RESYNC})
        for queue in tuple(self._queues.values()):
            queue.put_nowait(frame)
        for topic in tuple(self._counted):
            self._presence_changed(topic)

    # Delivery -------------------------------------------------------------------------------

    def _make_receiver(self, topic: str) -> Callable[[str], None]:
        def receive(text: str) -> None:
            queue = self._queues.get(topic)
            if queue is not None:
                queue.put_nowait(text)

        return receive

    async def _deliver_loop(self, topic: str) -> None:
        """One worker per topic keeps every socket's frames in publish order."""
        queue = self._queues[topic]
        while True:
            event = Event(await queue.get())
            direct = 0
            for sink in tuple(self._watchers.get(topic, {}).values()):
                # Neither way raises: a sink logs and counts its own failures.
                if sink.try_write(event):
                    direct += 1
                else:
                    await sink.send(event)
            counters.direct_writes += direct  # once per event: this loop is the hot path

    async def aclose(self) -> None:
        """Stops this hub's tasks and closes its backend. A hub's queues, tasks and connections
        belong to the event loop it started on: one per process in a server, one per test."""
        tasks = [*self._workers.values(), *filter(None, [self._heartbeat])]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=2)
        self._watchers.clear()
        self._queues.clear()
        self._workers.clear()
        self._people.clear()
        self._counted.clear()
        await self.backend.aclose()

    # Presence -------------------------------------------------------------------------------

    def _presence_changed(self, topic: str) -> None:
        if topic in self._presence_pending:
            return
        self._presence_pending.add(topic)
        asyncio.get_running_loop().call_later(
            PRESENCE_DELAY, lambda: asyncio.ensure_future(self._publish_presence(topic))
        )

    async def _publish_presence(self, topic: str) -> None:
        self._presence_pending.discard(topic)
        count = self.local_count(topic)
        try:
            total = await self.backend.presence(topic, self.local_people(topic))
            await self.backend.apublish(topic, encode({"type": "presence", "count": total}))
        except Exception:
            log.warning("live: presence update for %s failed", topic, exc_info=True)
        if count == 0:
            async with self._lock:
                if topic in self._watchers and not self._watchers[topic]:
                    await self._drop(topic)

    async def _refresh_presence(self) -> None:
        """Keeps this process's counts fresh so other processes go on believing them."""
        while True:
            await asyncio.sleep(PRESENCE_HEARTBEAT)
            for topic, watchers in tuple(self._watchers.items()):
                if watchers and topic in self._people:
                    try:
                        await self.backend.presence(topic, self.local_people(topic))
                    except Exception:
                        log.warning("live: presence refresh failed", exc_info=True)


def encode(event: dict) -> str:
    return json.dumps(event, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))


_hub: Hub | None = None


def get_hub() -> Hub:
    global _hub
    if _hub is None:
        backend_class = import_string(settings.LIVE_FANOUT_BACKEND)
        _hub = Hub(backend_class())
    return _hub


def reset_hub() -> None:
    """For tests that switch settings: the next `get_hub()` builds a fresh hub."""
    global _hub
    _hub = None


async def aclose_hub() -> None:
    """Closes this process's hub, if it has one, on the running event loop; the next
    `get_hub()` builds a fresh one."""
    global _hub
    hub, _hub = _hub, None
    if hub is not None:
        await hub.aclose()


def user_topic(user_id: int) -> str:
    """Every socket of one person listens here (blocks today, notifications later)."""
    return f"user:{user_id}"


def publish(topic: str, event: dict) -> None:
    get_hub().publish(topic, event)
