"""Every write in a live session (DESIGN.md: `<entity>_<action>`, keyword-only, checked, one
transaction, the live event after commit). The socket, the plain forms of the participant and
moderator views and the demo content all come here."""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import ratelimit
from core.errors import ServiceError
from core.plaintext import has_unstorable_text
from core.rules import require
from livesessions import live, selectors
from livesessions.models import (
    MAX_HIDE_REASON,
    MAX_OPTIONS,
    MAX_QUESTION_LENGTH,
    MIN_OPTIONS,
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
from livesessions.serializers import poll_payload, question_payload

MAX_TITLE = 120
MAX_OPTION_LABEL = 120


def _storable(text, field: str | None = None) -> str:
    """Text as typed, unless it holds what cannot be stored or shown (a NUL, half an emoji):
    then a clear message on the field, and nothing is stored."""
    text = text if isinstance(text, str) else ""
    if has_unstorable_text(text):
        message = _("The text contains a character that cannot be saved.")
        if field:
            raise ServiceError("bad_text", fields={field: [message]})
        raise ServiceError("bad_text", message, 400)
    return text


# Sessions ------------------------------------------------------------------------------------


def session_create(
    *, user, event, title: str, audience: str = Audience.EVERYONE, premoderated: bool = False
) -> LiveSession:
    require(user, "livesessions.create_session", event)
    title = " ".join(_storable(title, "title").split())
    if not title:
        raise ServiceError(
            "invalid", fields={"title": [_("Give the session a title.")]}, status=400
        )
    if len(title) > MAX_TITLE:
        raise ServiceError(
            "invalid",
            fields={"title": [_("At most %(limit)d characters.") % {"limit": MAX_TITLE}]},
        )
    if audience not in Audience.values:
        raise ServiceError("invalid", fields={"audience": [_("Choose who may take part.")]})
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return LiveSession.objects.create(
                    event=event,
                    title=title,
                    audience=audience,
                    premoderated=bool(premoderated),
                    code=new_join_code(),
                    screen_key=new_screen_key(),
                    created_by=user,
                )
        except IntegrityError:  # a code already taken: draw another
            continue
    raise ServiceError("busy", _("No free join code was found. Try again."), 503)


def session_settings(*, user, session: LiveSession, audience: str, premoderated: bool) -> None:
    require(user, "livesessions.moderate_session", session)
    if audience not in Audience.values:
        raise ServiceError("invalid", fields={"audience": [_("Choose who may take part.")]})
    session.audience = audience
    session.premoderated = bool(premoderated)
    session.save(update_fields=["audience", "premoderated"])


def session_open(*, user, session: LiveSession) -> LiveSession:
    require(user, "livesessions.moderate_session", session)
    if session.is_open:
        return session
    with transaction.atomic():
        session.state = SessionState.OPEN
        session.opened_at = session.opened_at or timezone.now()
        session.closed_at = None
        session.save(update_fields=["state", "opened_at", "closed_at"])
        live.announce_state(session)
    return session


def session_close(*, user, session: LiveSession) -> LiveSession:
    """Closes the open poll with it; the archive appears on the event page."""
    require(user, "livesessions.moderate_session", session)
    if session.is_closed:
        return session
    with transaction.atomic():
        for poll in session.polls.filter(state=PollState.OPEN):
            _close_poll(poll)
        session.state = SessionState.CLOSED
        session.closed_at = timezone.now()
        session.save(update_fields=["state", "closed_at"])
        live.announce_state(session)
    return session


def moderator_add(*, user, session: LiveSession, email: str):
    require(user, "livesessions.moderate_session", session)
    from accounts.models import User

    email = _storable(email, "email").strip()
    person = User.objects.filter(email__iexact=email, is_active=True).first()
    if person is None:
        raise ServiceError(
            "no_account", fields={"email": [_("No account has that e-mail address.")]}
        )
    session.moderators.add(person)
    return person


# Taking part -----------------------------------------------------------------------------------


def _require_open(session: LiveSession) -> None:
    if not session.is_open:
        raise ServiceError(
            "session_closed",
            _("This session is not open.")
            if not session.is_closed
            else _("This session has ended."),
            409,
        )


def participant_for(
    *, session: LiveSession, user, guest_key: str = "", known: Participant | None = None
) -> Participant:
    """The person's participation in the session, made on their first question or vote. The
    right to take part is checked every time; `known` (what a socket found before for the same
    person) saves looking the row up again."""
    participant_check(session=session, user=user, guest_key=guest_key)
    return participants_find(session=session, people=[(user, guest_key, known)])[0]


def participant_check(*, session: LiveSession, user, guest_key: str = "") -> None:
    """Whether the person may take part in the session now (ServiceError if not)."""
    require(user, "livesessions.take_part", session)
    if not user.is_authenticated and not guest_key:
        raise ServiceError("no_guest_key", _("Reload the page to take part as a guest."), 400)


def participants_find(*, session: LiveSession, people: list[tuple]) -> list[Participant]:
    """The participants of (user, guest key, known participant or None) triples whose right to
    take part was checked, in one query for all and one more for those new to the session."""
    result: list[Participant | None] = []
    for user, guest_key, known in people:
        if user.is_authenticated:
            same = known is not None and known.user_id == user.pk
        else:
            same = known is not None and not known.user_id and known.guest_key == guest_key
        result.append(known if same and known.session_id == session.pk else None)

    def identity(user, guest_key):
        return ("user", user.pk) if user.is_authenticated else ("guest", guest_key)

    wanted = {identity(u, k) for (u, k, _), found in zip(people, result, strict=True) if not found}
    if wanted:
        rows = _participants(session, wanted)
        missing = wanted - set(rows)
        if missing:
            Participant.objects.bulk_create(
                [
                    Participant(session=session, user_id=value)
                    if kind == "user"
                    else Participant(session=session, guest_key=value)
                    for kind, value in missing
                ],
                ignore_conflicts=True,  # two sockets of the same person at once
            )
            rows |= _participants(session, missing)
        result = [
            found or rows[identity(u, k)] for (u, k, _), found in zip(people, result, strict=True)
        ]
    for (user, _key, _known), participant in zip(people, result, strict=True):
        if user.is_authenticated:
            participant.user = user  # the account in hand: the vote limit reads no row again
    return result


def _participants(session: LiveSession, identities) -> dict[tuple, Participant]:
    users = [value for kind, value in identities if kind == "user"]
    keys = [value for kind, value in identities if kind == "guest"]
    rows = Participant.objects.filter(session=session).filter(
        Q(user_id__in=users) | Q(guest_key__in=keys, user__isnull=True)
    )
    found = {}
    for row in rows:
        row.session = session
        found[("user", row.user_id) if row.user_id else ("guest", row.guest_key)] = row
    return found


def _limit(name: str, participant: Participant, ip: str | None, message: str = "") -> None:
    user = participant.user if participant.user_id else None
    ratelimit.hit(name, user=user, ip=ip, message=message, person=participant.guest_key)


def question_ask(
    *, session: LiveSession, participant: Participant, body: str, client_id=None, ip=None
) -> tuple[Question, bool]:
    """Returns the question and whether it is new: a resend with the same client id returns
    the question already saved."""
    client_uuid = None
    if client_id not in (None, ""):
        try:
            client_uuid = uuid.UUID(str(client_id))
        except ValueError as exc:
            raise ServiceError("malformed", _("The message could not be read."), 400) from exc
        existing = Question.objects.filter(participant=participant, client_id=client_uuid).first()
        if existing is not None:
            return existing, False
    _require_open(session)
    body = _storable(body).strip()
    if not body:
        raise ServiceError("empty", _("Write your question before you send it."), 400)
    if len(body) > MAX_QUESTION_LENGTH:
        raise ServiceError(
            "too_long",
            _("A question can be at most %(limit)d characters. Yours is %(length)d.")
            % {"limit": MAX_QUESTION_LENGTH, "length": len(body)},
            400,
        )
    rate = settings.RATE_LIMITS["livesession.question"]["user"]
    _limit(
        "livesession.question",
        participant,
        ip,
        _("You are asking very fast. Wait a moment, then ask again.") if rate else "",
    )
    status = QuestionStatus.PENDING if session.premoderated else QuestionStatus.VISIBLE
    question = Question(
        session=session, participant=participant, body=body, status=status, client_id=client_uuid
    )
    try:
        with transaction.atomic():
            question.save()
            live.announce(
                session,
                {"type": "question.new", "question": question_payload(question)},
                moderators_only=status == QuestionStatus.PENDING,
            )
    except IntegrityError:
        existing = Question.objects.filter(participant=participant, client_id=client_uuid).first()
        if existing is None:
            raise
        return existing, False
    return question, True


def question_upvote(
    *, participant: Participant, question: Question, ip=None, undo: bool = False
) -> bool:
    """Once per person and question; `undo` takes the vote back. Returns whether the person's
    vote is now counted. Repeating either is harmless."""
    _require_open(question.session)
    if not question.is_shown:
        raise ServiceError("not_found", _("That question is not shown."), 404)
    if question.participant_id == participant.pk:
        raise ServiceError("own_question", _("You cannot vote for your own question."), 400)
    _limit("livesession.vote", participant, ip)
    with transaction.atomic():
        if undo:
            QuestionVote.objects.filter(question=question, participant=participant).delete()
        else:
            try:
                with transaction.atomic():
                    QuestionVote.objects.create(question=question, participant=participant)
            except IntegrityError:
                pass  # already counted
        live.count_soon("question", question.pk)
    return not undo


def poll_vote(*, participant: Participant, poll: Poll, option_ids, ip=None) -> list[int]:
    """The person's ballot becomes exactly `option_ids`: a retry, or the same vote twice, leaves
    it as it is; a new choice replaces the old one. Each person counts once."""
    wanted = ballot_check(participant=participant, poll=poll, option_ids=option_ids, ip=ip)
    ballots_store(poll=poll, ballots=[(participant, wanted)])
    return sorted(wanted)


def ballot_check(*, participant: Participant, poll: Poll, option_ids, ip=None) -> set[int]:
    """The answers of a ballot, checked (ServiceError in the active language) and counted
    against the person's vote limit; nothing is stored."""
    if poll.state != PollState.OPEN:
        raise ServiceError("poll_closed", _("This poll is closed."), 409)
    _require_open(poll.session)
    if not isinstance(option_ids, list | tuple) or not option_ids:
        raise ServiceError("no_option", _("Choose an answer before you vote."), 400)
    if len(option_ids) > MAX_OPTIONS:
        raise ServiceError("bad_option", _("That answer is not in this poll."), 400)
    wanted = set()
    for value in option_ids:
        if isinstance(value, bool):
            raise ServiceError("bad_option", _("That answer is not in this poll."), 400)
        try:
            wanted.add(int(value))
        except (TypeError, ValueError) as exc:
            raise ServiceError("bad_option", _("That answer is not in this poll."), 400) from exc
    if not wanted <= selectors.poll_option_ids(poll):
        raise ServiceError("bad_option", _("That answer is not in this poll."), 400)
    if poll.kind == PollKind.SINGLE and len(wanted) != 1:
        raise ServiceError("one_option", _("Choose one answer."), 400)
    _limit("livesession.vote", participant, ip)
    return wanted


def ballots_store(*, poll: Poll, ballots: list[tuple[Participant, set[int]]]) -> None:
    """Stores checked ballots, (participant, answers) in the order they came, in one
    transaction whatever their number: a room's votes that arrive together cost one write.
    Each person's ballot becomes their last one here. Raises ServiceError "poll_closed" (in
    the active language) if the poll closed meanwhile, and "gone" if a participant's row was
    removed (the account deleted); then nothing is stored."""
    last = {participant.pk: (participant, wanted) for participant, wanted in ballots}
    try:
        with transaction.atomic():
            # The poll row's lock orders concurrent ballots; the version tells screens which
            # count is newer (one step per ballot, retries included).
            changed = Poll.objects.filter(pk=poll.pk, state=PollState.OPEN).update(
                version=F("version") + len(ballots)
            )
            if not changed:
                raise ServiceError("poll_closed", _("This poll is closed."), 409)
            # Each ballot becomes `wanted`: the person's other answers go, the wanted ones
            # are kept or added (the unique constraint makes a repeat a no-op).
            stale = Q()
            for participant, wanted in last.values():
                stale |= Q(participant=participant) & ~Q(option_id__in=wanted)
            PollVote.objects.filter(stale, poll=poll).delete()
            PollVote.objects.bulk_create(
                [
                    PollVote(poll=poll, participant=participant, option_id=option)
                    for participant, wanted in last.values()
                    for option in sorted(wanted)
                ],
                ignore_conflicts=True,
            )
            live.count_soon("poll", poll.pk)
    except IntegrityError as exc:
        raise ServiceError("gone", _("Reload the page to take part."), 409) from exc


# Moderation ------------------------------------------------------------------------------------


def question_moderate(
    *, user, question: Question, action: str, reason: str = "", into: Question | None = None
) -> Question:
    """approve, hide (with a reason), merge (into another question), on_screen, off_screen,
    answered, unanswered."""
    session = question.session
    require(user, "livesessions.moderate_session", session)
    was_shown = question.is_shown
    fields = ["status"]
    if action == "approve":
        if question.status != QuestionStatus.PENDING:
            return question
        question.status = QuestionStatus.VISIBLE
    elif action == "hide":
        reason = " ".join(_storable(reason, "reason").split())
        if not reason:
            raise ServiceError("invalid", fields={"reason": [_("Say why the question is hidden.")]})
        if len(reason) > MAX_HIDE_REASON:
            raise ServiceError(
                "invalid",
                fields={
                    "reason": [_("At most %(limit)d characters.") % {"limit": MAX_HIDE_REASON}]
                },
            )
        question.status = QuestionStatus.HIDDEN
        question.hidden_reason = reason
        fields.append("hidden_reason")
    elif action == "merge":
        if into is None or into.session_id != session.pk or into.pk == question.pk:
            raise ServiceError(
                "invalid", fields={"into": [_("Choose another question of this session.")]}
            )
        if not into.is_shown and into.status != QuestionStatus.PENDING:
            raise ServiceError(
                "invalid", fields={"into": [_("Choose a question that is not hidden.")]}
            )
        question.status = QuestionStatus.MERGED
        question.merged_into = into
        fields.append("merged_into")
    elif action in ("answered", "unanswered"):
        if question.status not in (*[QuestionStatus.VISIBLE, QuestionStatus.ANSWERED],):
            raise ServiceError("invalid", _("Only a shown question can be answered."), 409)
        answered = action == "answered"
        question.status = QuestionStatus.ANSWERED if answered else QuestionStatus.VISIBLE
        question.answered_at = timezone.now() if answered else None
        fields.append("answered_at")
    elif action in ("on_screen", "off_screen"):
        return _on_screen(session, question if action == "on_screen" else None)
    else:
        raise ServiceError("unknown_action", _("Unknown action."), 400)
    with transaction.atomic():
        question.save(update_fields=fields)
        if action == "merge":
            _merge_votes(question, into)
        if session.on_screen_id == question.pk and not question.is_shown:
            session.on_screen = None
            session.save(update_fields=["on_screen"])
            live.announce(session, {"type": "screen", "question": None})
        payload = question_payload(
            question, selectors.vote_counts_for([question.pk]).get(question.pk, 0)
        )
        if question.is_shown and not was_shown:
            live.announce(session, {"type": "question.new", "question": payload})
        elif question.is_shown:
            live.announce(session, {"type": "question.update", "question": payload})
        elif was_shown:
            live.announce(session, {"type": "question.removed", "id": question.pk})
        live.announce(
            session, {"type": "question.update", "question": payload}, moderators_only=True
        )
        if session.is_closed:
            live.announce_state(session)
    return question


def _merge_votes(question: Question, into: Question) -> None:
    """The duplicate's supporters back the question it joins (once each; not its author)."""
    voters = set(question.votes.values_list("participant_id", flat=True)) | {
        question.participant_id
    }
    voters.discard(into.participant_id)
    already = set(into.votes.values_list("participant_id", flat=True))
    QuestionVote.objects.bulk_create(
        [QuestionVote(question=into, participant_id=p) for p in voters - already],
        ignore_conflicts=True,
    )
    live.count_soon("question", into.pk)


def _on_screen(session: LiveSession, question: Question | None) -> Question | None:
    if question is not None and not question.is_shown:
        raise ServiceError("invalid", _("Only a shown question can go on screen."), 409)
    session.on_screen = question
    with transaction.atomic():
        session.save(update_fields=["on_screen"])
        live.announce(
            session,
            {
                "type": "screen",
                "question": question_payload(
                    question, selectors.vote_counts_for([question.pk]).get(question.pk, 0)
                )
                if question
                else None,
            },
        )
    return question


def poll_create(
    *,
    user,
    session: LiveSession,
    question: str,
    options: list[str],
    kind: str = PollKind.SINGLE,
    results_after_close: bool = False,
) -> Poll:
    require(user, "livesessions.moderate_session", session)
    question = " ".join(_storable(question, "question").split())
    labels = [" ".join(_storable(str(label), "options").split()) for label in options or []]
    labels = [label for label in labels if label]
    fields: dict[str, list[str]] = {}
    if not question:
        fields["question"] = [_("Write the poll's question.")]
    elif len(question) > MAX_QUESTION_LENGTH:
        fields["question"] = [_("At most %(limit)d characters.") % {"limit": MAX_QUESTION_LENGTH}]
    if not MIN_OPTIONS <= len(labels) <= MAX_OPTIONS:
        fields["options"] = [
            ngettext(
                "Give between %(min)d and %(max)d answers, one per line. You gave %(count)d.",
                "Give between %(min)d and %(max)d answers, one per line. You gave %(count)d.",
                len(labels),
            )
            % {"min": MIN_OPTIONS, "max": MAX_OPTIONS, "count": len(labels)}
        ]
    elif any(len(label) > MAX_OPTION_LABEL for label in labels):
        fields["options"] = [
            _("An answer can be at most %(limit)d characters.") % {"limit": MAX_OPTION_LABEL}
        ]
    elif len(set(label.casefold() for label in labels)) != len(labels):
        fields["options"] = [_("Two answers are the same.")]
    if kind not in PollKind.values:
        fields["kind"] = [_("Choose the kind of poll.")]
    if fields:
        raise ServiceError("invalid", fields=fields)
    with transaction.atomic():
        position = session.polls.count()
        poll = Poll.objects.create(
            session=session,
            question=question,
            kind=kind,
            results_after_close=bool(results_after_close),
            position=position,
        )
        PollOption.objects.bulk_create(
            [PollOption(poll=poll, label=label, position=i) for i, label in enumerate(labels)]
        )
    return poll


def poll_open(*, user, poll: Poll) -> Poll:
    """Opens the poll and closes the one that was open: one at a time."""
    session = poll.session
    require(user, "livesessions.moderate_session", session)
    _require_open(session)
    if poll.state == PollState.OPEN:
        return poll
    with transaction.atomic():
        for other in session.polls.filter(state=PollState.OPEN).exclude(pk=poll.pk):
            _close_poll(other)
        poll.state = PollState.OPEN
        poll.opened_at = timezone.now()
        poll.closed_at = None
        poll.save(update_fields=["state", "opened_at", "closed_at"])
        live.announce(
            session,
            {
                "type": "poll.state",
                "poll": poll_payload(poll),
                "results": selectors.poll_results(poll),
            },
        )
    return poll


def poll_close(*, user, poll: Poll) -> Poll:
    require(user, "livesessions.moderate_session", poll.session)
    if poll.state != PollState.OPEN:
        return poll
    with transaction.atomic():
        _close_poll(poll)
        if poll.session.is_closed:
            live.announce_state(poll.session)
    return poll


def _close_poll(poll: Poll) -> None:
    poll.state = PollState.CLOSED
    poll.closed_at = timezone.now()
    poll.save(update_fields=["state", "closed_at"])
    live.announce(
        poll.session,
        {"type": "poll.state", "poll": poll_payload(poll), "results": selectors.poll_results(poll)},
    )
