"""The debate socket through config.asgi, as uvicorn serves it."""

import asyncio
import json
import uuid
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.utils import timezone

from accounts import services as account_services
from config.asgi import application
from dialogue.models import Comment
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def open_socket(debate_id, user=None, origin=b"http://testserver"):
    communicator = WebsocketCommunicator(
        application,
        f"/ws/debates/{debate_id}/",
        headers=[(b"origin", origin), (b"host", b"testserver")],
    )
    if user is not None:
        communicator.scope["user"] = user
    connected, code = await communicator.connect()
    assert connected, code
    return communicator


async def receive_type(communicator, wanted, timeout=3):
    """The next message of a type, skipping presence updates."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        remaining = deadline - asyncio.get_running_loop().time()
        message = await communicator.receive_json_from(timeout=max(remaining, 0.01))
        if message["type"] == wanted:
            return message


@pytest.fixture
def debate(db):
    return make_debate()


async def test_a_comment_posted_on_one_socket_reaches_every_viewer(debate):
    author = await database_sync_to_async(UserFactory)()
    writer = await open_socket(debate.pk, author)
    reader = await open_socket(debate.pk)
    client_id = str(uuid.uuid4())
    await writer.send_json_to(
        {"type": "comment.post", "client_id": client_id, "body": "Hej <b>by</b>"}
    )
    ack = await receive_type(writer, "comment.ack")
    assert ack["created"] is True and ack["client_id"] == client_id
    event = await receive_type(reader, "comment.created")
    assert event["comment"]["id"] == ack["comment"]["id"]
    assert "&lt;b&gt;" in event["comment"]["body_html"]
    await writer.disconnect()
    await reader.disconnect()


async def test_a_retried_post_never_duplicates(debate):
    author = await database_sync_to_async(UserFactory)()
    socket = await open_socket(debate.pk, author)
    message = {"type": "comment.post", "client_id": str(uuid.uuid4()), "body": "én gang"}
    await socket.send_json_to(message)
    first = await receive_type(socket, "comment.ack")
    await socket.send_json_to(message)
    second = await receive_type(socket, "comment.ack")
    assert first["comment"]["id"] == second["comment"]["id"]
    assert second["created"] is False
    assert await database_sync_to_async(Comment.objects.count)() == 1
    await socket.disconnect()


async def test_anonymous_and_unverified_sockets_may_read_but_not_post(debate):
    anonymous = await open_socket(debate.pk)
    await anonymous.send_json_to(
        {"type": "comment.post", "client_id": str(uuid.uuid4()), "body": "x"}
    )
    assert (await receive_type(anonymous, "error"))["code"] == "login_required"
    unverified = await database_sync_to_async(UserFactory)(verified=False)
    socket = await open_socket(debate.pk, unverified)
    await socket.send_json_to({"type": "comment.post", "client_id": str(uuid.uuid4()), "body": "x"})
    assert (await receive_type(socket, "error"))["code"] == "unverified"
    await socket.send_json_to({"type": "reaction.set", "id": 1, "value": "agree"})
    assert (await receive_type(socket, "error"))["type"] == "error"
    await anonymous.disconnect()
    await socket.disconnect()


async def test_malformed_json_gets_an_error_and_the_socket_survives(debate):
    socket = await open_socket(debate.pk)
    await socket.send_to(text_data="{not json")
    assert (await receive_type(socket, "error"))["code"] == "malformed"
    await socket.send_to(text_data='["no type"]')
    assert (await receive_type(socket, "error"))["code"] == "malformed"
    await socket.send_json_to({"type": "ping"})
    assert (await receive_type(socket, "pong"))["type"] == "pong"
    await socket.disconnect()


async def test_an_over_long_frame_closes_the_socket(debate, settings):
    socket = await open_socket(debate.pk)
    await socket.send_to(text_data="x" * (settings.LIVE_MAX_FRAME_BYTES + 1))
    output = await socket.receive_output(timeout=2)
    assert output["type"] == "websocket.close"
    assert output["code"] == 1009


async def test_a_socket_for_a_debate_that_does_not_exist_is_closed(db):
    communicator = WebsocketCommunicator(
        application,
        "/ws/debates/999999/",
        headers=[(b"origin", b"http://testserver"), (b"host", b"testserver")],
    )
    connected, _ = await communicator.connect()
    assert not connected


async def test_reconnecting_client_catches_up_everything_after_its_last_id(debate):
    author = await database_sync_to_async(UserFactory)()
    socket = await open_socket(debate.pk, author)
    ids = []
    for text in ("en", "to", "tre"):
        await socket.send_json_to(
            {"type": "comment.post", "client_id": str(uuid.uuid4()), "body": text}
        )
        ids.append((await receive_type(socket, "comment.ack"))["comment"]["id"])
    await socket.disconnect()
    again = await open_socket(debate.pk)
    await again.send_json_to({"type": "catchup", "after": ids[0]})
    catchup = await receive_type(again, "catchup")
    assert [c["id"] for c in catchup["comments"]] == ids[1:]
    await again.disconnect()


async def test_edits_deletions_and_reactions_reach_viewers(debate):
    author = await database_sync_to_async(UserFactory)()
    reader_user = await database_sync_to_async(UserFactory)()
    writer = await open_socket(debate.pk, author)
    reader = await open_socket(debate.pk, reader_user)
    await writer.send_json_to(
        {"type": "comment.post", "client_id": str(uuid.uuid4()), "body": "før"}
    )
    comment_id = (await receive_type(writer, "comment.ack"))["comment"]["id"]
    await writer.send_json_to({"type": "comment.edit", "id": comment_id, "body": "efter"})
    edited = await receive_type(reader, "comment.edited")
    assert "efter" in edited["comment"]["body_html"] and edited["comment"]["edited"]
    await reader.send_json_to({"type": "reaction.set", "id": comment_id, "value": "agree"})
    reactions = await receive_type(writer, "comment.reactions")
    assert (reactions["id"], reactions["agree"]) == (comment_id, 1)
    await writer.send_json_to({"type": "comment.delete", "id": comment_id})
    deleted = await receive_type(reader, "comment.deleted")
    assert deleted["comment"]["status"] == "deleted" and deleted["comment"]["body_html"] == ""
    await writer.disconnect()
    await reader.disconnect()


async def test_viewers_are_told_how_many_follow_the_debate(debate):
    first = await open_socket(debate.pk)
    second = await open_socket(debate.pk, await database_sync_to_async(UserFactory)())
    presence = await receive_type(first, "presence", timeout=4)
    assert presence["count"] == 2
    await first.disconnect()
    await second.disconnect()


async def test_blocking_a_user_closes_their_open_sockets_within_5_seconds(debate):
    user = await database_sync_to_async(UserFactory)()
    socket = await open_socket(debate.pk, user)
    await asyncio.sleep(0.1)
    await database_sync_to_async(account_services.user_block)(
        user=user, until=timezone.now() + timedelta(days=7), reason="test"
    )
    deadline = asyncio.get_running_loop().time() + 5
    while True:
        output = await socket.receive_output(timeout=deadline - asyncio.get_running_loop().time())
        if output["type"] == "websocket.close":
            break
        if output["type"] == "websocket.send":
            assert json.loads(output["text"])["type"] in {"presence", "account.blocked"}
    assert output["code"] == 1008


async def test_catch_up_also_returns_a_comment_that_committed_after_a_newer_one(debate):
    """Two processes (or threads) save comments at the same moment: the one with the higher id
    may reach a page first. A page that reconnects after seeing only that one still gets the
    other; the page skips what it already has."""
    author = await database_sync_to_async(UserFactory)()

    def two_comments():
        older = Comment.objects.create(
            debate=debate, author=author, body="først", status="published"
        )
        newer = Comment.objects.create(debate=debate, author=author, body="så", status="published")
        ancient = Comment.objects.create(
            debate=debate, author=author, body="gammel", status="published"
        )
        # One written long before the last seen: not sent again.
        Comment.objects.filter(pk=ancient.pk).update(
            id=newer.pk - 100, created_at=timezone.now() - timedelta(minutes=5)
        )
        return older.pk, newer.pk

    older, newer = await database_sync_to_async(two_comments)()
    socket = await open_socket(debate.pk)
    await socket.send_json_to({"type": "catchup", "after": newer})
    catchup = await receive_type(socket, "catchup")
    assert [c["id"] for c in catchup["comments"]] == [older]
    await socket.disconnect()


async def test_comments_from_several_sockets_written_side_by_side_all_arrive_once(debate, settings):
    """settings.DIALOGUE_PARALLEL_WRITES (on in production): on PostgreSQL each socket's writes
    run in a thread with a connection of their own. Every comment is saved once and reaches
    the reader once."""
    settings.DIALOGUE_PARALLEL_WRITES = True
    authors = [await database_sync_to_async(UserFactory)() for _ in range(4)]
    writers = [await open_socket(debate.pk, author) for author in authors]
    reader = await open_socket(debate.pk)
    for round_ in range(3):
        for number, writer in enumerate(writers):
            await writer.send_json_to(
                {
                    "type": "comment.post",
                    "client_id": str(uuid.uuid4()),
                    "body": f"Skribent {number}, runde {round_}",
                }
            )
    acked = []
    for writer in writers:
        for _ in range(3):
            ack = await receive_type(writer, "comment.ack", timeout=10)
            assert ack["created"] is True
            acked.append(ack["comment"]["id"])
    seen = [(await receive_type(reader, "comment.created", timeout=10))["comment"]["id"]]
    while len(seen) < len(acked):
        seen.append((await receive_type(reader, "comment.created", timeout=10))["comment"]["id"])
    assert sorted(seen) == sorted(acked) and len(set(acked)) == 12
    saved = await database_sync_to_async(
        lambda: sorted(Comment.objects.filter(debate=debate).values_list("pk", flat=True))
    )()
    assert saved == sorted(acked)
    for socket in (*writers, reader):
        await socket.disconnect()
