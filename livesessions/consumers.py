"""The live-session socket: one per open participant, moderator or presenter screen. It carries
messages only; every write goes through `livesessions.services`, every message is authorised on
its own, and each answer is in the language the page asked for (`?lang=`).

A socket that connects, or connects again after a drop, first receives the whole `state`
(questions, votes, the poll and the person's own ballot): nothing is lost while a phone was
away, and nothing depends on which events it saw before."""

import asyncio
import hashlib
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from core import ratelimit
from core.clientip import client_ip
from core.errors import ServiceError
from core.live import get_hub
from core.live.frames import (
    CLOSE_NOT_FOUND,
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
from livesessions import ballots, guests, live, selectors, services
from livesessions.models import LiveSession, Participant, Poll, Question
from livesessions.serializers import question_payload

PARTICIPANT_MESSAGES = {"question.ask", "question.upvote", "poll.vote"}
MODERATOR_MESSAGES = {"question.moderate", "poll.open", "poll.close", "session.close"}


def _open(code: str | None, screen_key: str | None, user) -> tuple[LiveSession | None, bool]:
    session = (
        selectors.session_by_code(code) if code else selectors.session_by_screen_key(screen_key)
    )
    if session is None:
        return None, False
    moderator = (
        bool(code) and user is not None and user.has_perm("livesessions.moderate_session", session)
    )
    return session, moderator


def _state(session_id: int, user, guest_key: str, moderator: bool) -> dict:
    session = LiveSession.objects.select_related("event").get(pk=session_id)
    participant = None
    if user is not None and user.is_authenticated:
        participant = Participant.objects.filter(session=session, user=user).first()
    elif guest_key:
        participant = Participant.objects.filter(session=session, guest_key=guest_key).first()
    return selectors.state(session, participant, moderator=moderator)


def _participant_write(
    session_id, user, guest_key, kind, message, ip, known=None
) -> tuple[dict, Participant]:
    """The answer to a participant's message, and the participant (the socket keeps it)."""
    user = current_user(user)
    session = LiveSession.objects.get(pk=session_id)
    participant = services.participant_for(
        session=session, user=user, guest_key=guest_key, known=known
    )
    if kind == "question.ask":
        question, created = services.question_ask(
            session=session,
            participant=participant,
            body=text_field(message, "body"),
            client_id=message.get("client_id"),
            ip=ip,
        )
        return {
            "type": "question.ack",
            "client_id": echo(message.get("client_id")),
            "created": created,
            "question": question_payload(question),
        }, participant
    question = _question(session, message)
    voted = services.question_upvote(
        participant=participant, question=question, ip=ip, undo=bool(message.get("undo"))
    )
    return {"type": "question.upvoted", "id": question.pk, "voted": voted}, participant


def _question(session, message) -> Question:
    question = (
        Question.objects.select_related("session", "session__event")
        .filter(pk=as_id(message.get("id")) or 0, session=session)
        .first()
    )
    if question is None:
        raise ServiceError("not_found", _("That question does not exist."), 404)
    return question


def _moderator_write(session_id, user, kind, message) -> dict:
    user = current_user(user)
    session = LiveSession.objects.select_related("event").get(pk=session_id)
    if kind == "session.close":
        services.session_close(user=user, session=session)
        return {"type": "ok", "action": kind}
    if kind in ("poll.open", "poll.close"):
        poll = Poll.objects.filter(pk=as_id(message.get("id")) or 0, session=session).first()
        if poll is None:
            raise ServiceError("not_found", _("That poll does not exist."), 404)
        poll.session = session
        if kind == "poll.open":
            services.poll_open(user=user, poll=poll)
        else:
            services.poll_close(user=user, poll=poll)
        return {"type": "ok", "action": kind, "id": poll.pk}
    question = _question(session, message)
    into = None
    if message.get("into") is not None:
        into = Question.objects.filter(pk=as_id(message.get("into")) or 0, session=session).first()
    services.question_moderate(
        user=user,
        question=question,
        action=text_field(message, "action"),
        reason=text_field(message, "reason"),
        into=into,
    )
    return {"type": "ok", "action": kind, "id": question.pk}


def _check_moderator(session_id, user) -> None:
    """A participant's socket sending a moderator's message: refused with what it is, whatever
    else the person lacks."""
    session = LiveSession.objects.select_related("event").get(pk=session_id)
    user = current_user(user)
    if user is None or not user.has_perm("livesessions.moderate_session", session):
        raise ServiceError("not_moderator", _("Only the session's moderators can do that."), 403)


class LiveSessionConsumer(FrameReader, AsyncWebsocketConsumer):
    # Events travel through the hub, not the channel layer (as on debate sockets).
    channel_layer_alias = "__no_channel_layer__"

    async def connect(self):
        kwargs = self.scope["url_route"]["kwargs"]
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        language = (query.get("lang") or [""])[0]
        codes = {code for code, _name in settings.LANGUAGES}
        self.language = language if language in codes else settings.LANGUAGE_CODE
        self.screen = "screen_key" in kwargs
        self.user = self.scope.get("user")
        self.ip = client_ip(self.scope)
        cookies = self.scope.get("cookies") or {}
        self.guest_key = guests.key_from_cookie(cookies.get(guests.COOKIE))
        who = (
            f"user:{self.user.pk}"
            if self.user is not None and self.user.is_authenticated
            else f"guest:{self.guest_key or self.ip}"
        )
        self.person = hashlib.sha256(who.encode()).hexdigest()[:16]
        self.topics: list[str] = []
        self.participant: Participant | None = None  # found on the first message that needs it
        try:
            session, self.moderator = await database_sync_to_async(_open)(
                kwargs.get("code"), kwargs.get("screen_key"), self.user
            )
        except DATABASE_UNAVAILABLE:
            await self.close(code=CLOSE_TRY_AGAIN_LATER)
            return
        if session is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        self.session_id = session.pk
        try:
            await hit("livesession.connect", user=self.user, ip=self.ip, person=self.guest_key)
        except ratelimit.RateLimited as error:
            await self.accept()
            with translation.override(self.language):
                await self.send_json(error.as_dict() | {"retry_after": error.retry_after})
            await self.close(code=CLOSE_TOO_MANY)
            return
        await self.accept()
        live.bind_loop(asyncio.get_running_loop())
        hub = get_hub()
        self.topics = [session.topic]
        await hub.join(session.topic, self.base_send, counted=not self.screen, person=self.person)
        if self.moderator:
            self.topics.append(session.moderator_topic)
            await hub.join(session.moderator_topic, self.base_send)
        await self.send_state()

    async def disconnect(self, code):
        hub = get_hub()
        for i, topic in enumerate(getattr(self, "topics", [])):
            counted = i == 0 and not self.screen
            await hub.leave(topic, self.base_send, counted=counted, person=self.person)

    async def send_state(self) -> None:
        state = await database_sync_to_async(_state)(
            self.session_id, self.user, self.guest_key, self.moderator
        )
        state["moderator"] = self.moderator
        await self.send_json(state)

    async def receive(self, text_data=None, bytes_data=None):
        with translation.override(self.language):
            await self._receive(text_data, bytes_data)

    async def _receive(self, text_data, bytes_data):
        message = await self.read_message(
            text_data, bytes_data, limit="livesession.message", person=self.guest_key
        )
        if message is None:
            return
        kind = message["type"]
        reference = {"client_id": echo(message.get("client_id")), "id": echo(message.get("id"))}
        try:
            if kind == "ping":
                await self.send_json({"type": "pong"})
            elif kind == "state":
                await self.send_state()
            elif self.screen and kind in PARTICIPANT_MESSAGES | MODERATOR_MESSAGES:
                await self.send_error(
                    "read_only", _("The presenter screen only shows the session."), **reference
                )
            elif kind in PARTICIPANT_MESSAGES:
                known, self.participant = self.participant, None
                if kind == "poll.vote":
                    vote = ballots.Vote(
                        self.session_id,
                        self.user,
                        self.guest_key,
                        message,
                        self.ip,
                        known,
                        self.language,
                    )
                    reply, self.participant = await ballots.cast(vote)
                else:
                    reply, self.participant = await database_sync_to_async(_participant_write)(
                        self.session_id, self.user, self.guest_key, kind, message, self.ip, known
                    )
                await self.send_json(reply)
            elif kind in MODERATOR_MESSAGES:
                if not self.moderator:
                    await database_sync_to_async(_check_moderator)(self.session_id, self.user)
                reply = await database_sync_to_async(_moderator_write)(
                    self.session_id, self.user, kind, message
                )
                await self.send_json(reply)
            else:
                await self.send_error("unknown_type", _("Unknown message type."), **reference)
        except ServiceError as error:
            extra = {"fields": error.fields} if error.fields else {}
            await self.send_error(error.code, error.message, **reference, **extra)
        except DATABASE_UNAVAILABLE:
            await self.send_error(
                "unavailable",
                _("We cannot save or load anything just now. Try again in a moment."),
                **reference,
            )
