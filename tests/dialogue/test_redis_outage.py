"""Redis crashes under the production topology and comes back: two uvicorn processes with
production settings on PostgreSQL and a redis-server of the test's own (killed with SIGKILL,
started again on the same port), viewers on both processes, residents posting over the socket
and over plain HTTP all along.

Asserted: every post either succeeds or is refused with a clear message and retried (never a
5xx); the database holds every comment once; every viewer has every comment, live or by the
catch-up the server asks for ("live.resync"), within 5 s of Redis returning; and a viewer that
connects after recovery gets live updates. The viewers here do what the debate page does
(dialogue/static/dialogue/debate/socket.js): ask for "catchup" from their last id on connect
and on "live.resync"."""

import asyncio
import json
import shutil
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field

import pytest

from devtools import services
from devtools.servers import (
    RedisServer,
    collect_static,
    drop_postgres_database,
    fresh_postgres_database,
    load_database,
    manage,
    production_env,
    uvicorn_server,
)

pytestmark = [pytest.mark.slow, pytest.mark.redis, pytest.mark.postgres]

POSTERS = 4  # two over the socket, two over HTTP; one of each on either process
VIEWERS_PER_PROCESS = 5
OUTAGE_SECONDS = 4.0
CAUGHT_UP_WITHIN = 5.0
CSRF = "a" * 32

CREATE_ACCOUNT = """
from django.core.management import call_command
call_command("create_account", email={email!r}, password={password!r})
"""
SETUP = """
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.auth import SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from accounts.models import User
from dialogue.models import DebatePage
keys = []
for user in User.objects.filter(email__startswith="poster").order_by("email"):
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    keys.append(session.session_key)
print(DebatePage.objects.live().filter(state="open").first().pk, *keys)
"""


@pytest.fixture(scope="module")
def outage_pair():
    services.require("postgres")
    if shutil.which("redis-server") is None:
        if services.IN_CI:
            pytest.fail("CI=true but redis-server is not installed", pytrace=False)
        pytest.skip("redis-server is not installed")
    server_url = services.postgres_url()
    database_url = fresh_postgres_database(server_url)
    with RedisServer() as redis:
        env = production_env(
            database_url,
            redis.url,
            # Posting fast is the point here; the limits have tests of their own.
            DIALOGUE_COMMENTS_PER_MINUTE="10000",
            LIVE_MESSAGES_PER_10S="10000",
            # Every poster and viewer comes from 127.0.0.1: lift the per-address halves too.
            RATE_LIMIT_COMMENT_POST_IP="10000/minute",
            RATE_LIMIT_LIVE_MESSAGE_IP="10000/10 seconds",
            RATE_LIMIT_LIVE_CONNECT_IP="10000/minute",
            RATE_LIMIT_LIVE_CONNECT_USER="10000/minute",
        )
        try:
            load_database(env)
            collect_static(env)
            # The accounts and their sessions in one manage.py process (each costs a Django
            # start-up).
            accounts = "".join(
                CREATE_ACCOUNT.format(
                    email=f"poster{n}@example.org",
                    password=f"Outage-pass-{n}-{uuid.uuid4().hex[:6]}",
                )
                for n in range(POSTERS)
            )
            output = manage(env, "shell", "-c", accounts + SETUP)
            debate_id, *sessions = output.split()[-(POSTERS + 1) :]
            with uvicorn_server(env) as first, uvicorn_server(env) as second:
                yield redis, (first, second), int(debate_id), sessions, database_url
        finally:
            drop_postgres_database(server_url, database_url)


def stored_comments(database_url: str, debate_id: int) -> list[tuple[int, str]]:
    import psycopg

    with psycopg.connect(database_url) as conn:
        return conn.execute(
            "SELECT id, body FROM dialogue_comment WHERE debate_id = %s AND body LIKE 'outage-%%'",
            [debate_id],
        ).fetchall()


