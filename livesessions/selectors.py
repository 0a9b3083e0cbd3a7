"""Reads for the session's pages and sockets, in a fixed number of queries however many
questions, votes and participants there are."""

from django.db.models import Count, Prefetch

from livesessions.models import (
    SHOWN,
    LiveSession,
    Participant,
    Poll,
    PollOption,
    PollState,
    PollVote,
    Question,
    QuestionStatus,
    QuestionVote,
    SessionState,
)
from livesessions.serializers import poll_payload, question_payload, results_payload

ORDERS = {"votes": ("-n_votes", "created_at", "pk"), "new": ("-created_at", "-pk")}


def session_by_code(code: str) -> LiveSession | None:
    code = (code or "").strip().upper()
    if not code.isalnum() or len(code) > 12:
        return None
    return (
        LiveSession.objects.select_related("event", "on_screen")
        .filter(code=code, event__live=True)
        .first()
    )


def session_by_screen_key(key: str) -> LiveSession | None:
    if not key or len(key) > 64:
        return None
    return (
        LiveSession.objects.select_related("event", "on_screen")
        .filter(screen_key=key, event__live=True)
        .first()
    )


def sessions_of_event(event) -> list[LiveSession]:
    """The sessions of the event in any of its languages (a session belongs to the page it
    was started on; readers of every translation join the same one)."""
    return list(
        LiveSession.objects.filter(event__translation_key=event.translation_key)
        .exclude(state=SessionState.PREPARING)
        .order_by("created_at", "pk")
    )


def _with_votes(questions):
    return questions.annotate(n_votes=Count("votes", distinct=True))


def shown_questions(session: LiveSession, order: str = "votes") -> list[Question]:
    questions = _with_votes(session.questions.filter(status__in=SHOWN))
    return list(questions.order_by(*ORDERS.get(order, ORDERS["votes"])))


def moderator_questions(session: LiveSession) -> dict[str, list[Question]]:
    """Every question by status, newest first within the waiting ones, most votes first within
    the shown ones."""
    questions = _with_votes(session.questions.select_related("merged_into")).order_by(
        "-n_votes", "created_at", "pk"
    )
    grouped: dict[str, list[Question]] = {status: [] for status in QuestionStatus.values}
    for question in questions:
        grouped[question.status].append(question)
    return grouped


def own_questions(participant: Participant | None) -> list[Question]:
    if participant is None:
        return []
    return list(
        _with_votes(participant.questions.exclude(status=QuestionStatus.MERGED)).order_by(
            "-created_at", "-pk"
        )
    )


def upvoted_ids(participant: Participant | None) -> set[int]:
    if participant is None:
        return set()
    return set(participant.question_votes.values_list("question_id", flat=True))


def polls(session: LiveSession) -> list[Poll]:
    return list(
        session.polls.prefetch_related(Prefetch("options", queryset=PollOption.objects.all()))
    )


def open_poll(session: LiveSession) -> Poll | None:
    return (
        session.polls.filter(state=PollState.OPEN)
        .prefetch_related(Prefetch("options", queryset=PollOption.objects.all()))
        .first()
    )


# A poll's answers are fixed when it is made, so each process reads them once per opening.
_option_ids: dict[tuple[int, object], frozenset[int]] = {}


def poll_option_ids(poll: Poll) -> frozenset[int]:
    key = (poll.pk, poll.opened_at)
    ids = _option_ids.get(key)
    if ids is None:
        if len(_option_ids) > 1000:
            _option_ids.clear()
        ids = _option_ids[key] = frozenset(poll.options.values_list("pk", flat=True))
    return ids


def poll_counts(poll: Poll) -> tuple[dict[int, int], int, int]:
    """(votes per option id, people who voted, the version counted): the version is read
    first, so the counts are at least as new as it."""
    version = Poll.objects.filter(pk=poll.pk).values_list("version", flat=True).first() or 0
    counts = dict.fromkeys((o.pk for o in poll.options.all()), 0)
    for option_id, n in (
        PollVote.objects.filter(poll=poll)
        .values_list("option_id")
        .annotate(n=Count("participant_id", distinct=True))
    ):
        counts[option_id] = n
    voters = PollVote.objects.filter(poll=poll).values("participant_id").distinct().count()
    return counts, voters, version


def poll_results(poll: Poll) -> dict:
    counts, voters, version = poll_counts(poll)
    return results_payload(poll, counts, voters, version)


def ballot(poll: Poll | None, participant: Participant | None) -> list[int]:
    if poll is None or participant is None:
        return []
    return list(
        PollVote.objects.filter(poll=poll, participant=participant).values_list(
            "option_id", flat=True
        )
    )


def poll_results_event(poll_id: int) -> tuple[str, dict] | None:
    poll = Poll.objects.select_related("session").prefetch_related("options").filter(pk=poll_id)
    poll = poll.first()
    if poll is None:
        return None
    return poll.session.topic, {"type": "poll.results", "results": poll_results(poll)}


def question_votes_event(question_id: int) -> tuple[str, dict] | None:
    question = (
        _with_votes(Question.objects.select_related("session").filter(pk=question_id))
    ).first()
    if question is None:
        return None
    session = question.session
    topic = session.topic if question.is_shown else session.moderator_topic
    return topic, {"type": "question.votes", "id": question.pk, "votes": question.n_votes}


def state(session: LiveSession, participant: Participant | None, *, moderator: bool) -> dict:
    """Everything a screen needs to draw the session from nothing: sent to every socket when it
    connects or reconnects, so a phone that was away catches up on questions, votes and the
    poll."""
    shown = shown_questions(session)
    poll = open_poll(session)
    latest_closed = None
    if poll is None:
        latest_closed = (
            session.polls.filter(state=PollState.CLOSED)
            .prefetch_related("options")
            .order_by("-closed_at", "-pk")
            .first()
        )
    data = {
        "type": "state",
        "session": {"state": session.state, "on_screen": session.on_screen_id},
        "questions": [question_payload(q, q.n_votes) for q in shown],
        "poll": poll_payload(poll) if poll else None,
        "results": poll_results(poll) if poll else None,
        "last_poll": poll_payload(latest_closed) if latest_closed else None,
        "last_results": poll_results(latest_closed) if latest_closed else None,
        "mine": [question_payload(q, q.n_votes) for q in own_questions(participant)],
        "upvoted": sorted(upvoted_ids(participant)),
        "ballot": ballot(poll, participant),
    }
    if moderator:
        grouped = moderator_questions(session)
        data["pending"] = [question_payload(q, q.n_votes) for q in grouped["pending"]]
    return data


def archive(session: LiveSession) -> dict:
    """What stays on the event page after the session: the answered questions and the final
    results of the closed polls. Hidden and merged questions never appear."""
    answered = _with_votes(session.questions.filter(status=QuestionStatus.ANSWERED)).order_by(
        "answered_at", "pk"
    )
    results = [
        {"poll": poll, "results": poll_results(poll)}
        for poll in polls(session)
        if poll.state == PollState.CLOSED
    ]
    return {"session": session, "answered": list(answered), "polls": results}


def vote_counts_for(question_ids) -> dict[int, int]:
    return dict(
        QuestionVote.objects.filter(question_id__in=question_ids)
        .values_list("question_id")
        .annotate(n=Count("pk"))
    )
