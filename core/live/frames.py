"""What every socket of the site does with a frame before its own handlers see it: the size cap,
the message rate limit, JSON with a "type", no text that cannot be stored; and the helpers to
read ids from a frame and echo them in an answer. The debate socket (dialogue) and the
live-session socket (livesessions) both read their frames here."""

import json

from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

from core import ratelimit
from core.errors import ServiceError
from core.plaintext import has_unstorable_text

CLOSE_TOO_BIG = 1009
CLOSE_POLICY = 1008
CLOSE_TRY_AGAIN_LATER = 1013
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_MANY = 4429
# The database cannot be reached (stopped, or no pooled connection in time).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

MAX_ID = 2**63 - 1  # the largest primary key either database stores

# The limits go to the shared store, which may be Redis: off the event loop, and not on the
# one thread the database work is serialised on.
hit = sync_to_async(ratelimit.hit, thread_sensitive=False)


def current_user(user):
    """The account as it is now, read again for each write a socket passes on: a block or a
    deactivation bites at once, not at the next reconnect (a deactivated or deleted account
    is anonymous from then on)."""
    if user is None or not user.is_authenticated:
        return user
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    return get_user_model().objects.filter(pk=user.pk, is_active=True).first() or AnonymousUser()


def as_id(value) -> int | None:
    """An id from a frame: a whole number in the database's range, or a string of ASCII digits
    (int() alone takes 1e400 as infinity, "²" as a digit and floats as whole numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        value = int(value)
    return value if isinstance(value, int) and 0 < value <= MAX_ID else None


def text_field(message: dict, key: str) -> str:
    """A text field of a frame: missing is empty, anything but a string is refused."""
    value = message.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ServiceError("malformed", _("The message could not be read."), 400)
    return value


def echo(value):
    """What an error frame may repeat of the frame it answers: a plain id or string only."""
    if isinstance(value, str) and len(value) <= 64 and not has_unstorable_text(value):
        return value
    return as_id(value)


def unstorable_frame(message) -> bool:
    """Whether any key or string in the frame holds a NUL or a lone surrogate: neither can be
    stored (PostgreSQL refuses NUL, UTF-8 has no surrogates) nor sent back in a frame. Walked
    without recursion: a frame may nest as deep as the JSON parser allows."""
    stack = [message]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str) and has_unstorable_text(item):
            return True
    return False


class FrameReader:
    """Mixed into an AsyncWebsocketConsumer: `send_json`, `send_error`, and `read_message`,
    which answers a frame it cannot pass on (and returns None) or returns the message."""

    async def send_json(self, data: dict) -> None:
        await self.send(text_data=json.dumps(data, ensure_ascii=False))

    async def send_error(self, code: str, message: str, **extra) -> None:
        await self.send_json({"type": "error", "code": code, "message": message, **extra})

    async def read_message(self, text_data, bytes_data, *, limit: str, person: str = ""):
        raw = text_data if text_data is not None else (bytes_data or b"")
        if len(raw.encode() if isinstance(raw, str) else raw) > settings.LIVE_MAX_FRAME_BYTES:
            await self.close(code=CLOSE_TOO_BIG)
            return None
        try:
            # Counted per account (or guest device) and per address, not per socket: a
            # reconnect starts nothing anew.
            await hit(
                limit,
                user=self.user,
                ip=self.ip,
                person=person,
                message=_("You are sending too fast. Wait a moment."),
            )
        except ratelimit.RateLimited as error:
            await self.send_error(error.code, error.message, retry_after=error.retry_after)
            return None
        try:
            message = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            await self.send_error("malformed", _("The message could not be read."))
            return None
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.send_error("malformed", _("The message has no type."))
            return None
        if unstorable_frame(message):
            await self.send_error(
                "bad_text",
                _(
                    "The text contains a character that cannot be saved (a null character or "
                    "half of an emoji). Remove it and send again."
                ),
                client_id=echo(message.get("client_id")),
            )
            return None
        return message
