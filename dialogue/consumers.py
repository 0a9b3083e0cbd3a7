"""The debate socket: one per open debate page. It only carries messages; every write goes
through `dialogue.services`, and every message is authorised on its own."""

import hashlib
import json
import logging

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext as _

from core import ratelimit
from core.clientip import client_ip
from core.errors import ServiceError
from core.live import get_hub
from dialogue import selectors, services
from dialogue.models import Comment, DebatePage
from dialogue.serializers import comment_payload

log = logging.getLogger(__name__)

CLOSE_TOO_BIG = 1009
CLOSE_POLICY = 1008
CLOSE_NOT_FOUND = 4404
CLOSE_TRY_AGAIN_LATER = 1013
# The database cannot be reached (stopped, or no pooled connection in time).
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
CLOSE_TOO_MANY = 4429


def _load_debate(debate_id: int) -> DebatePage | None:
    return DebatePage.objects.live().public().filter(pk=debate_id).first()


def _current_user(user):
    """Re-read the account for each write: a block must bite at once, not at reconnect."""
    if user is None or not user.is_authenticated:
        return user
    from accounts.models import User

    return User.objects.filter(pk=user.pk, is_active=True).first() or user


def _run(action: str, user, debate_id: int, message: dict, ip: str) -> dict:
    user = _current_user(user)
    debate = DebatePage.objects.get(pk=debate_id)
    if action == "post":
        comment, created = services.comment_create(
            user=user,
            debate=debate,
            body=_text(message, "body"),
            parent_id=_parent(message.get("parent")),
            client_id=message.get("client_id"),
            ip=ip,
        )
        return {
            "type": "comment.ack",
            "client_id": message.get("client_id"),
            "created": created,
            "comment": comment_payload(comment),
        }
    comment = (
        Comment.objects.select_related("debate", "author")
        .filter(pk=_as_id(message.get("id")) or 0, debate_id=debate_id)
        .first()
    )
    if comment is None:
        raise ServiceError("not_found", _("That comment is gone."), 404)
    if action == "edit":
        services.comment_edit(user=user, comment=comment, body=_text(message, "body"), ip=ip)
    elif action == "delete":
        services.comment_delete(user=user, comment=comment)
    elif action == "react":
        services.reaction_set(user=user, comment=comment, value=_text(message, "value"), ip=ip)
    elif action == "report":
        services.report_create(
            user=user,
            comment=comment,
            reason=_text(message, "reason"),
            text=_text(message, "text"),
            ip=ip,
        )
    return {"type": "ok", "id": comment.pk, "action": action}


MAX_ID = 2**63 - 1  # the largest primary key either database stores


