"""ASGI wrappers that run before Django sees a request or Channels a socket.

They sit in front of Django because its ASGI handler reads the whole request body into a
spooled file before any middleware runs: a Django middleware would refuse a 50 MB upload only
after reading it.
"""

from urllib.parse import urlsplit

from channels.security.websocket import OriginValidator
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext


def site_origins() -> list[str]:
    """The origins a page of this site is served from: SITE_URL and every origin in
    DJANGO_CSRF_TRUSTED_ORIGINS, each with its scheme and port."""
    origins = []
    for url in [settings.SITE_URL, *settings.CSRF_TRUSTED_ORIGINS]:
        parts = urlsplit(url)
        if parts.scheme and parts.netloc and "*" not in parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}".lower())
    return origins


class SiteOriginValidator(OriginValidator):
    """Accepts a socket only from a page of this site: scheme, host and port must all match one
    of `site_origins()` (Channels' AllowedHostsOriginValidator compares host names only, so a page
    on another port of the same host could open sockets with the visitor's cookies). The list is
    read from the settings at each connect, so tests can change SITE_URL."""

    def __init__(self, application):
        super().__init__(application, allowed_origins=[])

    def valid_origin(self, parsed_origin):
        self.allowed_origins = site_origins()
        return super().valid_origin(parsed_origin)

    def match_allowed_origin(self, parsed_origin, pattern):
        try:
            return super().match_allowed_origin(parsed_origin, pattern)
        except ValueError:  # a port that is not a number, e.g. "http://example.org:abc"
            return False


class RequestBodyLimit:
    """Answers 413 to a request whose body is larger than settings.UPLOAD_MAX_BYTES.

    A Content-Length over the cap is refused before a single byte of the body is received; a
    body sent without a length (chunked) is counted as it arrives and cut off at the cap. The
    same cap belongs in the proxy in front (nginx: `client_max_body_size`, see the README)."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.application(scope, receive, send)
        limit = settings.UPLOAD_MAX_BYTES
        declared = None
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await self._refuse(send, 400, b"Bad Request\n")
        if declared is not None and declared > limit:
            return await self._refuse(send, 413, self._too_large_body(scope, limit))

        received = 0
        cut_off = False
        response_started = False

        async def counting_receive():
            nonlocal received, cut_off
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    cut_off = True
                    # Django treats this as the client going away and stops reading.
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message):
            nonlocal response_started
            if message["type"] == "http.response.start":
                response_started = True
            await send(message)

        await self.application(scope, counting_receive, tracking_send)
        if cut_off and not response_started:
            await self._refuse(send, 413, self._too_large_body(scope, limit))

    @staticmethod
    def _too_large_body(scope, limit: int) -> bytes:
        # In the language of the page's address (/da/, /en/, /ar/), else the site's.
        path = scope.get("path", "")
        language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
        with translation.override(language):
            text = gettext(
                "The upload is too large: at most %(size)s. Go back and choose a smaller file."
            ) % {"size": filesizeformat(limit)}
        return (text + "\n").encode()

    @staticmethod
    async def _refuse(send, status: int, body: bytes) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"text/plain; charset=utf-8"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
