"""How the hub writes an event to one socket, against uvicorn's own protocol object.

Each socket here is a real `WebSocketsSansIOProtocol` from the installed uvicorn that went
through the websocket handshake, with a transport that keeps what is written in memory. So when
an upgrade renames what the direct write reads, these tests see it, and so does the sink."""

import asyncio
import logging

import pytest
from uvicorn.config import Config
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol
from uvicorn.server import ServerState
from websockets.frames import Frame, Opcode
from websockets.protocol import State
from websockets.streams import StreamReader

from core.live import metrics, sinks
from core.live.backends import InProcessBackend
from core.live.hub import Hub
from core.live.sinks import Event, Sink

HANDSHAKE = (
    b"GET /ws/debates/1/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
    b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    b"Sec-WebSocket-Version: 13\r\n\r\n"
)


class MemoryTransport(asyncio.Transport):
    """A socket that keeps what is written to it; it can be told to fail the next write."""

    def __init__(self):
        super().__init__()
        self.written: list[bytes] = []
        self.closing = False
        self.fail_next_write = False

    def write(self, data):
        if self.fail_next_write:
            self.fail_next_write = False
            raise RuntimeError("the transport broke")
        self.written.append(bytes(data))

    def is_closing(self):
        return self.closing

    def close(self):
        self.closing = True

    def pause_reading(self):
        pass

    def resume_reading(self):
        pass

    def get_extra_info(self, name, default=None):
        return default


class SessionFront:
    """What the consumer's send is in production: Channels' session wrapper, which keeps
    uvicorn's send as `real_send`. This one records instead of passing messages on."""

    def __init__(self, real_send):
        self.real_send = real_send
        self.sent: list[dict] = []

    async def send(self, message):
        self.sent.append(message)


@pytest.fixture(autouse=True)
def fresh_counts():
    metrics.reset()
    sinks.reset()
    yield
    metrics.reset()
    sinks.reset()


@pytest.fixture
async def open_socket():
    """Opens sockets on uvicorn's protocol the way uvicorn does: handshake, then the app's
    `websocket.accept`. Yields a function returning (protocol, the send uvicorn gave the app)."""
    loop = asyncio.get_running_loop()
    opened = []

    async def open_one():
        accepted = loop.create_future()

        async def app(scope, receive, send):
            await receive()
            await send({"type": "websocket.accept"})
            accepted.set_result(send)
            while (await receive())["type"] != "websocket.disconnect":
                pass

        config = Config(app=app, ws="websockets-sansio", proxy_headers=False, lifespan="off")
        config.load()
        protocol = WebSocketsSansIOProtocol(config, ServerState(), {}, _loop=loop)
        protocol.connection_made(MemoryTransport())
        protocol.data_received(HANDSHAKE)
        send = await asyncio.wait_for(accepted, 5)
        assert protocol.transport.written[0].startswith(b"HTTP/1.1 101")
        protocol.transport.written.clear()
        opened.append((protocol, dict(vars(protocol)), dict(vars(protocol.conn))))
        return protocol, send

    yield open_one
    for protocol, attributes, conn_attributes in opened:
        # Give back what a test took away, so uvicorn can close the socket as usual.
        for name in attributes.keys() - vars(protocol).keys():
            setattr(protocol, name, attributes[name])
        for name in conn_attributes.keys() - vars(protocol.conn).keys():
            setattr(protocol.conn, name, conn_attributes[name])
        if not protocol.disconnected:
            protocol.connection_lost(None)
    await asyncio.sleep(0)


def parse(data: bytes) -> Frame:
    reader = StreamReader()
    reader.feed_data(data)
    parser = Frame.parse(reader.read_exact, mask=False)
    try:
        next(parser)
    except StopIteration as done:
        return done.value
    raise AssertionError("incomplete frame")


async def test_an_idle_uvicorn_socket_gets_the_shared_bytes_directly(open_socket):
    protocol, send = await open_socket()
    sink = Sink(send)
    event = Event('{"type":"comment.created","body":"æøå"}')
    assert sink.try_write(event)
    frame = parse(protocol.transport.written[0])
    assert frame.opcode is Opcode.TEXT and frame.fin
    assert frame.data.decode() == event.text
    assert metrics.counters.sinks_with_fast_path == 1


async def test_the_direct_bytes_are_what_uvicorn_itself_would_send(open_socket):
    direct, direct_send = await open_socket()
    ordinary, ordinary_send = await open_socket()
    event = Event('{"type":"comment.created","body":"hej"}')
    assert Sink(direct_send).try_write(event)
    await Sink(ordinary_send).send(event)
    assert direct.transport.written == ordinary.transport.written
    assert metrics.counters.asgi_sends == 1


async def test_the_channels_session_wrapper_is_looked_through(open_socket):
    protocol, send = await open_socket()
    assert Sink(SessionFront(send).send).protocol is protocol


async def test_the_frame_is_encoded_once_for_every_socket(open_socket):
    event = Event("x" * 500)
    protocols = []
    for _ in range(3):
        protocol, send = await open_socket()
        Sink(send).try_write(event)
        protocols.append(protocol)
    written = [p.transport.written[0] for p in protocols]
    assert written[0] == written[1] == written[2] == event.wire


