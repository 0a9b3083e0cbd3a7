"""The fast path, measured where it runs: a real uvicorn process serving the project (SQLite and
the in-process backend, so no outside service is needed). Sockets watch a debate, a comment is
posted, and the process's own counters in `/healthz` say how the event reached them.

If a uvicorn or websockets release changes what the direct write reads, this is the test that
fails: the sockets would still get the comment, but by the ASGI send."""

import asyncio
import json
import urllib.request
import uuid

import pytest

from devtools.servers import base_env, load_database, manage, uvicorn_server

pytestmark = pytest.mark.slow

VIEWERS = 3

SESSION = """
from django.core.management import call_command
call_command("create_account", email="live@example.org", password="live-Pass-1234")
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from accounts.models import User
from dialogue.models import DebatePage
user = User.objects.get(email="live@example.org")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(DebatePage.objects.live().filter(state="open").first().pk, session.session_key)
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("live-server")
    env = base_env(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=f"sqlite:///{tmp / 'live.sqlite3'}",
        REDIS_URL="",  # the in-process backend, whatever this machine's environment says
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    load_database(env)
    # The account and its session in one manage.py process (each costs a Django start-up).
    debate_id, session_key = manage(env, "shell", "-c", SESSION).split()[-2:]
    with open(tmp / "server.log", "w") as log, uvicorn_server(env, log=log) as address:
        yield address, int(debate_id), session_key


def live_counters(address: str) -> dict:
    with urllib.request.urlopen(f"http://{address}/healthz", timeout=10) as response:
        return json.load(response)["live"]


async def first_of_types(socket, *wanted: str, timeout: float = 15.0) -> dict[str, dict]:
    """The first message of each wanted type, in whatever order they come."""
    found = {}

    async def read():
        while len(found) < len(wanted):
            message = json.loads(await socket.recv())
            if message["type"] in wanted:
                found.setdefault(message["type"], message)
        return found

    return await asyncio.wait_for(read(), timeout)


async def test_debate_sockets_on_uvicorn_get_a_comment_by_direct_write(server):
    from websockets.asyncio.client import connect

    address, debate_id, session_key = server
    url, origin = f"ws://{address}/ws/debates/{debate_id}/", f"http://{address}"
    before = await asyncio.to_thread(live_counters, address)
    # Each viewer from an address of its own: the count is of people, and anonymous readers are
    # told apart by address.
    viewers = [
        await connect(url, origin=origin, compression=None, local_addr=(f"127.0.0.{n + 2}", 0))
        for n in range(VIEWERS)
    ]
    writer = await connect(
        url,
        origin=origin,
        compression=None,
        additional_headers={"Cookie": f"sessionid={session_key}"},
    )
    try:
        presence = {"count": 0}
        while presence["count"] < VIEWERS + 1:  # every socket has joined the hub
            presence = (await first_of_types(writer, "presence"))["presence"]
        await writer.send(
            json.dumps({"type": "comment.post", "client_id": str(uuid.uuid4()), "body": "hurtigt"})
        )
        written = await first_of_types(writer, "comment.ack", "comment.created")
        comment_id = written["comment.ack"]["comment"]["id"]
        assert written["comment.created"]["comment"]["id"] == comment_id
        for viewer in viewers:
            event = (await first_of_types(viewer, "comment.created"))["comment.created"]
            assert event["comment"]["id"] == comment_id
        after = await asyncio.to_thread(live_counters, address)
    finally:
        for socket in [*viewers, writer]:
            await socket.close()

    sockets = VIEWERS + 1
    assert after["sinks_with_fast_path"] - before["sinks_with_fast_path"] == sockets
    # At least the comment and one presence count went to each socket, all of them directly.
    assert after["direct_writes"] - before["direct_writes"] >= 2 * sockets
    assert after["asgi_sends"] == before["asgi_sends"]
    assert after["failed_writes"] == 0
    assert after["fast_path_refused"] == {}


def test_healthz_answers_with_the_live_counters_of_the_serving_process(server):
    address, _, _ = server
    with urllib.request.urlopen(f"http://{address}/healthz", timeout=10) as response:
        body = json.load(response)
    assert response.status == 200 and body["status"] == "ok"
    assert body["live"]["process"] > 0
    assert {"direct_writes", "asgi_sends", "failed_writes", "sinks_without_fast_path"} <= set(
        body["live"]
    )
