"""The account socket (/ws/me/): the header's unread count, live."""

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.contrib.auth.models import AnonymousUser

from accounts.models import Notification
from config.asgi import application
from notifications import services
from tests.factories import UserFactory

# Like every transactional test here: the flush after it must leave what the next test restores
# (pytest-django then reloads the serialized database, content types included).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def communicator_for(user):
    communicator = WebsocketCommunicator(
        application,
        "/ws/me/",
        headers=[(b"origin", b"http://testserver"), (b"host", b"testserver")],
    )
    communicator.scope["user"] = user
    return communicator


def notify_one(user):
    Notification.objects.create(user=user, kind="reply", subject="Svar", body="…")
    services.publish_unread([user.pk])


async def test_the_count_arrives_at_connect_and_again_when_a_notice_comes():
    user, other = (
        await database_sync_to_async(UserFactory)(),
        await database_sync_to_async(UserFactory)(),
    )
    await database_sync_to_async(notify_one)(user)
    socket = communicator_for(user)
    connected, _code = await socket.connect()
    assert connected
    assert await socket.receive_json_from(timeout=3) == {"type": "notifications.unread", "count": 1}

    await database_sync_to_async(notify_one)(user)
    assert await socket.receive_json_from(timeout=3) == {"type": "notifications.unread", "count": 2}

    # Another person's notice is not sent here.
    await database_sync_to_async(notify_one)(other)
    assert await socket.receive_nothing(timeout=0.3)

    await database_sync_to_async(services.mark_read)(user=user)
    # mark_read publishes after commit; outside a transaction that is at once.
    assert await socket.receive_json_from(timeout=3) == {"type": "notifications.unread", "count": 0}
    await socket.disconnect()


async def test_an_anonymous_socket_is_closed():
    socket = communicator_for(AnonymousUser())
    connected, code = await socket.connect()
    assert not connected and code == 4401
