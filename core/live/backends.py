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


class RedisBackend:
    """Production: one Redis pub/sub connection per process carries all its topics."""

    presence_ttl = 180  # seconds an unrefreshed process count is still believed

    def __init__(self, url: str | None = None):
        import redis

        self.url = url or settings.REDIS_URL
        namespace = getattr(settings, "LIVE_REDIS_PREFIX", "bdib:")
        self.channel_prefix = namespace + "live:"
        self.presence_prefix = namespace + "presence:"
        self.process_id = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._sync = redis.Redis.from_url(self.url)
        self._sync_lock = threading.Lock()
        self._async = None
        self._pubsub = None
        self._receivers: dict[str, Callable[[str], None]] = {}
        self._reader: asyncio.Task | None = None
        self._presence_fields: dict[str, set[str]] = {}

    def _channel(self, topic: str) -> str:
        return self.channel_prefix + topic

    async def _ensure_connection(self) -> None:
        if self._pubsub is None:
            import redis.asyncio as aioredis

            self._async = aioredis.Redis.from_url(self.url)
            self._pubsub = self._async.pubsub(ignore_subscribe_messages=True)

    async def subscribe(self, topic: str, receive: Callable[[str], None]) -> None:
        await self._ensure_connection()
        self._receivers[topic] = receive
        await self._pubsub.subscribe(self._channel(topic))
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read())

    async def unsubscribe(self, topic: str) -> None:
        self._receivers.pop(topic, None)
        if self._pubsub is not None:
            await self._pubsub.unsubscribe(self._channel(topic))

    async def _read(self) -> None:
        prefix_length = len(self.channel_prefix)
        backoff = 0.1
        while True:
            try:
                message = await self._pubsub.get_message(timeout=1.0)
                backoff = 0.1
            except asyncio.CancelledError:
                raise
            except Exception:
                log.warning("live: Redis subscription lost; reconnecting", exc_info=True)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 5.0)
                await self._resubscribe()
                continue
            if message is None or message.get("type") != "message":
                if not self._receivers:
                    await asyncio.sleep(0.05)
                continue
            topic = message["channel"].decode()[prefix_length:]
            receive = self._receivers.get(topic)
            if receive is not None:
                receive(message["data"].decode())

    async def _resubscribe(self) -> None:
        try:
            await self._pubsub.aclose()
        except Exception:
            log.debug("live: closing the old subscription failed", exc_info=True)
        self._pubsub = self._async.pubsub(ignore_subscribe_messages=True)
        if self._receivers:
            await self._pubsub.subscribe(*(self._channel(t) for t in self._receivers))

    def publish(self, topic: str, text: str) -> None:
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
