"""The socket goes through config.asgi exactly as uvicorn serves it: only a page of the site itself
(scheme, host and port of SITE_URL or DJANGO_CSRF_TRUSTED_ORIGINS) may open one."""

import pytest
from channels.testing.websocket import WebsocketCommunicator

from config.asgi import application

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def site_at_port_8000(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.CSRF_TRUSTED_ORIGINS = ["https://blanddigibyen.kk.dk"]


async def connect(origin: bytes | None):
    from channels.db import database_sync_to_async

    from tests.dialogue.factories import make_debate

    debate = await database_sync_to_async(make_debate)()
    headers = [(b"host", b"127.0.0.1:8000")]
    if origin is not None:
        headers.append((b"origin", origin))
    communicator = WebsocketCommunicator(application, f"/ws/debates/{debate.pk}/", headers=headers)
    connected, _ = await communicator.connect()
    return communicator, connected


async def test_socket_from_the_sites_own_origin_is_accepted():
    communicator, connected = await connect(b"http://127.0.0.1:8000")
    assert connected
    await communicator.send_to(text_data='{"type": "ping"}')
    reply = await communicator.receive_json_from()
    assert reply["type"] == "pong"
    await communicator.disconnect()


async def test_socket_from_a_csrf_trusted_origin_is_accepted():
    communicator, connected = await connect(b"https://blanddigibyen.kk.dk")
    assert connected
    await communicator.disconnect()


@pytest.mark.parametrize(
    "origin",
    [
        b"https://evil.example",
        b"http://evil.example:8000",
        b"http://127.0.0.1:9999",  # the same host, another port
        b"http://127.0.0.1",  # the same host, port 80
        b"https://127.0.0.1:8000",  # the same host and port, another scheme
        b"http://blanddigibyen.kk.dk",  # a trusted host over plain HTTP
        b"https://blanddigibyen.kk.dk:8443",
        b"http://127.0.0.1:abc",
        b"null",
    ],
)
async def test_socket_from_a_foreign_origin_is_refused(origin):
    communicator, connected = await connect(origin)
    assert not connected


async def test_socket_without_origin_is_refused():
    communicator, connected = await connect(None)
    assert not connected
