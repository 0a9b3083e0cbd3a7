"""The account socket: one per logged-in page, so the header's count of unread notices changes
while the person reads (`notifications.unread` on their own topic, core.live.user_topic). It
carries nothing else and takes no messages but pings."""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils.translation import gettext as _

from core import ratelimit
from core.clientip import client_ip
from core.live import get_hub, user_topic
from core.live.frames import (
    CLOSE_POLICY,
    CLOSE_TOO_MANY,
    CLOSE_TRY_AGAIN_LATER,
    DATABASE_UNAVAILABLE,
    hit,
)

CLOSE_LOGGED_OUT = 4401


def _unread(user_id: int) -> int:
    from notifications.services import unread_counts

    return unread_counts([user_id])[user_id]


class AccountConsumer(AsyncWebsocketConsumer):
    channel_layer_alias = "__no_channel_layer__"

    async def connect(self):
        self.topic = None
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=CLOSE_LOGGED_OUT)
            return
        try:
            await hit("live.connect", user=user, ip=client_ip(self.scope))
        except ratelimit.RateLimited:
            await self.close(code=CLOSE_TOO_MANY)
            return
        try:
            count = await database_sync_to_async(_unread)(user.pk)
        except DATABASE_UNAVAILABLE:
            await self.close(code=CLOSE_TRY_AGAIN_LATER)
            return
        await self.accept()
        self.topic = user_topic(user.pk)
        await get_hub().join(self.topic, self.on_account_event)
        # What changed while the page loaded (or the socket was away) is not lost.
        await self.send(json.dumps({"type": "notifications.unread", "count": count}))

    async def disconnect(self, code):
        if self.topic:
            await get_hub().leave(self.topic, self.on_account_event)
            self.topic = None

    async def on_account_event(self, frame: dict) -> None:
        event = json.loads(frame["text"])
        if event.get("type") == "notifications.unread":
            await self.send(frame["text"])
        elif event.get("type") == "account.blocked":
            await self.send(
                json.dumps({"type": "account.blocked", "message": _("Your account is blocked.")})
            )
            await self.close(code=CLOSE_POLICY)

    async def receive(self, text_data=None, bytes_data=None):
        if text_data and len(text_data) < 200 and '"ping"' in text_data:
            await self.send('{"type":"pong"}')
