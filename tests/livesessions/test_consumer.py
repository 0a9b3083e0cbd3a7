"""The live-session socket through config.asgi, as uvicorn serves it: questions, upvotes and
votes reach every screen, a reconnect catches up, and bad input gets a clear message in the
page's language without a crashed socket or anything stored."""

import asyncio
import uuid

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator

from config.asgi import application
from livesessions import guests, services
from livesessions.models import PollVote, Question
from tests.livesessions.factories import open_session, poll

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


async def connect(path, *, user=None, cookie=None, origin=b"http://testserver", expect=True):
    headers = [(b"origin", origin), (b"host", b"testserver")]
    if cookie:
        headers.append((b"cookie", f"{guests.COOKIE}={cookie}".encode()))
    communicator = WebsocketCommunicator(application, path, headers=headers)
    if user is not None:
        communicator.scope["user"] = user
    connected, code = await communicator.connect()
    if expect:
        assert connected, code
    return communicator, connected, code


async def receive(communicator, wanted, timeout=3):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        remaining = deadline - asyncio.get_running_loop().time()
        message = await communicator.receive_json_from(timeout=max(remaining, 0.01))
        if message["type"] == wanted:
            return message


@database_sync_to_async
def setup(**kwargs):
    session, organiser = open_session(**kwargs)
    single = poll(session, organiser)
    services.poll_open(user=organiser, poll=single)
    return session, organiser, single, [o.pk for o in single.options.all()]


async def test_questions_upvotes_and_votes_reach_every_screen_and_a_reconnect_catches_up():
    session, _organiser, single, options = await setup()
    phone_a, _, _ = await connect(f"/ws/live/{session.code}/", cookie=guests.new_cookie_value())
    cookie_b = guests.new_cookie_value()
    phone_b, _, _ = await connect(f"/ws/live/{session.code}/", cookie=cookie_b)
    screen, _, _ = await connect(f"/ws/live/screen/{session.screen_key}/")
    for socket in (phone_a, phone_b, screen):
        state = await receive(socket, "state")
        assert state["poll"]["id"] == single.pk and state["questions"] == []

    client_id = str(uuid.uuid4())
    await phone_a.send_json_to(
        {"type": "question.ask", "body": "Hvad med bolig?", "client_id": client_id}
    )
    ack = await receive(phone_a, "question.ack")
    assert ack["created"] and ack["client_id"] == client_id
    question_id = ack["question"]["id"]
    assert (await receive(phone_b, "question.new"))["question"]["body"] == "Hvad med bolig?"
    # A resend after a dropped connection is the same question.
    await phone_a.send_json_to(
        {"type": "question.ask", "body": "Hvad med bolig?", "client_id": client_id}
    )
    assert (await receive(phone_a, "question.ack"))["created"] is False

    await phone_b.send_json_to({"type": "question.upvote", "id": question_id})
    assert (await receive(phone_b, "question.upvoted"))["voted"] is True
    assert (await receive(phone_a, "question.votes"))["votes"] == 1

    for _attempt in range(2):  # a retry counts once
        await phone_b.send_json_to(
            {"type": "poll.vote", "poll": single.pk, "options": [options[0]]}
        )
        assert (await receive(phone_b, "poll.voted"))["ballot"] == [options[0]]
    results = (await receive(screen, "poll.results"))["results"]
    while results["voters"] != 1:
        results = (await receive(screen, "poll.results"))["results"]
    assert results["counts"][str(options[0])] == 1

    await phone_b.disconnect()
    again, _, _ = await connect(f"/ws/live/{session.code}/", cookie=cookie_b)
    state = await receive(again, "state")
    assert state["ballot"] == [options[0]] and state["upvoted"] == [question_id]
    assert state["results"]["voters"] == 1 and state["questions"][0]["votes"] == 1
    for socket in (phone_a, again, screen):
        await socket.disconnect()
    assert await database_sync_to_async(PollVote.objects.count)() == 1


