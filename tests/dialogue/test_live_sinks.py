"""The shared-frame fast path: one encoding per event, written as is to every idle socket."""

import asyncio

from websockets.frames import Frame, Opcode
from websockets.protocol import State
from websockets.server import ServerProtocol

from core.live.sinks import Event, Sink


class FakeTransport:
    def __init__(self):
        self.written = []
        self.closing = False

    def write(self, data):
        self.written.append(data)

    def is_closing(self):
        return self.closing


class WebSocketsSansIOProtocol:
    """Stands in for uvicorn's protocol: the attributes the sink reads, nothing else."""

    def __init__(self):
        self.conn = ServerProtocol()
        self.conn.state = State.OPEN
        self.transport = FakeTransport()
        self.writable = asyncio.Event()
        self.writable.set()
        self.handshake_complete = True
        self.close_sent = False
        self.disconnected = False
        self.sent_over_asgi = []

    async def send(self, message):
        self.sent_over_asgi.append(message)


def parse(data: bytes) -> Frame:
    from websockets.streams import StreamReader

    reader = StreamReader()
    reader.feed_data(data)
    parser = Frame.parse(reader.read_exact, mask=False)
    try:
        next(parser)
    except StopIteration as done:
        return done.value
    raise AssertionError("incomplete frame")


def test_an_idle_uvicorn_socket_gets_the_shared_bytes_directly():
    protocol = WebSocketsSansIOProtocol()
    sink = Sink(protocol.send)
    event = Event('{"type":"comment.created","body":"æøå"}')
    assert sink.try_write(event)
    frame = parse(protocol.transport.written[0])
    assert frame.opcode is Opcode.TEXT and frame.fin
    assert frame.data.decode() == event.text


def test_the_frame_is_encoded_once_for_every_socket():
    event = Event("x" * 500)
    protocols = [WebSocketsSansIOProtocol() for _ in range(3)]
    for protocol in protocols:
        Sink(protocol.send).try_write(event)
    written = [p.transport.written[0] for p in protocols]
    assert written[0] is written[1] is written[2]


def test_a_busy_or_closing_socket_goes_the_ordinary_way():
    busy = WebSocketsSansIOProtocol()
    busy.writable.clear()
    closing = WebSocketsSansIOProtocol()
    closing.conn.state = State.CLOSING
    compressed = WebSocketsSansIOProtocol()
    compressed.conn.extensions = [object()]
    for protocol in (busy, closing, compressed):
        assert not Sink(protocol.send).try_write(Event("hej"))
        assert protocol.transport.written == []


def test_an_unknown_send_is_never_written_to_directly():
    async def send(message):
        return None

    assert Sink(send).protocol is None
    assert not Sink(send).try_write(Event("hej"))
