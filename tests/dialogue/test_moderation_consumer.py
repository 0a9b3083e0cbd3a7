"""Moderation over the debate socket: reports as "comment.report", and hide, restore and
approve reaching every open page of the debate."""

import pytest
from channels.db import database_sync_to_async
from wagtail.models import Site

from dialogue import services
from dialogue.models import CommentStatus, DebateState, ModerationSettings, Report
from tests.dialogue.factories import make_debate
from tests.dialogue.test_consumer import open_socket, receive_type
from tests.factories import UserFactory, moderator

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def debate(db):
    return make_debate()


def _comment(debate, body="Noget at sige"):
    return services.comment_create(user=UserFactory(), debate=debate, body=body)[0]


def _threshold(n):
    site = Site.objects.get(is_default_site=True)
    ModerationSettings.objects.update_or_create(site=site, defaults={"report_threshold": n})


async def test_a_reader_reports_over_the_socket_once(debate):
    comment = await database_sync_to_async(_comment)(debate)
    reader = await database_sync_to_async(UserFactory)()
    socket = await open_socket(debate.pk, reader)
    report = {"type": "comment.report", "id": comment.pk, "reason": "spam", "text": ""}
    await socket.send_json_to(report)
    ok = await receive_type(socket, "ok")
    assert (ok["id"], ok["action"]) == (comment.pk, "report")
    await socket.send_json_to(report)
    error = await receive_type(socket, "error")
    assert error["code"] == "already_reported" and error["id"] == comment.pk
    await socket.send_json_to({"type": "comment.report", "id": comment.pk, "reason": "other"})
    assert (await receive_type(socket, "error"))["code"] in {"text_required", "already_reported"}
    assert await database_sync_to_async(Report.objects.count)() == 1
    await socket.disconnect()


async def test_authors_anonymous_and_blocked_readers_cannot_report_over_the_socket(debate):
    comment = await database_sync_to_async(_comment)(debate)
    author_socket = await open_socket(debate.pk, comment.author)
    message = {"type": "comment.report", "id": comment.pk, "reason": "spam"}
    await author_socket.send_json_to(message)
    assert (await receive_type(author_socket, "error"))["code"] == "own_comment"
    anonymous = await open_socket(debate.pk)
    await anonymous.send_json_to(message)
    assert (await receive_type(anonymous, "error"))["code"] == "login_required"
    assert await database_sync_to_async(Report.objects.count)() == 0
    await author_socket.disconnect()
    await anonymous.disconnect()


async def test_reaching_the_threshold_hides_the_comment_on_every_open_page(debate):
    await database_sync_to_async(_threshold)(1)
    comment = await database_sync_to_async(_comment)(debate)
    reader = await database_sync_to_async(UserFactory)()
    onlooker = await open_socket(debate.pk)
    socket = await open_socket(debate.pk, reader)
    await socket.send_json_to({"type": "comment.report", "id": comment.pk, "reason": "spam"})
    hidden = await receive_type(onlooker, "comment.hidden")
    assert hidden["comment"]["status"] == CommentStatus.HELD
    assert hidden["comment"]["body_html"] == ""
    await socket.disconnect()
    await onlooker.disconnect()


async def test_hide_restore_and_approve_reach_every_open_page(debate):
    comment = await database_sync_to_async(_comment)(debate)
    mod = await database_sync_to_async(moderator)()
    reader = await open_socket(debate.pk)
    await database_sync_to_async(services.comment_hide)(
        moderator=mod, comment=comment, reason="offensive", note="intern note"
    )
    hidden = await receive_type(reader, "comment.hidden")
    assert hidden["comment"]["id"] == comment.pk
    assert hidden["comment"]["hidden_reason"] == "offensive"
    assert hidden["comment"]["body_html"] == ""
    assert "intern note" not in str(hidden)
    await database_sync_to_async(services.comment_restore)(moderator=mod, comment=comment)
    restored = await receive_type(reader, "comment.restored")
    assert "Noget at sige" in restored["comment"]["body_html"]

    def premoderate_and_post():
        debate.state = DebateState.PREMODERATED
        debate.save()
        return _comment(debate, "Venter på godkendelse")

    pending = await database_sync_to_async(premoderate_and_post)()
    await database_sync_to_async(services.comment_approve)(moderator=mod, comment=pending)
    created = await receive_type(reader, "comment.created")
    assert created["comment"]["id"] == pending.pk
    assert "Venter på godkendelse" in created["comment"]["body_html"]
    await reader.disconnect()