@dataclass
class Viewer:
    """One open debate page: what it has seen and when."""

    address: str
    debate_id: int
    seen: dict[int, float] = field(default_factory=dict)  # comment id -> when it arrived
    resyncs: list[float] = field(default_factory=list)
    drops: int = 0
    last_id: int = 0

    def take(self, comment: dict) -> None:
        self.seen.setdefault(comment["id"], time.monotonic())
        self.last_id = max(self.last_id, comment["id"])

    async def run(self, stop: asyncio.Event, joined: asyncio.Event | None = None) -> None:
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosed

        url = f"ws://{self.address}/ws/debates/{self.debate_id}/"
        while not stop.is_set():
            try:
                async with connect(url, origin=f"http://{self.address}") as socket:
                    await socket.send(json.dumps({"type": "catchup", "after": self.last_id}))
                    if joined is not None:
                        joined.set()
                    while not stop.is_set():
                        try:
                            raw = await asyncio.wait_for(socket.recv(), 0.5)
                        except TimeoutError:
                            continue
                        event = json.loads(raw)
                        if event["type"] == "comment.created":
                            self.take(event["comment"])
                        elif event["type"] == "catchup":
                            for comment in event["comments"]:
                                self.take(comment)
                        elif event["type"] == "live.resync":
                            self.resyncs.append(time.monotonic())
                            await socket.send(
                                json.dumps({"type": "catchup", "after": self.last_id})
                            )
            except (ConnectionClosed, OSError):
                self.drops += 1
                await asyncio.sleep(0.5)  # the page reconnects with a back-off


@dataclass
class Poster:
    """A resident writing one comment after another; a refused post is sent again with the
    same client id, as the page does, until it is stored."""

    name: str
    address: str
    debate_id: int
    session: str
    over_socket: bool
    stored: list[tuple[str, float]] = field(default_factory=list)  # body, when it was stored
    refusals: list[str] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)

    async def run(self, stop: asyncio.Event) -> None:
        n = 0
        while not stop.is_set():
            body = f"outage-{self.name}-{n}"
            client_id = str(uuid.uuid4())
            while not await self.post(body, client_id):
                await asyncio.sleep(0.3)
            self.stored.append((body, time.monotonic()))
            n += 1
            await asyncio.sleep(0.15)

    async def post(self, body: str, client_id: str) -> bool:
        if self.over_socket:
            return await self.post_over_socket(body, client_id)
        return await asyncio.to_thread(self.post_over_http, body, client_id)

    async def post_over_socket(self, body: str, client_id: str) -> bool:
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosed

        socket = getattr(self, "_socket", None)
        try:
            if socket is None:
                socket = self._socket = await connect(
                    f"ws://{self.address}/ws/debates/{self.debate_id}/",
                    origin=f"http://{self.address}",
                    additional_headers={"Cookie": f"sessionid={self.session}"},
                )
            await socket.send(
                json.dumps({"type": "comment.post", "client_id": client_id, "body": body})
            )
            while True:
                event = json.loads(await asyncio.wait_for(socket.recv(), 10))
                if event.get("client_id") != client_id:
                    continue
                if event["type"] == "comment.ack":
                    return True
                if event["type"] == "error":
                    self.refusals.append(event["message"])
                    return False
        except (ConnectionClosed, OSError, TimeoutError) as exc:
            self.server_errors.append(f"socket: {type(exc).__name__} {exc}")
            self._socket = None
            return False

    def post_over_http(self, body: str, client_id: str) -> bool:
        data = urllib.parse.urlencode(
            {"body": body, "client_id": client_id, "csrfmiddlewaretoken": CSRF}
        ).encode()
        request = urllib.request.Request(
            f"http://{self.address}/da/dialog/{self.debate_id}/kommenter/",
            data=data,
            headers={
                "Cookie": f"sessionid={self.session}; csrftoken={CSRF}",
                "Origin": f"http://{self.address}",
            },
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=15) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code  # urllib raises on the 302 too, as it is not followed here
            if status >= 500:
                self.server_errors.append(f"HTTP {status}")
            elif status != 302:
                self.refusals.append(f"HTTP {status}")
        return status == 302


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


