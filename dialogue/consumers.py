"""The debate socket: one per open debate page. It only carries messages; every write goes
through `dialogue.services`, and every message is authorised on its own."""

import hashlib
import json
import logging

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.db import connection
from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from core import ratelimit
from core.clientip import client_ip
from core.errors import ServiceError
from core.live import get_hub
from core.live.frames import (
    CLOSE_NOT_FOUND,
    CLOSE_POLICY,
    CLOSE_TOO_MANY,
    CLOSE_TRY_AGAIN_LATER,
    DATABASE_UNAVAILABLE,
    FrameReader,
    as_id,
    current_user,
    echo,
    hit,
    text_field,
)
from dialogue import selectors, services
from dialogue.models import Comment, DebatePage
from dialogue.serializers import comment_payload

log = logging.getLogger(__name__)


def _load_debate(debate_id: int) -> DebatePage | None:
    return DebatePage.objects.live().public().filter(pk=debate_id).first()


def _run(action: str, user, debate_id: int, message: dict, ip: str) -> dict:
    user = current_user(user)
    debate = DebatePage.objects.get(pk=debate_id)
    if action == "post":
        if user.is_authenticated:
            # Read once for the comment's live event and for the answer to the writer.
            prefetch_related_objects([user], "badges")
        comment, created = services.comment_create(
            user=user,
            debate=debate,
            body=text_field(message, "body"),
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
        .filter(pk=as_id(message.get("id")) or 0, debate_id=debate_id)
        .first()
    )
    if comment is None:
        raise ServiceError("not_found", _("That comment is gone."), 404)
    if action == "edit":
        services.comment_edit(user=user, comment=comment, body=text_field(message, "body"), ip=ip)
    elif action == "delete":
        services.comment_delete(user=user, comment=comment)
    elif action == "react":
        services.reaction_set(user=user, comment=comment, value=text_field(message, "value"), ip=ip)
    elif action == "report":
        services.report_create(
            user=user,
            comment=comment,
            reason=text_field(message, "reason"),
            text=text_field(message, "text"),
            ip=ip,
        )
    return {"type": "ok", "id": comment.pk, "action": action}


def _one_at_a_time() -> bool:
    """Whether the writes of a process's sockets wait for each other. On PostgreSQL they do not
    (settings.DIALOGUE_PARALLEL_WRITES): each runs in a thread of its own with a pooled
    connection, so one resident's commit does not hold up the next (PostgreSQL groups the
    commits). SQLite takes one writer at a time, so there they share one thread, as Channels
    does by default."""
    return not (settings.DIALOGUE_PARALLEL_WRITES and connection.vendor == "postgresql")


def _parent(value):
    """The parent as typed when it is a usable id; anything else is a parent that is gone."""
    if value in (None, ""):
        return None
    return as_id(value) or -1


def _person(user, ip: str) -> str:
    """Who a socket belongs to, for the viewer count: the account, or for anonymous readers the
    client address (a household behind one address counts once; a client opening hundreds of
    sockets counts once too). Hashed: presence keys in Redis name nobody."""
    who = f"user:{user.pk}" if user is not None and user.is_authenticated else f"ip:{ip}"
    return hashlib.sha256(who.encode()).hexdigest()[:16]


def _catch_up(debate_id: int, after_id: int) -> list[dict]:
    debate = DebatePage.objects.get(pk=debate_id)
    return [comment_payload(c) for c in selectors.comments_after(debate=debate, after_id=after_id)]


class DebateConsumer(FrameReader, AsyncWebsocketConsumer):
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
            await hit("live.connect", user=self.user, ip=self.ip)
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

    async def receive(self, text_data=None, bytes_data=None):
        message = await self.read_message(text_data, bytes_data, limit="live.message")
        if message is None:
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
                reply = await database_sync_to_async(_run, thread_sensitive=_one_at_a_time())(
                    action, self.user, self.debate_id, message, self.ip
                )
            except ServiceError as error:
                await self.send_error(
                    error.code,
                    error.message,
                    client_id=echo(message.get("client_id")),
                    id=echo(message.get("id")),
                )
                return
            await self.send_json(reply)

        return handle

    async def on_catchup(self, message):
        after = as_id(message.get("after")) or 0
        comments = await database_sync_to_async(_catch_up)(self.debate_id, after)
        await self.send_json({"type": "catchup", "comments": comments})

    async def on_ping(self, message):
        viewers = len(get_hub().local_people(self.topic))
        await self.send_json({"type": "pong", "viewers": viewers})
