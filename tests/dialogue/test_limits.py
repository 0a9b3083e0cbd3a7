"""Limits on what one person or one address can do in a debate: reports, edits, reactions and
socket messages, over HTTP and over the socket; and the rule that fresh accounts and one
address cannot hide a comment by reporting it."""

import asyncio
from datetime import timedelta

import pytest
from channels.db import database_sync_to_async
from channels.testing.websocket import WebsocketCommunicator
from django.utils import timezone

from config.asgi import application
from core.errors import ServiceError
from core.live import get_hub
from dialogue import services
from dialogue.models import CommentStatus, Reaction
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def debate():
    return make_debate()


def comment_by(debate, user=None):
    return services.comment_create(user=user or UserFactory(), debate=debate, body="Et indlæg")[0]


# Reports ------------------------------------------------------------------------------------


def test_the_eleventh_report_in_an_hour_is_refused(debate, rate_limit):
    rate_limit("comment.report", user="10/hour", ip="")
    reader = UserFactory()
    for _ in range(10):
        services.report_create(user=reader, comment=comment_by(debate), reason="spam")
    with pytest.raises(ServiceError) as refused:
        services.report_create(user=reader, comment=comment_by(debate), reason="spam")
    assert refused.value.status == 429 and refused.value.code == "rate_limited"
    assert "Try again in" in refused.value.message or "igen om" in refused.value.message


def test_reports_from_one_address_are_limited_whoever_sends_them(debate, rate_limit):
    rate_limit("comment.report", user="", ip="3/hour")
    comment = comment_by(debate)
    for _ in range(3):
        services.report_create(user=UserFactory(), comment=comment, reason="spam", ip="203.0.113.9")
    with pytest.raises(ServiceError) as refused:
        services.report_create(user=UserFactory(), comment=comment, reason="spam", ip="203.0.113.9")
    assert refused.value.status == 429
    # Another address is not held back by it.
    services.report_create(user=UserFactory(), comment=comment, reason="spam", ip="203.0.113.10")


def test_three_brand_new_accounts_cannot_hide_a_comment(debate):
    comment = comment_by(debate)
    for n in range(3):
        fresh = UserFactory(date_joined=timezone.now() - timedelta(hours=2))
        services.report_create(user=fresh, comment=comment, reason="spam", ip=f"198.51.100.{n}")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.queued_at is not None  # the moderators still see it in their queue


def test_three_established_accounts_on_one_address_cannot_hide_a_comment(debate):
    comment = comment_by(debate)
    for _ in range(3):
        services.report_create(user=UserFactory(), comment=comment, reason="spam", ip="192.0.2.7")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PUBLISHED


def test_three_established_accounts_on_three_addresses_hide_a_comment(debate):
    comment = comment_by(debate)
    for n in range(3):
        services.report_create(
            user=UserFactory(), comment=comment, reason="spam", ip=f"192.0.2.{n}"
        )
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HELD


def test_the_account_age_that_counts_is_a_setting(debate, settings):
    settings.DIALOGUE_REPORTER_MIN_ACCOUNT_DAYS = 0
    comment = comment_by(debate)
    for n in range(3):
        fresh = UserFactory(date_joined=timezone.now())
        services.report_create(user=fresh, comment=comment, reason="spam", ip=f"192.0.2.{n}")
    comment.refresh_from_db()
    assert comment.status == CommentStatus.HELD


def test_the_report_keeps_no_address_only_a_keyed_hash(debate):
    report = services.report_create(
        user=UserFactory(), comment=comment_by(debate), reason="spam", ip="192.0.2.44"
    )
    assert report.reporter_address and "192.0.2.44" not in report.reporter_address


# Edits and reactions -----------------------------------------------------------------------


