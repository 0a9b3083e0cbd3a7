"""The debate socket: one per open debate page. It only carries messages; every write goes
through `dialogue.services`, and every message is authorised on its own."""

import json
import logging
import time

from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils.translation import gettext as _

from dialogue.live import get_hub

log = logging.getLogger(__name__)

CLOSE_TOO_BIG = 1009
CLOSE_POLICY = 1008


class DebateConsumer(AsyncWebsocketConsumer):
    async def connect(self):
        self.debate_id = int(self.scope["url_route"]["kwargs"]["debate_id"])
        self.topic = f"debate:{self.debate_id}"
        self.user = self.scope.get("user")
        self.user_topic = None
        self._window_start = time.monotonic()
        self._window_count = 0
        await self.accept()
        hub = get_hub()
        await hub.join(self.topic, self.forward, counted=True)
        if self.user is not None and self.user.is_authenticated:
            self.user_topic = f"user:{self.user.pk}"
            await hub.join(self.user_topic, self.on_account_event)

    async def disconnect(self, code):
        hub = get_hub()
        await hub.leave(self.topic, self.forward, counted=True)
        if self.user_topic:
            await hub.leave(self.user_topic, self.on_account_event)

    async def forward(self, text: str) -> None:
        await self.send(text_data=text)

    async def on_account_event(self, text: str) -> None:
        event = json.loads(text)
        if event.get("type") == "account.blocked":
            await self.send_json(
                {"type": "account.blocked", "message": _("Your account is blocked.")}
            )
            await self.close(code=CLOSE_POLICY)

    async def send_json(self, data: dict) -> None:
        await self.send(text_data=json.dumps(data, ensure_ascii=False))

    async def send_error(self, code: str, message: str, **extra) -> None:
        await self.send_json({"type": "error", "code": code, "message": message, **extra})

    def _over_rate(self) -> bool:
        now = time.monotonic()
        if now - self._window_start > 10:
            self._window_start, self._window_count = now, 0
        self._window_count += 1
        return self._window_count > settings.LIVE_MESSAGES_PER_10S

    async def receive(self, text_data=None, bytes_data=None):
        raw = text_data if text_data is not None else (bytes_data or b"")
        if len(raw.encode() if isinstance(raw, str) else raw) > settings.LIVE_MAX_FRAME_BYTES:
            await self.close(code=CLOSE_TOO_BIG)
            return
        if self._over_rate():
            await self.send_error("rate_limited", _("You are sending too fast. Wait a moment."))
            return
        try:
            message = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            await self.send_error("malformed", _("The message could not be read."))
            return
        if not isinstance(message, dict) or not isinstance(message.get("type"), str):
            await self.send_error("malformed", _("The message has no type."))
            return
        handler = self.handlers().get(message["type"])
        if handler is None:
            await self.send_error("unknown_type", _("Unknown message type."))
            return
        await handler(message)

    def handlers(self):
        return {"ping": self.on_ping}

    async def on_ping(self, message):
        await self.send_json({"type": "pong", "viewers": get_hub().local_count(self.topic)})
