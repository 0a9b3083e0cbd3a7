"""An example live session for `make run`, on the demo integration conference: open, with
questions (shown, answered, one waiting for approval), an open poll with votes and a closed poll
with its results. The questions come from example guests (no accounts). Running it again
changes nothing."""

import hashlib

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from events.models import EventKind, EventPage
from livesessions.models import (
    Audience,
    LiveSession,
    Participant,
    Poll,
    PollKind,
    PollOption,
    PollState,
    PollVote,
    Question,
    QuestionStatus,
    QuestionVote,
    SessionState,
    new_join_code,
    new_screen_key,
)

TITLE = "Eksempel: Spørg politikerne"
QUESTIONS = [
    ("Hvordan vil I få flere unge i uddannelse?", QuestionStatus.ANSWERED, 9),
    ("Hvornår kommer der flere praktikpladser i kommunen?", QuestionStatus.VISIBLE, 7),
    ("Kan borgerrådgiveren også hjælpe på arabisk?", QuestionStatus.VISIBLE, 4),
    ("Hvad gør I ved diskrimination på boligmarkedet?", QuestionStatus.VISIBLE, 2),
    ("Kommer der tolk til næste statusmøde?", QuestionStatus.PENDING, 0),
]
OPEN_POLL = (
    "Hvilket mål er vigtigst for dig?",
    ["Flere i job", "Flere i uddannelse", "Mindre diskrimination", "Mere deltagelse"],
    [12, 9, 7, 4],
)
CLOSED_POLL = ("Har du været med til en dialog med kommunen før?", ["Ja", "Nej"], [14, 18])


def _guest(session, n: int) -> Participant:
    key = hashlib.sha256(f"example-guest-{n}".encode()).hexdigest()
    participant, _ = Participant.objects.get_or_create(session=session, guest_key=key)
    return participant


class Command(BaseCommand):
    help = "Loads the example live session on the demo conference (idempotent)."

    def handle(self, *args, **options):
        event = (
            EventPage.objects.live()
            .filter(kind=EventKind.CONFERENCE, is_example=True, locale__language_code="da")
            .order_by("start")
            .first()
        )
        if event is None:
            self.stdout.write("No example conference; load the demo events first.")
            return
        if LiveSession.objects.filter(event=event, title=TITLE).exists():
            return
        with transaction.atomic():
            self._load(event)
        self.stdout.write(f"Example live session on {event.title}.")

    def _load(self, event):
        now = timezone.now()
        session = LiveSession.objects.create(
            event=event,
            title=TITLE,
            code=new_join_code(),
            screen_key=new_screen_key(),
            audience=Audience.EVERYONE,
            premoderated=True,
            state=SessionState.OPEN,
            opened_at=now,
        )
        voters = [_guest(session, n) for n in range(40)]
        for i, (body, status, votes) in enumerate(QUESTIONS):
            question = Question.objects.create(
                session=session,
                participant=voters[i],
                body=body,
                status=status,
                answered_at=now if status == QuestionStatus.ANSWERED else None,
            )
            QuestionVote.objects.bulk_create(
                [QuestionVote(question=question, participant=p) for p in voters[10 : 10 + votes]]
            )
            if i == 1:
                session.on_screen = question
                session.save(update_fields=["on_screen"])
        self._poll(session, voters, *CLOSED_POLL, state=PollState.CLOSED, position=0)
        self._poll(session, voters, *OPEN_POLL, state=PollState.OPEN, position=1)

    def _poll(self, session, voters, question, labels, votes, *, state, position):
        now = timezone.now()
        poll = Poll.objects.create(
            session=session,
            question=question,
            kind=PollKind.SINGLE,
            state=state,
            position=position,
            opened_at=now,
            closed_at=now if state == PollState.CLOSED else None,
            version=sum(votes),
        )
        options = PollOption.objects.bulk_create(
            [PollOption(poll=poll, label=label, position=i) for i, label in enumerate(labels)]
        )
        ballots, start = [], 0
        for option, count in zip(options, votes, strict=True):
            ballots += [
                PollVote(poll=poll, option=option, participant=p)
                for p in voters[start : start + count]
            ]
            start += count
        PollVote.objects.bulk_create(ballots)
