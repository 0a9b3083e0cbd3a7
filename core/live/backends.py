"""Where events travel between processes: nowhere (in-process) or through Redis pub/sub."""

import asyncio
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable

from django.conf import settings

log = logging.getLogger(__name__)


class InProcessBackend:
    """The embedded default: every viewer is in this one process."""

    def __init__(self):
        self._receivers: dict[str, Callable[[str], None]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None

    async def subscribe(self, topic: str, receive: Callable[[str], None]) -> None:
        self._loop = asyncio.get_running_loop()
        self._receivers[topic] = receive

    async def unsubscribe(self, topic: str) -> None:
        self._receivers.pop(topic, None)

    def publish(self, topic: str, text: str) -> None:
        receive = self._receivers.get(topic)
        loop = self._loop
        if receive is None or loop is None or loop.is_closed():
            return
        loop.call_soon_threadsafe(receive, text)

    async def apublish(self, topic: str, text: str) -> None:
        receive = self._receivers.get(topic)
        if receive is not None:
            receive(text)

    async def presence(self, topic: str, people: set[str]) -> int:
        """How many distinct people watch `topic`, given those watching in this process."""
        return len(people)

    async def aclose(self) -> None:
        self._receivers.clear()


class RedisBackend:
    """Production: one Redis pub/sub connection per process carries all its topics.

    Redis may go away at any time. Nothing here raises into a request or a socket because of
    that: a publish that fails is logged and dropped (the database is the record), and the
    reader task never dies: it retries with back-off until Redis answers again, subscribes every
    local topic anew and then calls `on_resync`, through which the hub tells every local socket
    to ask for what it missed. redis-py also reconnects a subscription on its own when it can;
    that is counted as a gap too, because messages published meanwhile are gone."""

    presence_ttl = 180  # seconds an unrefreshed process count is still believed
    connect_timeout = 1.0  # seconds; a request that publishes must not hang on a dead Redis
    retry_cap = 1.0  # seconds between attempts to resubscribe, at most

    def __init__(self, url: str | None = None):
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        self.url = url or settings.REDIS_URL
        namespace = getattr(settings, "LIVE_REDIS_PREFIX", "bdib:")
        self.channel_prefix = namespace + "live:"
        self.presence_prefix = namespace + "presence:"
        self.process_id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        # One attempt: a publish inside a request either goes through at once or is dropped.
        self._sync = redis.Redis.from_url(
            self.url,
            socket_connect_timeout=self.connect_timeout,
            socket_timeout=2.0,
            retry=Retry(NoBackoff(), 0),
        )
        self._sync_lock = threading.Lock()
        self._async = None
        self._pubsub = None
        self._receivers: dict[str, Callable[[str], None]] = {}
        self._reader: asyncio.Task | None = None
        self._closed = False
        self._gap = False  # a reconnect happened that the sockets have not been told about
        self.connected = True  # False from a lost subscription until it is made again
        self.on_resync: Callable[[], None] | None = None
        self._presence_fields: dict[str, set[str]] = {}

    def _channel(self, topic: str) -> str:
        return self.channel_prefix + topic

    async def _ensure_connection(self) -> None:
        if self._async is None:
            import redis.asyncio as aioredis

            self._async = aioredis.Redis.from_url(
                self.url,
                socket_connect_timeout=self.connect_timeout,
                # A subscription idle this long is pinged, so a half-open connection is noticed.
                health_check_interval=15,
            )
        if self._pubsub is None:
            self._pubsub = _pubsub_class()(
                self._async.connection_pool,
                ignore_subscribe_messages=True,
                on_reconnect=self._mark_gap,
            )

    def _mark_gap(self) -> None:
        self._gap = True

    async def subscribe(self, topic: str, receive: Callable[[str], None]) -> None:
        self._receivers[topic] = receive
        if self.connected:
            try:
                await self._ensure_connection()
                await self._pubsub.subscribe(self._channel(topic))
            except Exception as exc:
                # The reader subscribes every topic anew once Redis answers, and the socket
                # that joined is told to catch up then.
                log.warning("live: subscribing to %s failed (%s); retrying later", topic, exc)
                self.connected = False
        self._start_reader()

    def _start_reader(self) -> None:
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read())

    async def unsubscribe(self, topic: str) -> None:
        self._receivers.pop(topic, None)
        if self._pubsub is not None and self.connected:
            try:
                await self._pubsub.unsubscribe(self._channel(topic))
            except Exception as exc:
                log.warning("live: unsubscribing from %s failed (%s)", topic, exc)

    async def _read(self) -> None:
        prefix_length = len(self.channel_prefix)
        backoff = 0.1
        while not self._closed:
            try:
                if not self.connected:
                    await self._resubscribe()
                    self.connected, self._gap, backoff = True, True, 0.1
                    topics = len(self._receivers)
                    log.warning("live: Redis subscription restored (%d topics)", topics)
                if self._pubsub is None or self._pubsub.connection is None:
                    await asyncio.sleep(0.1)  # nothing subscribed yet
                    continue
                message = await self._pubsub.get_message(timeout=1.0)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                if self.connected:
                    log.warning("live: Redis subscription lost (%s); reconnecting", exc)
                self.connected = False
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self.retry_cap)
                continue
            if self._gap:
                self._gap = False
                self._resync()
            if message is None or message.get("type") != "message":
                if not self._receivers:
                    await asyncio.sleep(0.05)
                continue
            topic = message["channel"].decode()[prefix_length:]
            receive = self._receivers.get(topic)
            if receive is not None:
                receive(message["data"].decode())

    def _resync(self) -> None:
        if self.on_resync is None:
            return
        try:
            self.on_resync()
        except Exception:
            log.exception("live: telling the sockets to catch up failed")

    async def _resubscribe(self) -> None:
        """A fresh subscription to every local topic (raises while Redis is still away)."""
        old, self._pubsub = self._pubsub, None
        if old is not None:
            try:
                await old.aclose()
            except Exception:
                log.debug("live: closing the old subscription failed", exc_info=True)
        await self._ensure_connection()
        await self._async.ping()
        if self._receivers:
            await self._pubsub.subscribe(*(self._channel(t) for t in self._receivers))

    async def aclose(self) -> None:
        """Stops the reader and closes the connections; they belong to the running event loop
        (a process shutting down; a test whose loop ends)."""
        self._closed = True
        self._receivers.clear()
        if self._reader is not None and not self._reader.done():
            self._reader.cancel()
            await asyncio.wait({self._reader}, timeout=2)
        for resource in (self._pubsub, self._async):
            if resource is not None:
                try:
                    await resource.aclose()
                except Exception:
                    log.debug("live: closing a Redis connection failed", exc_info=True)
        self._pubsub = self._async = None

    def publish(self, topic: str, text: str) -> None:
        """Raises when Redis does not take the event; the hub logs and drops it."""
        with self._sync_lock:
            self._sync.publish(self._channel(topic), text)

    async def apublish(self, topic: str, text: str) -> None:
        await self._ensure_connection()
        await self._async.publish(self._channel(topic), text)

    async def presence(self, topic: str, people: set[str]) -> int:
        """One hash per topic with a field per (process, person) holding when this process last
        saw them: the total is the number of distinct people with a fresh field, so one person
        with sockets on two processes counts once."""
        await self._ensure_connection()
        key = self.presence_prefix + topic
        now = time.time()
        mine = {f"{self.process_id}|{person}" for person in people}
        gone = self._presence_fields.get(topic, set()) - mine
        if gone:
            await self._async.hdel(key, *gone)
        if mine:
            await self._async.hset(key, mapping=dict.fromkeys(mine, f"{now:.0f}"))
            self._presence_fields[topic] = mine
        else:
            self._presence_fields.pop(topic, None)
        await self._async.expire(key, self.presence_ttl)
        fresh = set()
        for field, stamp in (await self._async.hgetall(key)).items():
            if now - float(stamp or 0) < self.presence_ttl:
                fresh.add(field.decode().partition("|")[2])
        return len(fresh)


_PUBSUB_CLASS = None


def _pubsub_class():
    """redis-py's PubSub, telling the backend whenever it reconnects by itself (its own retry
    resubscribes, but whatever was published in between never arrives)."""
    global _PUBSUB_CLASS
    if _PUBSUB_CLASS is None:
        from redis.asyncio.client import PubSub

        class NoticingPubSub(PubSub):
            def __init__(self, *args, on_reconnect: Callable[[], None], **kwargs):
                super().__init__(*args, **kwargs)
                self._on_reconnect = on_reconnect

            async def on_connect(self, connection) -> None:
                await super().on_connect(connection)
                self._on_reconnect()

        _PUBSUB_CLASS = NoticingPubSub
    return _PUBSUB_CLASS
