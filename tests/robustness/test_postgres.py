"""PostgreSQL refuses a NUL in any string, where SQLite stores it: the NUL vectors again, on the
database production uses. The rest of the suite runs there too when DATABASE_URL points at it."""

import json

import pytest
from django.test import Client

from devtools.services import require_postgres_database
from tests.robustness.conftest import CASES
from tests.robustness.http import Judge
from tests.robustness.sockets import Socket, run

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def test_on_postgresql_a_nul_gets_a_message_not_a_500(world, error_log):
    require_postgres_database()
    judge = Judge(error_log)
    client = Client(raise_request_exception=False)
    for url in ["/da/soeg/?q=a%00b", "/api/v2/pages/?search=a%00b", "/da/partnere/?q=a%00b"]:
        judge.response(f"GET {url}", client.get(url), {})
    frames = [
        {"type": "comment.post", "body": "a\x00b"},
        {"type": "comment.edit", "id": world.comment.pk, "body": "a\x00b"},
        {"type": "comment.report", "id": world.ids["reply"], "reason": "other", "text": "\x00"},
    ]

    async def scenario():
        socket = await Socket(world.debate.pk, world.users["resident"]).open()
        replies = [await socket.exchange(json.dumps(f)) for f in frames]
        await socket.close()
        return replies

    for reply in run(scenario):
        assert reply["type"] == "error" and reply["code"] == "bad_text", reply
    CASES["postgres: NUL vectors"] += 3 + len(frames)
    assert not judge.problems, judge.problems