async def test_a_busy_closing_or_compressed_socket_goes_the_ordinary_way(open_socket):
    busy, busy_send = await open_socket()
    busy.writable.clear()
    closing, closing_send = await open_socket()
    closing.conn.state = State.CLOSING
    compressed, compressed_send = await open_socket()
    compressed.conn.extensions = [object()]
    sockets = ((busy, busy_send), (closing, closing_send), (compressed, compressed_send))
    for protocol, send in sockets:
        assert not Sink(send).try_write(Event("hej"))
        assert protocol.transport.written == []
    busy.writable.set()


async def test_an_unknown_send_is_never_written_to_directly():
    async def send(message):
        return None

    assert Sink(send).protocol is None
    assert not Sink(send).try_write(Event("hej"))
    assert metrics.counters.sinks_without_fast_path == 2


@pytest.mark.parametrize(
    "renamed",
    [
        "writable",
        "close_sent",
        "handshake_complete",
        "conn.writes",
        "conn.expect_continuation_frame",
    ],
)
async def test_a_uvicorn_without_an_attribute_the_direct_write_reads_gets_the_asgi_send(
    open_socket, renamed, caplog
):
    protocol, send = await open_socket()
    owner, _, name = renamed.rpartition(".")
    delattr(protocol.conn if owner else protocol, name)
    front = SessionFront(send)
    with caplog.at_level(logging.WARNING, logger="core.live.sinks"):
        sink = Sink(front.send)
    event = Event("hej")
    assert not sink.try_write(event)
    await sink.send(event)
    assert front.sent == [event.asgi]
    assert protocol.transport.written == []
    assert metrics.counters.sinks_without_fast_path == 1
    assert metrics.counters.asgi_sends == 1
    assert metrics.snapshot()["fast_path_refused"] == {
        "uvicorn.protocols.websockets.websockets_sansio_impl.WebSocketsSansIOProtocol": [renamed]
    }
    [warning] = caplog.records
    assert warning.levelno == logging.WARNING and renamed in warning.getMessage()


async def test_a_connection_state_that_is_not_a_websockets_state_is_refused(open_socket):
    protocol, send = await open_socket()
    protocol.conn.state = "OPEN"
    assert Sink(send).protocol is None
    assert list(metrics.counters.fast_path_refused.values()) == [["conn.state"]]


async def test_a_protocol_class_is_checked_once_and_warned_about_once(open_socket, caplog):
    first, first_send = await open_socket()
    _, second_send = await open_socket()
    del first.writable
    with caplog.at_level(logging.WARNING, logger="core.live.sinks"):
        assert Sink(first_send).protocol is None
        assert Sink(second_send).protocol is None  # intact, but of the same class
    assert len(caplog.records) == 1
    assert metrics.counters.sinks_without_fast_path == 2


async def test_a_failed_direct_write_is_counted_and_the_event_still_arrives(open_socket, caplog):
    protocol, send = await open_socket()
    sink = Sink(send)
    protocol.transport.fail_next_write = True
    event = Event("hej")
    with caplog.at_level(logging.WARNING, logger="core.live.sinks"):
        assert not sink.try_write(event)
    await sink.send(event)
    assert parse(protocol.transport.written[0]).data == b"hej"
    assert metrics.counters.failed_writes == 1
    assert metrics.counters.asgi_sends == 1
    assert "direct write failed" in caplog.records[0].getMessage()
    assert sink.protocol is None  # it is not trusted with direct writes again


async def test_a_socket_that_died_does_not_stop_the_others(open_socket, caplog):
    dead, dead_send = await open_socket()
    alive, alive_send = await open_socket()
    hub = Hub(InProcessBackend())
    await hub.join("debate:1", dead_send)
    await hub.join("debate:1", alive_send)
    dead.connection_lost(None)
    with caplog.at_level(logging.WARNING, logger="core.live.sinks"):
        await hub.backend.apublish("debate:1", '{"type":"comment.created"}')
        for _ in range(20):
            if alive.transport.written:
                break
            await asyncio.sleep(0.01)
    assert parse(alive.transport.written[0]).data == b'{"type":"comment.created"}'
    assert metrics.counters.failed_writes == 1
    assert metrics.counters.direct_writes == 1
    assert "ClientDisconnected" in caplog.records[0].getMessage()
    await hub.leave("debate:1", alive_send)


class DeadSocket:
    async def send(self, message):
        raise ConnectionResetError("gone")


async def test_a_thousand_dead_sockets_make_one_warning_and_a_thousand_counts(caplog):
    hub = Hub(InProcessBackend())
    sockets = [DeadSocket() for _ in range(1000)]
    for socket in sockets:
        await hub.join("debate:2", socket.send)
    with caplog.at_level(logging.WARNING, logger="core.live.sinks"):
        await hub.backend.apublish("debate:2", "{}")
        await hub.backend.apublish("debate:2", "{}")
        for _ in range(100):
            if metrics.counters.failed_writes == 2000:
                break
            await asyncio.sleep(0.01)
    assert metrics.counters.failed_writes == 2000
    assert len(caplog.records) == 1
    for socket in sockets:
        await hub.leave("debate:2", socket.send)


async def test_a_uvicorn_that_moved_its_protocol_class_is_warned_about_once(
    open_socket, monkeypatch, caplog
):
    _, send = await open_socket()
    monkeypatch.setattr(sinks, "WebSocketsSansIOProtocol", None)
    with caplog.at_level(logging.WARNING, logger="core.live.sinks"):
        assert Sink(send).protocol is None
        assert Sink(send).protocol is None
    assert len(caplog.records) == 1
    assert sinks.UVICORN_PROTOCOL in metrics.counters.fast_path_refused
