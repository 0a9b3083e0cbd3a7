"""The peer the fan-out benchmark compares against: a bare `websockets` broadcast server.

Every text frame from a connection whose path is /publish is sent to every connection on /watch
with `websockets.broadcast`, the library's own fastest path. Nothing else: no auth, no database."""

import asyncio
import sys

from websockets.asyncio.server import broadcast, serve

watchers = set()


async def handler(connection):
    if connection.request.path == "/publish":
        async for message in connection:
            broadcast(watchers, message)
        return
    watchers.add(connection)
    try:
        await connection.wait_closed()
    finally:
        watchers.discard(connection)


async def main(port: int) -> None:
    async with serve(handler, "127.0.0.1", port, max_size=65536, compression=None):
        await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    try:
        import uvloop

        uvloop.install()
    except ImportError:
        pass
    asyncio.run(main(int(sys.argv[1])))
