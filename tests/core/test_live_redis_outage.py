"""The hub on Redis when Redis goes away and comes back, on a redis-server of the test's own
(killed with SIGKILL, as a crash would): nothing raises into the code that publishes, the
subscription comes back by itself, and every local socket is told to catch up."""

import asyncio
import json
import shutil

import pytest

from core.live.backends import RedisBackend
from core.live.hub import RESYNC, Hub
from core.live.metrics import counters
from devtools import services
from devtools.servers import RedisServer

pytestmark = [pytest.mark.redis, pytest.mark.slow]


@pytest.fixture
def redis_server():
    if shutil.which("redis-server") is None:
        if services.IN_CI:
            pytest.fail("CI=true but redis-server is not installed", pytrace=False)
        pytest.skip("redis-server is not installed")
    with RedisServer() as server:
        yield server


class Socket:
    """Stands in for a socket's ASGI send: keeps every event it is given."""

    def __init__(self):
        self.events: list[dict] = []
        self.arrived = asyncio.Event()

    async def __call__(self, message: dict) -> None:
        self.events.append(json.loads(message["text"]))
        self.arrived.set()

    def types(self) -> list[str]:
        return [event["type"] for event in self.events]

    # Waits below are generous for a loaded CI machine; the 5 s promise is measured and held by
    # tests/dialogue/test_redis_outage.py (CAUGHT_UP_WITHIN).
    async def wait_for(self, predicate, timeout: float) -> None:
        async def wait():
            while not predicate(self):
                self.arrived.clear()
                await self.arrived.wait()

        await asyncio.wait_for(wait(), timeout)


def has_comment(number):
    return lambda socket: any(event.get("n") == number for event in socket.events)


def has_resync(socket):
    return RESYNC in socket.types()


async def test_a_publish_while_redis_is_down_is_dropped_without_raising(redis_server):
    hub = Hub(RedisBackend(redis_server.url))
    redis_server.kill()
    before = counters.dropped_publishes
    hub.publish("debate:1", {"type": "comment.created", "n": 1})  # does not raise
    assert counters.dropped_publishes == before + 1


async def test_after_redis_returns_every_socket_is_told_to_catch_up_and_live_updates_resume(
    redis_server,
):
    hub = Hub(RedisBackend(redis_server.url))
    first, second, elsewhere = Socket(), Socket(), Socket()
    await hub.join("debate:1", first)
    await hub.join("debate:1", second)
    await hub.join("debate:2", elsewhere)
    await asyncio.to_thread(hub.publish, "debate:1", {"type": "comment.created", "n": 1})
    await first.wait_for(has_comment(1), 15)

    redis_server.kill()
    await asyncio.sleep(1.5)  # the reader notices and retries against a dead port
    await asyncio.to_thread(hub.publish, "debate:1", {"type": "comment.created", "n": 2})
    redis_server.start()
    loop = asyncio.get_running_loop()
    back = loop.time()

    for socket in (first, second, elsewhere):
        await socket.wait_for(has_resync, 15)
    assert loop.time() - back < 5
    assert not has_comment(2)(first)  # gone with the outage: the page's catch-up brings it

    await asyncio.to_thread(hub.publish, "debate:1", {"type": "comment.created", "n": 3})
    await first.wait_for(has_comment(3), 15)
    await second.wait_for(has_comment(3), 15)

    later = Socket()
    await hub.join("debate:3", later)
    await asyncio.to_thread(hub.publish, "debate:3", {"type": "comment.created", "n": 4})
    await later.wait_for(has_comment(4), 15)


async def test_a_socket_that_joins_while_redis_is_down_is_caught_up_when_it_returns(redis_server):
    hub = Hub(RedisBackend(redis_server.url))
    early = Socket()
    await hub.join("debate:1", early)
    redis_server.kill()
    late = Socket()
    await hub.join("debate:7", late)  # does not raise
    await asyncio.sleep(0.5)
    redis_server.start()
    await late.wait_for(has_resync, 15)
    await asyncio.to_thread(hub.publish, "debate:7", {"type": "comment.created", "n": 1})
    await late.wait_for(has_comment(1), 15)


async def test_closing_the_hub_ends_every_task_it_started_and_its_connections(redis_server):
    """A hub's tasks and connections belong to its event loop; `aclose` ends them all, so a
    loop that closes afterwards has nothing left to wait for."""
    hub = Hub(RedisBackend(redis_server.url))
    before = asyncio.all_tasks()
    await hub.join("debate:1", Socket(), counted=True, person="a")
    await hub.join("user:7", Socket())
    started = asyncio.all_tasks() - before
    assert len(started) >= 3  # a worker per topic, the presence heartbeat, the Redis reader
    await asyncio.wait_for(hub.aclose(), 5)
    assert all(task.done() for task in started)
    assert hub.backend._async is None and hub.backend._pubsub is None
    assert hub.local_count("debate:1") == 0