def test_the_eleventh_edit_in_ten_minutes_is_refused(debate):
    author = UserFactory()
    comment = comment_by(debate, author)
    for n in range(10):
        services.comment_edit(user=author, comment=comment, body=f"Version {n}")
    with pytest.raises(ServiceError) as refused:
        services.comment_edit(user=author, comment=comment, body="Version 11")
    assert refused.value.status == 429
    comment.refresh_from_db()
    assert comment.body == "Version 9"
    assert comment.revisions.count() == 10


def test_reactions_are_limited_per_person(debate, rate_limit):
    rate_limit("reaction.set", user="4/minute")
    reader, comment = UserFactory(), comment_by(debate)
    for _ in range(4):
        services.reaction_set(user=reader, comment=comment, value="agree")
    with pytest.raises(ServiceError) as refused:
        services.reaction_set(user=reader, comment=comment, value="agree")
    assert refused.value.status == 429
    assert not Reaction.objects.filter(user=reader).exists()  # an even number of toggles


def test_reactions_are_limited_per_address(debate, rate_limit):
    rate_limit("reaction.set", user="", ip="2/minute")
    comment = comment_by(debate)
    for _ in range(2):
        services.reaction_set(user=UserFactory(), comment=comment, value="agree", ip="192.0.2.1")
    with pytest.raises(ServiceError):
        services.reaction_set(user=UserFactory(), comment=comment, value="agree", ip="192.0.2.1")


# Over HTTP: 429 with the reason, the typed text kept ----------------------------------------


def test_a_refused_report_over_http_answers_429_and_keeps_the_text(client, debate, rate_limit):
    rate_limit("comment.report", user="1/hour")
    client.force_login(UserFactory())
    first, second = comment_by(debate), comment_by(debate)
    client.post(f"/da/dialog/kommentar/{first.pk}/rapporter/", {"reason": "spam"})
    response = client.post(
        f"/da/dialog/kommentar/{second.pk}/rapporter/",
        {"reason": "other", "text": "Min begrundelse"},
    )
    assert response.status_code == 429
    assert "Min begrundelse" in response.content.decode()


def test_a_refused_edit_and_reaction_over_http_answer_429(client, debate, rate_limit):
    rate_limit("comment.edit", user="1/10 minutes")
    rate_limit("reaction.set", user="1/minute")
    author = UserFactory()
    comment = comment_by(debate, author)
    client.force_login(author)
    edit_url = f"/da/dialog/kommentar/{comment.pk}/ret/"
    assert client.post(edit_url, {"body": "Første rettelse"}).status_code == 302
    response = client.post(edit_url, {"body": "Anden rettelse"})
    assert response.status_code == 429 and "Anden rettelse" in response.content.decode()
    client.force_login(UserFactory())
    react_url = f"/da/dialog/kommentar/{comment.pk}/reaktion/"
    assert client.post(react_url, {"value": "agree"}).status_code == 302
    assert client.post(react_url, {"value": "agree"}).status_code == 429


# Over the socket: an error frame, and a reconnect resets nothing -----------------------------


async def open_socket(debate_id, user=None, ip="192.0.2.50"):
    communicator = WebsocketCommunicator(
        application,
        f"/ws/debates/{debate_id}/",
        headers=[(b"origin", b"http://testserver"), (b"host", b"testserver")],
    )
    communicator.scope["client"] = (ip, 50000)
    if user is not None:
        communicator.scope["user"] = user
    connected, code = await communicator.connect()
    assert connected, code
    return communicator


