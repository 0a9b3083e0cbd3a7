"""Votes from the live-session sockets of one server process, written together.

A room votes within seconds: a thousand phones, each ballot alone a transaction on the one
thread Channels runs database work on, would queue for many seconds. So a socket's vote joins
the process's ballot box and waits; while a batch is being written the next one gathers, and
each batch costs a fixed handful of queries whatever its size (the voters' accounts, the
polls, the participants, one transaction with the version, the old answers out and the new
ones in). Every ballot is still checked on its own, each error in its own socket's language; a
batch the database refuses as a whole (the poll closed meanwhile, an account deleted) is
written again ballot by ballot, so only the ballots at fault fail."""

import asyncio
import contextvars
import weakref
from dataclasses import dataclass, field

from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.rules import accounts_now
from core.errors import ServiceError
from core.live.frames import as_id, echo
from livesessions import services
from livesessions.models import LiveSession, Participant, Poll

MAX_BATCH = 500


@dataclass
class Vote:
    session_id: int
    user: object
    guest_key: str
    message: dict
    ip: str | None
    known: Participant | None
    language: str
    future: asyncio.Future | None = field(default=None, repr=False)


class _Box:
    def __init__(self) -> None:
        self.pending: list[Vote] = []
        self.task: asyncio.Task | None = None


_boxes: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Box]" = weakref.WeakKeyDictionary()


async def cast(vote: Vote) -> tuple[dict, Participant]:
    """The socket's answer to the vote and the voter's participant; raises ServiceError."""
    loop = asyncio.get_running_loop()
    box = _boxes.get(loop)
    if box is None:
        box = _boxes[loop] = _Box()
    vote.future = loop.create_future()
    box.pending.append(vote)
    if box.task is None:
        # Its own context: the batch is nobody's request (no socket's language or user).
        box.task = loop.create_task(_drain(box), context=contextvars.Context())
    return await vote.future


async def _drain(box: _Box) -> None:
    try:
        await _write_pending(box)
    finally:
        # No await between the last look at `pending` and this: a vote cast meanwhile would
        # have found the task running. (The done task would otherwise keep its loop alive.)
        box.task = None


async def _write_pending(box: _Box) -> None:
    while box.pending:
        batch, box.pending = box.pending[:MAX_BATCH], box.pending[MAX_BATCH:]
        try:
            results = await database_sync_to_async(write)(batch)
        except Exception as exc:  # the database cannot be reached: every socket hears it
            results = [exc] * len(batch)
        for vote, result in zip(batch, results, strict=True):
            if vote.future.done():  # the socket went away meanwhile
                continue
            if isinstance(result, BaseException):
                vote.future.set_exception(result)
            else:
                vote.future.set_result(result)


def write(votes: list[Vote]) -> list:
    """For each vote, (answer, participant) or the ServiceError to send back."""
    results: list = [None] * len(votes)
    # The voters' accounts as they are now (a block or a deactivation bites at once), read
    # together with their verified addresses.
    accounts = accounts_now({v.user.pk for v in votes if v.user and v.user.is_authenticated})
    ids = {as_id(v.message.get("poll")) or 0 for v in votes}
    polls = {p.pk: p for p in Poll.objects.select_related("session").filter(pk__in=ids)}
    sessions: dict[int, LiveSession] = {p.session_id: p.session for p in polls.values()}
    checked = []  # (index, poll, user)
    for index, vote in enumerate(votes):
        with translation.override(vote.language):
            try:
                user = vote.user
                if user is not None and user.is_authenticated:
                    user = accounts.get(user.pk) or AnonymousUser()
                poll = polls.get(as_id(vote.message.get("poll")) or 0)
                if poll is not None and poll.session_id != vote.session_id:
                    poll = None
                if vote.session_id not in sessions:
                    sessions[vote.session_id] = LiveSession.objects.get(pk=vote.session_id)
                session = sessions[vote.session_id]
                services.participant_check(session=session, user=user, guest_key=vote.guest_key)
                if poll is None:
                    raise ServiceError("not_found", _("That poll does not exist."), 404)
                checked.append((index, poll, user))
            except ServiceError as error:
                results[index] = error

    participants = {}
    by_session: dict[int, list] = {}
    for index, poll, user in checked:
        by_session.setdefault(poll.session_id, []).append((index, user))
    for session_id, entries in by_session.items():
        people = [(user, votes[i].guest_key, votes[i].known) for i, user in entries]
        found = services.participants_find(session=sessions[session_id], people=people)
        participants.update(zip((i for i, _user in entries), found, strict=True))

    ballots: dict[int, list] = {}  # poll id -> [(index, poll, participant, answers)]
    for index, poll, _user in checked:
        vote = votes[index]
        options = vote.message.get("options")
        if not isinstance(options, list):
            options = [options] if options is not None else []
        with translation.override(vote.language):
            try:
                wanted = services.ballot_check(
                    participant=participants[index], poll=poll, option_ids=options, ip=vote.ip
                )
            except ServiceError as error:
                results[index] = error
                continue
        ballots.setdefault(poll.pk, []).append((index, poll, participants[index], wanted))

    for entries in ballots.values():
        poll = entries[0][1]
        try:
            services.ballots_store(poll=poll, ballots=[(p, w) for _i, _poll, p, w in entries])
            stored = entries
        except ServiceError:
            stored = []
            for entry in entries:  # one by one: only the ballots at fault fail
                index, _poll, participant, wanted = entry
                with translation.override(votes[index].language):
                    try:
                        services.ballots_store(poll=poll, ballots=[(participant, wanted)])
                        stored.append(entry)
                    except ServiceError as error:
                        results[index] = error
        for index, _poll, participant, wanted in stored:
            reply = {
                "type": "poll.voted",
                "poll": poll.pk,
                "ballot": sorted(wanted),
                "client_id": echo(votes[index].message.get("client_id")),
            }
            results[index] = (reply, participant)
    return results
