"""The request body cap holds before Django reads the body: a 50 MB upload is refused with 413
without a byte of it being received."""

import asyncio

import pytest

from config.asgi import application

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def http_scope(path="/da/partnerskaber/tilmeld/", headers=()):
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }


class Body:
    """The client's side: hands out the body in 1 MB chunks and counts what was taken."""

    def __init__(self, size: int):
        self.size = size
        self.taken = 0

    async def receive(self):
        if self.taken >= self.size:
            await asyncio.Event().wait()  # all sent: the client waits for the answer
        chunk = min(MB, self.size - self.taken)
        self.taken += chunk
        return {"type": "http.request", "body": b"x" * chunk, "more_body": self.taken < self.size}


async def call(scope, body: Body):
    sent = []

    async def send(message):
        sent.append(message)

    await application(scope, body.receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    text = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], text


async def test_a_50_mb_upload_is_refused_before_its_body_is_read():
    body = Body(50 * MB)
    scope = http_scope(headers=[(b"content-length", str(50 * MB).encode())])
    status, text = await call(scope, body)
    assert status == 413
    assert body.taken == 0
    assert "20" in text.decode() and "MB" in text.decode()


async def test_a_body_without_a_length_is_cut_off_at_the_cap(settings):
    settings.UPLOAD_MAX_BYTES = 5 * MB
    body = Body(50 * MB)
    status, _text = await call(http_scope(), body)
    assert status == 413
    assert body.taken <= 6 * MB


async def test_the_refusal_speaks_the_language_of_the_address():
    body = Body(50 * MB)
    scope = http_scope(path="/en/", headers=[(b"content-length", str(50 * MB).encode())])
    _status, text = await call(scope, body)
    assert text.decode().startswith("The upload is too large")


async def test_a_body_under_the_cap_reaches_django():
    body = Body(1 * MB)
    scope = http_scope(path="/healthz", headers=[(b"content-length", str(MB).encode())])
    status, _text = await call(scope, body)
    assert status != 413
    assert body.taken == MB


def test_django_keeps_large_form_bodies_and_files_out_of_memory(settings):
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= 2_621_440
    assert settings.UPLOAD_MAX_BYTES == 20 * MB
