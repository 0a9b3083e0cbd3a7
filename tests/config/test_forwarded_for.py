"""Client addresses come from a trusted proxy only. uvicorn replaces the peer's address with the
X-Forwarded-For one only when the peer is listed in FORWARDED_ALLOW_IPS (the Dockerfile's
default is 127.0.0.1; docker-compose lists its proxy). A header from anyone else is ignored, so
per-address limits cannot be dodged with a new header per request."""

import asyncio
import json

import pytest

from devtools.servers import base_env, load_database, manage, uvicorn_server

pytestmark = pytest.mark.slow

DEBATE = "from dialogue.models import DebatePage; print(DebatePage.objects.live().first().pk)"


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("forwarded")
    env = base_env(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=f"sqlite:///{tmp / 'forwarded.sqlite3'}",
        REDIS_URL="",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        RATE_LIMIT_LIVE_CONNECT_IP="2/minute",
    )
    load_database(env)
    debate_id = int(manage(env, "shell", "-c", DEBATE).split()[-1])
    return env, debate_id, tmp


async def connect_as(address: str, debate_id: int, forwarded_for: str) -> str:
    """Opens a debate socket claiming to come from `forwarded_for`; returns "open" or the
    refusal's code."""
    from websockets.asyncio.client import connect

    async with connect(
        f"ws://{address}/ws/debates/{debate_id}/",
        origin=f"http://{address}",
        additional_headers={"X-Forwarded-For": forwarded_for},
    ) as socket:
        try:
            message = json.loads(await asyncio.wait_for(socket.recv(), 1.5))
        except TimeoutError:
            return "open"
        return message.get("code", "open") if message["type"] == "error" else "open"


def run_with(env: dict, proxy: str, debate_id: int, log_path) -> list[str]:
    env = {**env, "FORWARDED_ALLOW_IPS": proxy}
    with open(log_path, "w") as log, uvicorn_server(env, log=log) as address:

        async def three():
            return [await connect_as(address, debate_id, f"203.0.113.{n}") for n in range(1, 4)]

        return asyncio.run(three())


def test_forwarded_for_from_an_untrusted_peer_is_ignored(prepared):
    env, debate_id, tmp = prepared
    # The proxy is somewhere else: this client (127.0.0.1) is not it.
    answers = run_with(env, "192.0.2.1", debate_id, tmp / "untrusted.log")
    assert answers == ["open", "open", "rate_limited"]  # all three are one address


def test_forwarded_for_from_the_trusted_proxy_names_the_client(prepared):
    env, debate_id, tmp = prepared
    answers = run_with(env, "127.0.0.1", debate_id, tmp / "trusted.log")
    assert answers == ["open", "open", "open"]  # three clients behind the proxy
