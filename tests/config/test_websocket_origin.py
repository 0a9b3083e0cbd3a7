"""The socket goes through config.asgi exactly as uvicorn serves it."""

import pytest
from channels.testing.websocket import WebsocketCommunicator

from config.asgi import application

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def connect(origin: bytes | None):
    from channels.db import database_sync_to_async

    from tests.dialogue.factories import make_debate

    debate = await database_sync_to_async(make_debate)()
    headers = [(b"host", b"testserver")]
    if origin is not None:
        headers.append((b"origin", origin))
    communicator = WebsocketCommunicator(application, f"/ws/debates/{debate.pk}/", headers=headers)
    connected, _ = await communicator.connect()
    return communicator, connected


async def test_socket_from_the_sites_own_origin_is_accepted():
    communicator, connected = await connect(b"http://testserver")
    assert connected
    await communicator.send_to(text_data='{"type": "ping"}')
    reply = await communicator.receive_json_from()
    assert reply["type"] == "pong"
    await communicator.disconnect()


async def test_socket_from_a_foreign_origin_is_refused():
    communicator, connected = await connect(b"https://evil.example")
    assert not connected


async def test_socket_without_origin_is_refused():
    communicator, connected = await connect(None)
    assert not connected
