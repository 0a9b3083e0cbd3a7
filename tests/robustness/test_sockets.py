"""Every message type of the debate socket, every field, every kind of value: the socket answers
each frame (an error frame when it must refuse) and stays open; nothing is logged at ERROR."""

import json
import uuid

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from dialogue.consumers import DebateConsumer
from dialogue.models import MAX_COMMENT_LENGTH, Comment
from tests.robustness import corpus
from tests.robustness.conftest import CASES
from tests.robustness.sockets import Socket, run

pytestmark = pytest.mark.django_db

MESSAGE_TYPES = sorted(DebateConsumer().handlers())
# Every field any handler reads; each type gets all of them, so a field a handler starts reading
# later is already covered.
FIELDS = ("id", "body", "parent", "client_id", "after", "value", "reason", "text")
RAW_LITERALS = [
    "Infinity", "-Infinity", "NaN", "1e400", "-1e400", "9" * 30, "-" + "9" * 30, "1.5", "-1",
    "0", "null", "true", "false", "[]", "{}", "[1]", '{"a": 1}', '"' + "\\u0000" + '"',
]  # fmt: skip
HYPOTHESIS_EXAMPLES = 10 * corpus.SCALE


def base_message(message_type: str, world) -> dict:
    """A frame that would succeed, so a fuzzed field reaches as deep as it can."""
    return {
        "comment.post": {"body": "Hej", "client_id": None},
        "comment.edit": {"id": world.comment.pk, "body": "Ændret"},
        "comment.delete": {"id": world.ids["reply"]},
        "reaction.set": {"id": world.ids["reply"], "value": "agree"},
        "comment.report": {"id": world.ids["reply"], "reason": "spam", "text": ""},
        "catchup": {"after": 0},
        "ping": {},
    }.get(message_type, {})


def frame(message_type: str, base: dict, field: str, raw_value: str) -> str:
    """The frame as text, `field` set to a raw JSON literal (which json.dumps cannot always
    write: 1e400, a lone surrogate's escape)."""
    message = {"type": message_type, **base}
    if message.get("client_id", "") is None:
        message["client_id"] = str(uuid.uuid4())
    message.pop(field, None)
    body = json.dumps(message, ensure_ascii=True)[:-1]
    return f'{body}, "{field}": {raw_value}}}'


def assert_answered(reply: dict, sent: str):
    assert isinstance(reply, dict) and reply.get("type"), (sent[:200], reply)
    # The limits are off here (conftest): a refusal for speed means the frame never reached the
    # handler it was written for, and the case tested nothing.
    assert reply.get("code") != "rate_limited", (sent[:200], reply)
    if reply["type"] == "error":
        assert reply.get("message"), f"an error frame without a message for {sent[:200]!r}"


def test_the_vectors_of_issue_11_get_an_error_frame_and_the_socket_stays_open(world, error_log):
    comment = world.comment.pk
    frames = {
        "deep nesting": "[" * 5000 + "]" * 5000,
        "deep nesting in an object": '{"type": "ping", "x": ' + "[" * 5000 + "]" * 5000 + "}",
        "id Infinity": '{"type": "comment.edit", "id": Infinity, "body": "x"}',
        "after 1e400": '{"type": "catchup", "after": 1e400}',
        "parent 1e400": '{"type": "comment.post", "body": "x", "parent": 1e400}',
        "id NaN": '{"type": "comment.delete", "id": NaN}',
        "lone surrogate in a body": '{"type": "comment.post", "body": "\\ud83d"}',
        "lone surrogate in an edit": f'{{"type": "comment.edit", "id": {comment}, '
        '"body": "a\\ud83d"}',
        "lone surrogate in a report": f'{{"type": "comment.report", "id": {world.ids["reply"]}, '
        '"reason": "other", "text": "\\ud83d"}',
        "NUL in a body": '{"type": "comment.post", "body": "a\\u0000b"}',
        "NUL in a report": f'{{"type": "comment.report", "id": {world.ids["reply"]}, '
        '"reason": "other", "text": "a\\u0000b"}',
        "lone surrogate as the type": '{"type": "\\ud83d"}',
    }

    async def scenario():
        socket = await Socket(world.debate.pk, world.users["resident"]).open()
        replies = {}
        for name, text in frames.items():
            replies[name] = await socket.exchange(text)
        pong = await socket.exchange('{"type": "ping"}')
        await socket.close()
        return replies, pong

    replies, pong = run(scenario)
    CASES["socket: issue 11 vectors"] += len(frames)
    # An unusable "after" means no filter: the whole list, as on the page.
    assert replies.pop("after 1e400")["type"] == "catchup"
    for name, reply in replies.items():
        assert reply["type"] == "error", (name, reply)
        assert reply["message"], name
    for name in ("lone surrogate in a body", "NUL in a body", "NUL in a report"):
        assert replies[name]["code"] == "bad_text", (name, replies[name])
    assert pong["type"] == "pong"
    assert not error_log.lines()


