"""The debate socket while the database cannot be reached: a clear "try again" instead of a
dropped socket and a traceback."""

import uuid

import pytest
from django.db import OperationalError

from dialogue import consumers
from tests.dialogue.factories import make_debate
from tests.dialogue.test_consumer import open_socket, receive_type

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def unreachable(*args, **kwargs):
    raise OperationalError("couldn't get a connection after 1.50 sec")


async def test_a_post_while_the_database_is_away_gets_a_try_again_and_the_socket_stays(
    monkeypatch,
):
    from channels.db import database_sync_to_async

    debate = await database_sync_to_async(make_debate)()
    socket = await open_socket(debate.pk)
    monkeypatch.setattr(consumers, "_run", unreachable)
    client_id = str(uuid.uuid4())
    await socket.send_json_to({"type": "comment.post", "client_id": client_id, "body": "hej"})
    error = await receive_type(socket, "error")
    assert error["code"] == "unavailable" and error["client_id"] == client_id
    assert "Try again" in error["message"] or "igen" in error["message"]
    await socket.send_json_to({"type": "ping"})
    assert (await receive_type(socket, "pong"))["type"] == "pong"
    await socket.disconnect()


async def test_a_socket_opened_while_the_database_is_away_is_closed_as_try_again_later(
    monkeypatch,
):
    from channels.testing.websocket import WebsocketCommunicator

    from config.asgi import application

    monkeypatch.setattr(consumers, "_load_debate", unreachable)
    communicator = WebsocketCommunicator(
        application, "/ws/debates/1/", headers=[(b"origin", b"http://testserver")]
    )
    connected, code = await communicator.connect()
    assert not connected
    assert code == consumers.CLOSE_TRY_AGAIN_LATER
