"""The peer bench/live_session.py compares against: the same poll over plain ASGI, no database.

    uvicorn bench.peer_live_poll:app      # run by bench/live_session.py with the project's flags

One open single-choice poll of four options, kept in memory. A socket on /ws/live/<code>/ from
the site's origin (SITE_URL, as the project checks) is accepted and sent a `state` frame shaped
like the project's; `poll.vote` replaces the voter's ballot (the voter is the `bdib_live_guest`
cookie, one person per cookie, as in the project), is answered with `poll.voted`, and schedules
one `poll.results` frame to every socket `COALESCE_SECONDS` later, however many votes arrive
meanwhile (livesessions/live.py does the same). Frames go out through the ordinary ASGI `send`,
one call per socket. No auth, no rate limits, no Redis, no database. HTTP answers 200 (health).
"""

import asyncio
import json
import os
from http.cookies import SimpleCookie

COALESCE_SECONDS = 0.1
COOKIE = "bdib_live_guest"
POLL_ID = 1
OPTION_IDS = (1, 2, 3, 4)

sockets: dict[object, None] = {}  # each socket's ASGI send, in connect order
ballots: dict[str, int] = {}  # voter -> option id
counts = dict.fromkeys(OPTION_IDS, 0)
state = {"version": 0, "pending": False}


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False)


def results() -> dict:
    return {
        "poll": POLL_ID,
        "version": state["version"],
        "voters": len(ballots),
        "visible": True,
        "counts": {str(k): v for k, v in counts.items()},
    }


def state_frame() -> str:
    return dumps(
        {
            "type": "state",
            "session": {"state": "open", "on_screen": None},
            "questions": [],
            "poll": {
                "id": POLL_ID,
                "question": "Which option?",
                "kind": "single",
                "state": "open",
                "results_after_close": False,
                "options": [{"id": o, "label": f"Option {o}"} for o in OPTION_IDS],
            },
            "results": results(),
            "last_poll": None,
            "last_results": None,
            "mine": [],
            "upvoted": [],
            "ballot": [],
            "moderator": False,
        }
    )


def error(code: str, message: str, client_id=None) -> str:
    return dumps(
        {"type": "error", "code": code, "message": message, "client_id": client_id, "id": None}
    )


async def flush() -> None:
    state["pending"] = False
    message = {
        "type": "websocket.send",
        "text": dumps({"type": "poll.results", "results": results()}),
    }
    for send in tuple(sockets):
        try:
            await send(message)
        except Exception:  # a socket that went away meanwhile
            sockets.pop(send, None)


def count_soon() -> None:
    if state["pending"]:
        return
    state["pending"] = True
    loop = asyncio.get_running_loop()
    loop.call_later(COALESCE_SECONDS, lambda: asyncio.ensure_future(flush()))


def vote(voter: str, message: dict) -> str:
    client_id = message.get("client_id")
    if not voter:
        return error("no_guest_key", "Reload the page to take part as a guest.", client_id)
    if message.get("poll") != POLL_ID:
        return error("not_found", "That poll does not exist.", client_id)
    options = message.get("options")
    if not isinstance(options, list) or len(options) != 1 or options[0] not in OPTION_IDS:
        return error("one_option", "Choose one answer.", client_id)
    choice = options[0]
    previous = ballots.get(voter)
    if previous != choice:
        if previous is not None:
            counts[previous] -= 1
        ballots[voter] = choice
        counts[choice] += 1
    state["version"] += 1
    count_soon()
    return dumps(
        {"type": "poll.voted", "poll": POLL_ID, "ballot": [choice], "client_id": client_id}
    )


def header(scope: dict, name: bytes) -> str:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return ""


async def websocket(scope, receive, send) -> None:
    await receive()  # websocket.connect
    origin = os.environ.get("SITE_URL", "").rstrip("/")
    if not scope["path"].startswith("/ws/live/") or header(scope, b"origin") != origin:
        await send({"type": "websocket.close", "code": 4403})
        return
    cookie = SimpleCookie()
    cookie.load(header(scope, b"cookie"))
    voter = cookie[COOKIE].value if COOKIE in cookie else ""
    await send({"type": "websocket.accept"})
    sockets[send] = None
    try:
        await send({"type": "websocket.send", "text": state_frame()})
        while True:
            event = await receive()
            if event["type"] == "websocket.disconnect":
                return
            try:
                message = json.loads(event.get("text") or event.get("bytes") or b"")
            except ValueError:
                message = None
            if not isinstance(message, dict):
                reply = error("malformed", "The message could not be read.")
            elif message.get("type") == "poll.vote":
                reply = vote(voter, message)
            else:
                reply = error("unknown_type", "Unknown message type.", message.get("client_id"))
            await send({"type": "websocket.send", "text": reply})
    finally:
        sockets.pop(send, None)


async def app(scope, receive, send) -> None:
    if scope["type"] == "websocket":
        await websocket(scope, receive, send)
    elif scope["type"] == "http":
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"text/plain")],
            }
        )
        await send({"type": "http.response.body", "body": b"ok"})
