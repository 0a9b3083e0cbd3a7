"""A debate socket driven from a synchronous test, so the consumer's database work runs on the
test's own connection (inside the world's transaction): `async_to_sync` makes asgiref run
thread-sensitive code in the calling thread."""

import asyncio
import json
from unittest import mock

from asgiref.sync import async_to_sync
from channels.testing.websocket import WebsocketCommunicator

from config.asgi import application
from core.live.hub import aclose_hub, reset_hub


class Dropped(AssertionError):
    pass


class Socket:
    def __init__(self, debate_id: int, user=None):
        self.communicator = WebsocketCommunicator(
            application,
            f"/ws/debates/{debate_id}/",
            headers=[(b"origin", b"http://testserver"), (b"host", b"testserver")],
        )
        if user is not None:
            self.communicator.scope["user"] = user

    async def open(self):
        connected, code = await self.communicator.connect()
        assert connected, f"the socket was refused ({code})"
        # The hub may send a presence frame first; the replies are read by type below.
        return self

    async def exchange(self, text: str, timeout: float = 5) -> dict:
        """Send one frame; the first reply that is not a presence update. A close frame or
        an exception in the consumer is a drop."""
        await self.communicator.send_to(text_data=text)
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            remaining = max(deadline - asyncio.get_running_loop().time(), 0.01)
            try:
                output = await self.communicator.receive_output(timeout=remaining)
            except TimeoutError as error:
                raise Dropped(f"no answer to {text[:120]!r}") from error
            except Exception as error:  # the consumer raised: the socket died without a frame
                raise Dropped(f"{type(error).__name__}: {error} after {text[:120]!r}") from error
            if output["type"] == "websocket.close":
                raise Dropped(f"closed with {output.get('code')} after {text[:120]!r}")
            reply = json.loads(output["text"])
            if reply.get("type") not in {"presence", "viewers", "comment.created"}:
                return reply

    async def close(self):
        await self.communicator.disconnect()


def run(scenario):
    """Run an async scenario from a sync test (see the module docstring). Channels closes
    "old" connections around each database call, and inside the test's transaction Django
    takes the connection for one to close (autocommit is off): a no-op on SQLite's in-memory
    database, a closed connection on PostgreSQL. The test's transaction is no old connection.

    Each call runs on an event loop of its own, so each gets a hub of its own, closed before
    its loop ends: a hub kept from an earlier loop holds that loop's queues and Redis
    connections, and its reader never finishes (the hang that once held CI up for an hour)."""

    async def on_its_own_hub():
        reset_hub()
        try:
            return await scenario()
        finally:
            await aclose_hub()

    with mock.patch("channels.db.close_old_connections", lambda **kwargs: None):
        return async_to_sync(on_its_own_hub)()