async def test_live_updates_survive_a_redis_crash_with_nothing_lost_or_duplicated(outage_pair):
    redis, addresses, debate_id, sessions, database_url = outage_pair
    stop_viewers, stop_posting = asyncio.Event(), asyncio.Event()
    viewers = [
        Viewer(address, debate_id) for address in addresses for _ in range(VIEWERS_PER_PROCESS)
    ]
    joined = [asyncio.Event() for _ in viewers]
    viewer_tasks = [
        asyncio.create_task(viewer.run(stop_viewers, event))
        for viewer, event in zip(viewers, joined, strict=True)
    ]
    await asyncio.wait_for(asyncio.gather(*(event.wait() for event in joined)), 15)
    await asyncio.sleep(1.0)  # every socket has joined its process's hub

    posters = [
        Poster(f"p{n}", addresses[n % 2], debate_id, sessions[n], over_socket=n < 2)
        for n in range(POSTERS)
    ]
    poster_tasks = [asyncio.create_task(poster.run(stop_posting)) for poster in posters]
    await asyncio.sleep(1.5)

    before = sum(len(p.stored) for p in posters)
    redis.kill()
    killed_at = time.monotonic()
    await asyncio.sleep(OUTAGE_SECONDS)
    during = sum(len(p.stored) for p in posters) - before
    redis.start()
    back_at = time.monotonic()
    await asyncio.sleep(1.5)  # posting goes on after Redis is back
    stop_posting.set()
    await asyncio.wait_for(asyncio.gather(*poster_tasks), 30)
    for poster in posters:
        socket = getattr(poster, "_socket", None)
        if socket is not None:
            await socket.close()

    stored = stored_comments(database_url, debate_id)
    ids = {comment_id for comment_id, _ in stored}
    written = [body for poster in posters for body, _ in poster.stored]
    by_body = {body: comment_id for comment_id, body in stored}
    missed_live = {
        by_body[body] for p in posters for body, at in p.stored if killed_at <= at < back_at
    }

    # Every viewer has every comment within CAUGHT_UP_WITHIN seconds of Redis returning.
    deadline = back_at + CAUGHT_UP_WITHIN
    while time.monotonic() < deadline and not all(ids <= set(v.seen) for v in viewers):
        await asyncio.sleep(0.05)
    # When each viewer had every comment stored while Redis was down (none of them went live).
    caught_up = [
        max(v.seen[i] for i in missed_live) - back_at if missed_live <= set(v.seen) else None
        for v in viewers
    ]

    # A page opened after recovery gets live updates, on either process.
    late = [Viewer(address, debate_id) for address in addresses]
    late_joined = [asyncio.Event() for _ in late]
    late_tasks = [
        asyncio.create_task(v.run(stop_viewers, e)) for v, e in zip(late, late_joined, strict=True)
    ]
    await asyncio.wait_for(asyncio.gather(*(e.wait() for e in late_joined)), 15)
    await asyncio.sleep(1.0)
    after = Poster("late", addresses[0], debate_id, sessions[0], over_socket=False)
    assert await after.post("outage-late-0", str(uuid.uuid4()))
    (late_id,) = [
        i for i, body in stored_comments(database_url, debate_id) if body == "outage-late-0"
    ]
    for _ in range(100):
        if all(late_id in v.seen for v in late):
            break
        await asyncio.sleep(0.05)

    stop_viewers.set()
    await asyncio.gather(*viewer_tasks, *late_tasks)

    report = {
        "posted": len(written),
        "posted_while_redis_was_down": during,
        "outage_seconds": round(back_at - killed_at, 1),
        "refusals": [r for p in posters for r in p.refusals],
        "viewer_drops": sum(v.drops for v in viewers),
        "resyncs_per_viewer": [len(v.resyncs) for v in viewers],
        "resync_after_redis_returned_s": [
            round(v.resyncs[0] - back_at, 2) for v in viewers if v.resyncs
        ],
        "caught_up_after_redis_returned_s": [None if c is None else round(c, 2) for c in caught_up],
    }
    print("redis outage:", json.dumps(report))  # the figures for the report

    assert not [e for p in posters for e in p.server_errors], "no 5xx, no dropped poster socket"
    assert sorted(body for _, body in stored) == sorted(written), "0 lost, 0 duplicated"
    assert len(ids) == len(written)
    for viewer, took in zip(viewers, caught_up, strict=True):
        missing = ids - set(viewer.seen)
        assert not missing, f"a viewer on {viewer.address} misses {len(missing)} comments"
        assert took is not None and took < CAUGHT_UP_WITHIN
    assert all(v.resyncs for v in viewers), "every open page was told to catch up"
    for viewer in late:
        assert late_id in viewer.seen, f"a page opened after recovery on {viewer.address}"
