"""How the hub writes one event to one socket.

Every socket watching a debate gets the same text frame. When the socket is served by uvicorn's
websockets-sansio protocol with no extension negotiated (uvicorn runs with per-message deflate
off), a server frame is the same bytes for every socket: the hub encodes it once per event and
writes those bytes straight to each socket's transport. That is what makes the fan-out cheap
(measured in bench/fanout.py). Anything else (a socket whose write buffer is full, a closing
socket, another server, the test communicator) goes through the ordinary ASGI `send`, which
waits for the socket as it should.
"""

from collections.abc import Awaitable, Callable

from websockets.frames import Frame, Opcode
from websockets.protocol import State


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
    """A socket as the hub sees it."""

    __slots__ = ("protocol", "send")

    def __init__(self, send: Callable[[dict], Awaitable[None]]):
        self.send = send
        self.protocol = _uvicorn_protocol(send)

    def try_write(self, event: Event) -> bool:
        """Writes the shared frame without a coroutine when the socket can take it now."""
        protocol = self.protocol
        if protocol is None:
            return False
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
        return True


def _uvicorn_protocol(send):
    """Finds uvicorn's sansio protocol behind the consumer's send (Channels' session middleware
    wraps it once). Returns None for anything it does not recognise."""
    for _ in range(4):
        owner = getattr(send, "__self__", None)
        if owner is None:
            return None
        if type(owner).__name__ == "WebSocketsSansIOProtocol" and hasattr(owner, "conn"):
            return owner if getattr(owner, "handshake_complete", False) else None
        send = getattr(owner, "real_send", None)
    return None