async def test_bad_input_gets_a_message_in_the_pages_language_and_stores_nothing():
    session, organiser, single, options = await setup()
    phone, _, _ = await connect(
        f"/ws/live/{session.code}/?lang=en", cookie=guests.new_cookie_value()
    )
    await receive(phone, "state")
    cases = [
        ({"type": "poll.vote", "poll": single.pk, "options": [999999]}, "bad_option"),
        ({"type": "poll.vote", "poll": 424242, "options": [options[0]]}, "not_found"),
        ({"type": "poll.vote", "poll": single.pk, "options": "x"}, "bad_option"),
        ({"type": "question.ask", "body": ""}, "empty"),
        ({"type": "question.ask", "body": "x" * 281}, "too_long"),
        ({"type": "question.ask", "body": 42}, "malformed"),
        ({"type": "question.ask", "body": "nul\x00"}, "bad_text"),
        ({"type": "question.upvote", "id": "1e400"}, "not_found"),
        ({"type": "session.close"}, "not_moderator"),
        ({"type": "poll.close", "id": single.pk}, "not_moderator"),
        ({"type": "question.moderate", "id": 1, "action": "hide"}, "not_moderator"),
        ({"type": "launch"}, "unknown_type"),
    ]
    for frame, code in cases:
        await phone.send_json_to(frame)
        error = await receive(phone, "error")
        assert error["code"] == code, frame
        assert error["message"]
    await phone.send_to(text_data="{not json")
    assert (await receive(phone, "error"))["code"] == "malformed"
    await phone.send_json_to({"type": "ping"})
    await receive(phone, "pong")  # the socket lives on
    await phone.disconnect()

    arabic, _, _ = await connect(
        f"/ws/live/{session.code}/?lang=ar", cookie=guests.new_cookie_value()
    )
    await receive(arabic, "state")
    await arabic.send_json_to({"type": "question.ask", "body": ""})
    error = await receive(arabic, "error")
    assert error["message"] != "Write your question before you send it."
    assert any("\u0600" <= ch <= "\u06ff" for ch in error["message"])
    await arabic.disconnect()

    screen, _, _ = await connect(f"/ws/live/screen/{session.screen_key}/")
    await receive(screen, "state")
    await screen.send_json_to({"type": "poll.vote", "poll": single.pk, "options": [options[0]]})
    assert (await receive(screen, "error"))["code"] == "read_only"
    await screen.disconnect()

    await database_sync_to_async(services.poll_close)(user=organiser, poll=single)
    late, _, _ = await connect(f"/ws/live/{session.code}/", cookie=guests.new_cookie_value())
    await receive(late, "state")
    await late.send_json_to({"type": "poll.vote", "poll": single.pk, "options": [options[0]]})
    assert (await receive(late, "error"))["code"] == "poll_closed"
    await late.disconnect()
    assert await database_sync_to_async(PollVote.objects.count)() == 0
    assert await database_sync_to_async(Question.objects.count)() == 0


async def test_wrong_codes_foreign_origins_and_moderators_on_the_socket():
    session, organiser, single, _options = await setup(premoderated=True)
    _socket, connected, code = await connect("/ws/live/NOSUCH/", expect=False)
    assert not connected and code == 4404
    _socket, connected, _code = await connect(
        f"/ws/live/{session.code}/", origin=b"http://evil.example", expect=False
    )
    assert not connected
    _socket, connected, code = await connect("/ws/live/screen/wrong-key/", expect=False)
    assert not connected and code == 4404

    moderator, _, _ = await connect(f"/ws/live/{session.code}/", user=organiser)
    assert (await receive(moderator, "state"))["moderator"] is True
    phone, _, _ = await connect(f"/ws/live/{session.code}/", cookie=guests.new_cookie_value())
    await receive(phone, "state")
    await phone.send_json_to({"type": "question.ask", "body": "Til godkendelse"})
    ack = await receive(phone, "question.ack")
    assert ack["question"]["status"] == "pending"
    pending = await receive(moderator, "question.new")
    assert pending["question"]["id"] == ack["question"]["id"]
    await moderator.send_json_to(
        {"type": "question.moderate", "id": ack["question"]["id"], "action": "approve"}
    )
    await receive(moderator, "ok")
    shown = await receive(phone, "question.new")
    assert shown["question"]["status"] == "visible"
    await moderator.send_json_to({"type": "poll.close", "id": single.pk})
    closed = await receive(phone, "poll.state")
    assert closed["poll"]["state"] == "closed"
    for socket in (moderator, phone):
        await socket.disconnect()
