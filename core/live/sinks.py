"""How the hub writes one event to one socket.

Every socket watching a debate gets the same text frame. When the socket is served by uvicorn's
websockets-sansio protocol with no extension negotiated (uvicorn runs with per-message deflate
off), a server frame is the same bytes for every socket: the hub encodes it once per event and
writes those bytes straight to each socket's transport. That is what makes the fan-out cheap
(measured in bench/fanout.py). Anything else (a socket whose write buffer is full, a closing
socket, another server, the test communicator) goes through the ordinary ASGI `send`, which
waits for the socket as it should.

The direct write reads uvicorn's (and websockets') internals, which no release promises to
keep: pyproject.toml pins uvicorn's minor version, and the first socket of each protocol class
is checked for everything the direct write reads. A class that lacks something is named in one
WARNING and its sockets take the ASGI send: slower, but no viewer misses an event. What each
path did is counted (core/live/metrics.py) and shown in `/healthz`.
"""

import logging
from collections.abc import Awaitable, Callable
from operator import attrgetter

from websockets.frames import Frame, Opcode
from websockets.protocol import State

from core.live.metrics import ThrottledLog, counters

try:
    from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
except ImportError:  # a uvicorn that moved it: every socket takes the ASGI send, with a warning
    WebSocketsSansIOProtocol = None

log = logging.getLogger(__name__)

# Everything `Sink.try_write` reads or calls on uvicorn's protocol object, as uvicorn 0.54 and
# websockets 17 name it. A parent that is missing hides its children from the report.
FAST_PATH_ATTRIBUTES = (
    "handshake_complete",
    "close_sent",
    "disconnected",
    "writable",
    "writable.is_set",
    "transport",
    "transport.write",
    "transport.is_closing",
    "conn",
    "conn.state",
    "conn.extensions",
    "conn.writes",
    "conn.expect_continuation_frame",
)
UVICORN_PROTOCOL = "uvicorn.protocols.websockets.websockets_sansio_impl.WebSocketsSansIOProtocol"

# Protocol class -> the attributes its objects lack (empty when the fast path fits it).
_checked: dict[type, tuple[str, ...]] = {}
_uvicorn_missing_reported = False
_direct_write_failed = ThrottledLog(log)
_send_failed = ThrottledLog(log)


class Event:
    """One published event: the ASGI message and, when first asked for, the wire bytes."""

    __slots__ = ("_wire", "asgi", "text")

    def __init__(self, text: str):
        self.text = text
        self.asgi = {"type": "websocket.send", "text": text}
        self._wire = None

    @property
    def wire(self) -> bytes:
        if self._wire is None:
            self._wire = Frame(Opcode.TEXT, self.text.encode()).serialize(mask=False, extensions=[])
        return self._wire


class Sink:
    """A socket as the hub sees it. Neither of its two ways to deliver raises: a failure is
    logged (at most once a minute per kind) and counted, and the hub goes on to the next socket."""

    __slots__ = ("_send", "protocol")

    def __init__(self, send: Callable[[dict], Awaitable[None]]):
        self._send = send
        self.protocol = fast_path_protocol(send)
        if self.protocol is None:
            counters.sinks_without_fast_path += 1
        else:
            counters.sinks_with_fast_path += 1

    def try_write(self, event: Event) -> bool:
        """Writes the shared frame without a coroutine when the socket can take it now; False
        when it cannot (the caller then uses `send`). The caller counts the True answers."""
        protocol = self.protocol
        if protocol is None:
            return False
        try:
            conn = protocol.conn
            if (
                protocol.close_sent
                or protocol.disconnected
                or not protocol.writable.is_set()
                or conn.state is not State.OPEN
                or conn.expect_continuation_frame
                or conn.extensions
                or conn.writes
                or protocol.transport.is_closing()
            ):
                return False
            protocol.transport.write(event.wire)
        except Exception:
            # Not a dead socket (those are caught by the checks above) but a protocol object
            # that no longer behaves as the one-time check assumed: stop writing to it directly.
            self.protocol = None
            counters.failed_writes += 1
            _direct_write_failed.warning(
                "live: a direct write failed; this socket gets the ASGI send from now on",
                exc_info=True,
            )
            return False
        return True

    async def send(self, event: Event) -> None:
        """The ordinary way: the socket's ASGI send, which waits while its buffer is full."""
        try:
            await self._send(event.asgi)
        except Exception as exc:  # a socket that died mid-send must not stop the others
            counters.failed_writes += 1
            _send_failed.warning(
                "live: sending an event to one socket failed (%s: %s)", type(exc).__name__, exc
            )
        else:
            counters.asgi_sends += 1


def fast_path_protocol(send) -> "WebSocketsSansIOProtocol | None":
    """uvicorn's protocol object behind `send`, when the direct write may use it."""
    protocol = _uvicorn_protocol(send)
    if protocol is None:
        return None
    cls = type(protocol)
    missing = _checked.get(cls)
    if missing is None:
        missing = _checked[cls] = missing_attributes(protocol)
        if missing:
            name = f"{cls.__module__}.{cls.__qualname__}"
            counters.fast_path_refused[name] = list(missing)
            log.warning(
                "live: %s has no %s, which the direct write reads; its sockets get the ASGI "
                "send (slower, nothing lost). Check core/live/sinks.py against this uvicorn.",
                name,
                ", ".join(missing),
            )
    if missing or not protocol.handshake_complete:
        return None
    return protocol


def missing_attributes(protocol) -> tuple[str, ...]:
    """The entries of FAST_PATH_ATTRIBUTES that `protocol` lacks, plus `conn.state` when it is
    not a websockets `State` (the direct write compares it with `State.OPEN`)."""
    missing: list[str] = []
    for path in FAST_PATH_ATTRIBUTES:
        if any(path.startswith(parent + ".") for parent in missing):
            continue
        try:
            attrgetter(path)(protocol)
        except Exception:
            missing.append(path)
    if (
        "conn" not in missing
        and "conn.state" not in missing
        and not isinstance(protocol.conn.state, State)
    ):
        missing.append("conn.state")
    return tuple(missing)


def _uvicorn_protocol(send):
    """Finds uvicorn's sansio protocol behind the consumer's send (Channels' session middleware
    wraps it once, keeping the inner send as `real_send`). None for anything else."""
    if WebSocketsSansIOProtocol is None:
        _report_uvicorn_missing()
        return None
    for _ in range(4):
        owner = getattr(send, "__self__", None)
        if owner is None:
            return None
        if isinstance(owner, WebSocketsSansIOProtocol):
            return owner
        send = getattr(owner, "real_send", None)
    return None


def _report_uvicorn_missing() -> None:
    global _uvicorn_missing_reported
    if _uvicorn_missing_reported:
        return
    _uvicorn_missing_reported = True
    counters.fast_path_refused[UVICORN_PROTOCOL] = ["(cannot be imported)"]
    log.warning(
        "live: %s cannot be imported; every socket gets the ASGI send (slower, nothing lost)",
        UVICORN_PROTOCOL,
    )


def reset() -> None:
    """For tests: check protocol classes afresh and let the next failure warnings through."""
    global _uvicorn_missing_reported
    _checked.clear()
    _uvicorn_missing_reported = False
    _direct_write_failed.reset()
    _send_failed.reset()
