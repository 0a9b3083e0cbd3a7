"""The production topology without Docker: two uvicorn processes with production settings on
PostgreSQL and Redis. A comment posted through one reaches a viewer connected to the other."""

import asyncio
import json
import uuid

import pytest

from devtools import services
from devtools.servers import (
    drop_postgres_database,
    fresh_postgres_database,
    load_database,
    manage,
    production_env,
    uvicorn_server,
)

pytestmark = pytest.mark.slow

SETUP = """
from django.core.management import call_command
call_command("create_account", email="two@example.org", password="pass-2-proc")
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from accounts.models import User
from dialogue.models import DebatePage
user = User.objects.get(email="two@example.org")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(DebatePage.objects.live().first().pk, session.session_key)
"""


@pytest.fixture(scope="module")
def production_pair():
    services.require("postgres")
    services.require("redis")
    server_url = services.postgres_url()
    database_url = fresh_postgres_database(server_url)
    env = production_env(database_url, services.redis_url())
    try:
        load_database(env)
        # The account and its session in one manage.py process (each costs a Django start-up).
        debate_id, session_key = manage(env, "shell", "-c", SETUP).split()[-2:]
        with uvicorn_server(env) as first, uvicorn_server(env) as second:
            yield first, second, int(debate_id), session_key
    finally:
        drop_postgres_database(server_url, database_url)


async def next_of_type(socket, wanted, timeout=15.0):
    async def read():
        while True:
            message = json.loads(await socket.recv())
            if message["type"] == wanted:
                return message

    return await asyncio.wait_for(read(), timeout)


async def test_comment_posted_through_one_process_reaches_a_viewer_on_the_other(production_pair):
    import websockets

    first, second, debate_id, session_key = production_pair
    path = f"/ws/debates/{debate_id}/"
    async with (
        websockets.connect(f"ws://{second}{path}", origin=f"http://{second}") as viewer,
        websockets.connect(
            f"ws://{first}{path}",
            origin=f"http://{first}",
            additional_headers={"Cookie": f"sessionid={session_key}"},
        ) as writer,
    ):
        await asyncio.sleep(1.0)  # both subscriptions are in place
        client_id = str(uuid.uuid4())
        await writer.send(
            json.dumps({"type": "comment.post", "client_id": client_id, "body": "på tværs"})
        )
        ack = await next_of_type(writer, "comment.ack")
        event = await next_of_type(viewer, "comment.created")
        assert event["comment"]["id"] == ack["comment"]["id"]
        assert "på tværs" in event["comment"]["body_html"]


async def test_viewer_count_spans_both_processes(production_pair):
    import websockets

    first, second, debate_id, session_key = production_pair
    path = f"/ws/debates/{debate_id}/"
    async with (
        websockets.connect(f"ws://{first}{path}", origin=f"http://{first}") as one,
        websockets.connect(
            f"ws://{second}{path}",
            origin=f"http://{second}",
            additional_headers={"Cookie": f"sessionid={session_key}"},
        ),
    ):
        deadline = asyncio.get_running_loop().time() + 15
        count = 0
        while count < 2 and asyncio.get_running_loop().time() < deadline:
            count = (await next_of_type(one, "presence"))["count"]
        assert count == 2


async def test_foreign_origin_is_refused_by_the_production_server(production_pair):
    import websockets

    first, _, debate_id, _ = production_pair
    with pytest.raises(websockets.exceptions.InvalidStatus):
        async with websockets.connect(
            f"ws://{first}/ws/debates/{debate_id}/", origin="https://evil.example"
        ):
            pass


async def test_one_person_with_sockets_on_both_processes_counts_once(production_pair):
    import websockets

    first, second, debate_id, session_key = production_pair
    path = f"/ws/debates/{debate_id}/"
    cookie = {"Cookie": f"sessionid={session_key}"}
    await asyncio.sleep(1.5)  # the sockets of earlier tests have left the count
    async with (
        websockets.connect(
            f"ws://{first}{path}", origin=f"http://{first}", additional_headers=cookie
        ) as one,
        websockets.connect(
            f"ws://{second}{path}", origin=f"http://{second}", additional_headers=cookie
        ),
    ):
        counts = []
        deadline = asyncio.get_running_loop().time() + 3.5
        while (remaining := deadline - asyncio.get_running_loop().time()) > 0:
            try:
                counts.append((await next_of_type(one, "presence", remaining))["count"])
            except TimeoutError:
                break
        assert counts and max(counts) == 1