async def next_of(communicator, *types, timeout=3):
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        remaining = deadline - asyncio.get_running_loop().time()
        message = await communicator.receive_json_from(timeout=max(remaining, 0.01))
        if message["type"] in types:
            return message


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_socket_reactions_stay_limited_across_reconnects(debate, rate_limit):
    rate_limit("reaction.set", user="3/minute")
    comment = await database_sync_to_async(comment_by)(debate)
    reader = await database_sync_to_async(UserFactory)()
    answers = []
    for _ in range(2):  # two sockets one after the other: the count carries over
        socket = await open_socket(debate.pk, reader)
        for _ in range(2):
            await socket.send_json_to({"type": "reaction.set", "id": comment.pk, "value": "agree"})
            answers.append(await next_of(socket, "ok", "error"))
        await socket.disconnect()
    assert [a["type"] for a in answers] == ["ok", "ok", "ok", "error"]
    assert answers[-1]["code"] == "rate_limited" and answers[-1]["message"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_socket_reports_and_edits_are_limited_too(debate, rate_limit):
    rate_limit("comment.report", user="1/hour")
    rate_limit("comment.edit", user="1/10 minutes")
    author = await database_sync_to_async(UserFactory)()
    mine = await database_sync_to_async(comment_by)(debate, author)
    others = [await database_sync_to_async(comment_by)(debate) for _ in range(2)]
    socket = await open_socket(debate.pk, author)
    for comment in others:
        await socket.send_json_to({"type": "comment.report", "id": comment.pk, "reason": "spam"})
    assert (await next_of(socket, "ok", "error"))["type"] == "ok"
    assert (await next_of(socket, "ok", "error"))["code"] == "rate_limited"
    await socket.disconnect()
    socket = await open_socket(debate.pk, author)
    for body in ("Rettet", "Rettet igen"):
        await socket.send_json_to({"type": "comment.edit", "id": mine.pk, "body": body})
    assert (await next_of(socket, "ok", "error"))["type"] == "ok"
    assert (await next_of(socket, "ok", "error"))["code"] == "rate_limited"
    await socket.disconnect()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_socket_messages_are_counted_per_person_not_per_socket(debate, rate_limit):
    rate_limit("live.message", user="4/10 seconds", ip="")
    reader = await database_sync_to_async(UserFactory)()
    first = await open_socket(debate.pk, reader)
    for _ in range(4):
        await first.send_json_to({"type": "ping"})
        assert (await next_of(first, "pong", "error"))["type"] == "pong"
    await first.disconnect()
    second = await open_socket(debate.pk, reader)  # a reconnect
    await second.send_json_to({"type": "ping"})
    refused = await next_of(second, "pong", "error")
    assert refused["code"] == "rate_limited" and refused["retry_after"] >= 1
    await second.disconnect()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_anonymous_sockets_from_one_address_are_limited(debate, rate_limit):
    rate_limit("live.connect", ip="3/minute")
    sockets = [await open_socket(debate.pk, ip="198.51.100.1") for _ in range(3)]
    refused = WebsocketCommunicator(
        application,
        f"/ws/debates/{debate.pk}/",
        headers=[(b"origin", b"http://testserver"), (b"host", b"testserver")],
    )
    refused.scope["client"] = ("198.51.100.1", 50001)
    connected, _ = await refused.connect()
    assert connected  # accepted only to say why, then closed
    error = await refused.receive_json_from()
    assert error["code"] == "rate_limited"
    assert (await refused.receive_output())["code"] == 4429
    other = await open_socket(debate.pk, ip="198.51.100.2")  # another address is let in
    for socket in [*sockets, other]:
        await socket.disconnect()


# The viewer count counts people --------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_five_sockets_of_one_person_count_as_one_viewer(debate):
    resident = await database_sync_to_async(UserFactory)()
    sockets = [await open_socket(debate.pk, resident) for _ in range(5)]
    presence = await next_of(sockets[0], "presence", timeout=4)
    assert presence["count"] == 1
    await sockets[0].send_json_to({"type": "ping"})
    assert (await next_of(sockets[0], "pong"))["viewers"] == 1
    assert get_hub().local_count(f"debate:{debate.pk}") == 5
    for socket in sockets:
        await socket.disconnect()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
async def test_many_anonymous_sockets_from_one_address_count_as_one(debate):
    sockets = [await open_socket(debate.pk, ip="203.0.113.77") for _ in range(8)]
    sockets.append(await open_socket(debate.pk, ip="203.0.113.78"))
    presence = await next_of(sockets[0], "presence", timeout=4)
    assert presence["count"] == 2
    for socket in sockets:
        await socket.disconnect()