@pytest.mark.parametrize("message_type", MESSAGE_TYPES)
def test_every_field_of_every_message_type_takes_any_value(world, error_log, message_type):
    base = base_message(message_type, world)
    offset = MESSAGE_TYPES.index(message_type) * 61
    strings = (
        corpus.KEY_VECTORS
        + corpus.text_values(offset=offset, count=4 * corpus.SCALE)[len(corpus.VECTORS) :]
    )
    frames = [
        frame(message_type, base, field, raw)
        for field in FIELDS
        for raw in RAW_LITERALS + [json.dumps(s) for s in strings]
    ]

    async def scenario():
        socket = await Socket(world.debate.pk, world.users["resident"]).open()
        for text in frames:
            assert_answered(await socket.exchange(text), text)
        await socket.close()

    run(scenario)
    CASES[f"socket: {message_type} (every field)"] += len(frames)

    @hypothesis_settings(
        max_examples=HYPOTHESIS_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.dictionaries(st.sampled_from(FIELDS), corpus.json_values, max_size=len(FIELDS)))
    def generated(fields):
        text = corpus.dumps({**base, **fields, "type": message_type})

        async def scenario():
            socket = await Socket(world.debate.pk, world.users["resident"]).open()
            assert_answered(await socket.exchange(text), text)
            await socket.close()

        run(scenario)
        CASES[f"socket: {message_type} (hypothesis)"] += 1

    generated()
    assert not error_log.lines()


def test_any_frame_at_all_gets_an_answer(world, error_log):
    @hypothesis_settings(max_examples=30 * corpus.SCALE, deadline=None, database=None)
    @given(st.one_of(corpus.json_values.map(corpus.dumps), corpus.any_text.filter(bool)))
    def generated(text):
        async def scenario():
            socket = await Socket(world.debate.pk).open()
            assert_answered(await socket.exchange(text), text)
            await socket.close()

        run(scenario)
        CASES["socket: any frame (hypothesis)"] += 1

    generated()
    assert not error_log.lines()


def test_a_comment_body_round_trips_as_typed_or_is_refused_with_a_message(world, error_log):
    bodies = corpus.text_values()

    async def scenario():
        socket = await Socket(world.debate.pk, world.users["resident"]).open()
        replies = []
        for body in bodies:
            text = json.dumps(
                {"type": "comment.post", "client_id": str(uuid.uuid4()), "body": body}
            )
            replies.append((body, await socket.exchange(text)))
        await socket.close()
        return replies

    replies = run(scenario)
    CASES["socket: comment.post round trip"] += len(bodies)
    for body, reply in replies:
        if corpus.refused_as_typed(body):
            assert reply["type"] == "error" and reply["code"] == "bad_text", (body, reply)
        elif not body.strip() or len(body.strip()) > MAX_COMMENT_LENGTH:
            assert reply["type"] == "error" and reply["message"], (body, reply)
        else:
            assert reply["type"] == "comment.ack", (body, reply)
            stored = Comment.objects.get(pk=reply["comment"]["id"]).body
            assert stored == body.strip(), (body, stored)
    assert not error_log.lines()