def _as_id(value) -> int | None:
    """An id from a frame: a whole number in the database's range, or a string of ASCII digits
    (int() alone takes 1e400 as infinity, "²" as a digit and floats as whole numbers)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        value = int(value)
    return value if isinstance(value, int) and 0 < value <= MAX_ID else None


def _parent(value):
    """The parent as typed when it is a usable id; anything else is a parent that is gone."""
    if value in (None, ""):
        return None
    return _as_id(value) or -1


def _text(message: dict, key: str) -> str:
    value = message.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ServiceError("malformed", _("The message could not be read."), 400)
    return value


def _unstorable_text(message) -> bool:
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
        elif isinstance(item, str) and ("\x00" in item or _has_surrogate(item)):
            return True
    return False


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _echo(value):
    """What an error frame may repeat of the frame it answers: a plain id or string only."""
    if isinstance(value, str) and len(value) <= 64 and not _unstorable_text(value):
        return value
    return _as_id(value)


def _person(user, ip: str) -> str:
    """Who a socket belongs to, for the viewer count: the account, or for anonymous readers the
    client address (a household behind one address counts once; a client opening hundreds of
    sockets counts once too). Hashed: presence keys in Redis name nobody."""
    who = f"user:{user.pk}" if user is not None and user.is_authenticated else f"ip:{ip}"
    return hashlib.sha256(who.encode()).hexdigest()[:16]


# The limits go to the shared store, which may be Redis: off the event loop, and not on the
# one thread the database work is serialised on.
_hit = sync_to_async(ratelimit.hit, thread_sensitive=False)


def _catch_up(debate_id: int, after_id: int) -> list[dict]:
    debate = DebatePage.objects.get(pk=debate_id)
    return [comment_payload(c) for c in selectors.comments_after(debate=debate, after_id=after_id)]


class DebateConsumer(AsyncWebsocketConsumer):
    # Debate events travel through the hub, not the channel layer: without this, Channels gives
    # every socket its own channel (one Redis subscription each in production).
    channel_layer_alias = "__no_channel_layer__"

    async def connect(self):
        self.debate_id = int(self.scope["url_route"]["kwargs"]["debate_id"])
        self.topic = f"debate:{self.debate_id}"
        self.user = self.scope.get("user")
        self.user_topic = None
        self.ip = client_ip(self.scope)
        self.person = _person(self.user, self.ip)
        try:
            debate = await database_sync_to_async(_load_debate)(self.debate_id)
        except DATABASE_UNAVAILABLE:  # the page reconnects with its back-off
            await self.close(code=CLOSE_TRY_AGAIN_LATER)
            return
        if debate is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        try:
            # Per account and per address, so anonymous clients cannot open sockets without end.
            await _hit("live.connect", user=self.user, ip=self.ip)
        except ratelimit.RateLimited as error:
            await self.accept()
            await self.send_json(error.as_dict() | {"retry_after": error.retry_after})
            await self.close(code=CLOSE_TOO_MANY)
            return
        self.joined = True
        await self.accept()
        hub = get_hub()
        # The hub writes each event's one frame straight to this socket's ASGI send.
        await hub.join(self.topic, self.base_send, counted=True, person=self.person)
        if self.user is not None and self.user.is_authenticated:
            self.user_topic = f"user:{self.user.pk}"
            await hub.join(self.user_topic, self.on_account_event)

    async def disconnect(self, code):
        if not getattr(self, "joined", False):
            return
        hub = get_hub()
        await hub.leave(self.topic, self.base_send, counted=True, person=self.person)
        if self.user_topic:
            await hub.leave(self.user_topic, self.on_account_event)

    async def on_account_event(self, frame: dict) -> None:
        event = json.loads(frame["text"])
        if event.get("type") == "account.blocked":
            await self.send_json(
                {"type": "account.blocked", "message": _("Your account is blocked.")}
            )
            await self.close(code=CLOSE_POLICY)

    async def send_json(self, data: dict) -> None:
        await self.send(text_data=json.dumps(data, ensure_ascii=False))

    async def send_error(self, code: str, message: str, **extra) -> None:
        await self.send_json({"type": "error", "code": code, "message": message, **extra})

    async def receive(self, text_data=None, bytes_data=None):
        raw = text_data if text_data is not None else (bytes_data or b"")
        if len(raw.encode() if isinstance(raw, str) else raw) > settings.LIVE_MAX_FRAME_BYTES:
            await self.close(code=CLOSE_TOO_BIG)
            return
        try:
            # Counted per account and per address, not per socket: a reconnect starts nothing anew.
            await _hit(
                "live.message",
                user=self.user,
                ip=self.ip,
                message=_("You are sending too fast. Wait a moment."),
            )
        except ratelimit.RateLimited as error:
            await self.send_error(error.code, error.message, retry_after=error.retry_after)
            return
        try:
            message = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            await self.send_error("malformed", _("The message could not be read."))
            return
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.send_error("malformed", _("The message has no type."))
            return
        if _unstorable_text(message):
            await self.send_error(
                "bad_text",
                _(
                    "The text contains a character that cannot be saved (a null character or "
                    "half of an emoji). Remove it and send again."
                ),
                client_id=_echo(message.get("client_id")),
            )
            return
        handler = self.handlers().get(message["type"])
        if handler is None:
            await self.send_error("unknown_type", _("Unknown message type."))
            return
        try:
            await handler(message)
        except DATABASE_UNAVAILABLE:
            await self.send_error(
                "unavailable",
                _("We cannot save or load anything just now. Try again in a moment."),
                client_id=message.get("client_id"),
                id=message.get("id"),
            )

    def handlers(self):
        return {
            "ping": self.on_ping,
            "catchup": self.on_catchup,
            "comment.post": self.on_write("post"),
            "comment.edit": self.on_write("edit"),
            "comment.delete": self.on_write("delete"),
            "reaction.set": self.on_write("react"),
            "comment.report": self.on_write("report"),
        }

    def on_write(self, action: str):
        async def handle(message):
            try:
                reply = await database_sync_to_async(_run)(
                    action, self.user, self.debate_id, message, self.ip
                )
            except ServiceError as error:
                await self.send_error(
                    error.code,
                    error.message,
                    client_id=_echo(message.get("client_id")),
                    id=_echo(message.get("id")),
                )
                return
            await self.send_json(reply)

        return handle

    async def on_catchup(self, message):
        after = _as_id(message.get("after")) or 0
        comments = await database_sync_to_async(_catch_up)(self.debate_id, after)
        await self.send_json({"type": "catchup", "comments": comments})

    async def on_ping(self, message):
        viewers = len(get_hub().local_people(self.topic))
        await self.send_json({"type": "pong", "viewers": viewers})
