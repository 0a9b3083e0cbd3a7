"""The rules of a live session, through its services: who runs it, who takes part, and that
every vote counts exactly once."""

import uuid
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from core.errors import ServiceError
from livesessions import selectors, services
from livesessions.models import (
    Audience,
    PollState,
    PollVote,
    Question,
    QuestionStatus,
    SessionState,
)
from tests.events.factories import EventPageFactory, organisation, partner
from tests.factories import UserFactory, moderator
from tests.livesessions.factories import guest, open_session, poll

pytestmark = pytest.mark.django_db


def test_editors_and_the_events_partner_organisers_start_sessions_others_cannot():
    event = EventPageFactory()
    for outsider in (UserFactory(), moderator(), partner()):
        with pytest.raises(ServiceError) as refused:
            services.session_create(user=outsider, event=event, title="Spørg")
        assert refused.value.code == "not_organiser"
    organiser = partner()
    org = organisation(members=[organiser], name="Foreningen")
    event.organiser_organisation = org
    event.save()
    session = services.session_create(user=organiser, event=event, title="Spørg")
    assert len(session.code) == 6 and session.state == SessionState.PREPARING
    assert session.screen_key and session.screen_key != session.code
    assert organiser.has_perm("livesessions.moderate_session", session)
    assert not UserFactory().has_perm("livesessions.moderate_session", session)


def test_a_named_moderator_may_moderate_and_a_missing_account_is_a_field_error():
    session, organiser = open_session()
    helper = UserFactory(email="hjaelper@example.org")
    services.moderator_add(user=organiser, session=session, email="HJAELPER@example.org")
    assert helper.has_perm("livesessions.moderate_session", session)
    with pytest.raises(ServiceError) as error:
        services.moderator_add(user=organiser, session=session, email="ingen@example.org")
    assert "email" in error.value.fields


def test_residents_only_sessions_refuse_guests_and_unverified_accounts():
    session, _organiser = open_session(audience=Audience.RESIDENTS)
    with pytest.raises(ServiceError) as error:
        services.participant_for(session=session, user=AnonymousUser(), guest_key="a" * 64)
    assert error.value.code == "login_required" and error.value.status == 401
    with pytest.raises(ServiceError) as error:
        services.participant_for(session=session, user=UserFactory(verified=False))
    assert error.value.code == "unverified"
    resident = UserFactory()
    first = services.participant_for(session=session, user=resident)
    assert services.participant_for(session=session, user=resident) == first


def test_a_blocked_resident_cannot_take_part_even_where_guests_may():
    session, _organiser = open_session(audience=Audience.EVERYONE)
    blocked = UserFactory(blocked_until=timezone.now() + timedelta(days=3))
    with pytest.raises(ServiceError) as error:
        services.participant_for(session=session, user=blocked)
    assert error.value.code == "blocked"


def test_a_question_is_checked_and_a_resend_with_the_same_client_id_is_the_same_question():
    session, _organiser = open_session()
    me = guest(session)
    for body, code in (("", "empty"), ("   ", "empty"), ("x" * 281, "too_long")):
        with pytest.raises(ServiceError) as error:
            services.question_ask(session=session, participant=me, body=body)
        assert error.value.code == code and error.value.status == 400
    assert not Question.objects.exists()
    client_id = str(uuid.uuid4())
    first, created = services.question_ask(
        session=session, participant=me, body="x" * 280, client_id=client_id
    )
    again, created_again = services.question_ask(
        session=session, participant=me, body="x" * 280, client_id=client_id
    )
    assert created and not created_again and first == again
    assert Question.objects.count() == 1 and first.status == QuestionStatus.VISIBLE


def test_premoderated_questions_wait_and_only_their_author_sees_them():
    session, organiser = open_session(premoderated=True)
    me, other = guest(session, 1), guest(session, 2)
    question, _ = services.question_ask(session=session, participant=me, body="Hvorfor?")
    assert question.status == QuestionStatus.PENDING
    assert selectors.shown_questions(session) == []
    assert [q.pk for q in selectors.own_questions(me)] == [question.pk]
    assert selectors.own_questions(other) == []
    state = selectors.state(session, other, moderator=False)
    assert state["questions"] == [] and "pending" not in state
    assert [q["id"] for q in selectors.state(session, None, moderator=True)["pending"]] == [
        question.pk
    ]
    services.question_moderate(user=organiser, question=question, action="approve")
    assert [q.pk for q in selectors.shown_questions(session)] == [question.pk]


def test_upvotes_count_once_per_person_never_the_authors_own_and_can_be_taken_back():
    session, _organiser = open_session()
    author, fan = guest(session, 1), guest(session, 2)
    question, _ = services.question_ask(session=session, participant=author, body="Hvad nu?")
    with pytest.raises(ServiceError) as error:
        services.question_upvote(participant=author, question=question)
    assert error.value.code == "own_question"
    for _attempt in range(3):
        services.question_upvote(participant=fan, question=question)
    assert selectors.vote_counts_for([question.pk]) == {question.pk: 1}
    services.question_upvote(participant=fan, question=question, undo=True)
    assert selectors.vote_counts_for([question.pk]) == {}


def test_sorting_by_votes_and_by_newest():
    session, _organiser = open_session()
    people = [guest(session, n) for n in range(1, 5)]
    first, _ = services.question_ask(session=session, participant=people[0], body="Først")
    second, _ = services.question_ask(session=session, participant=people[1], body="Sidst")
    services.question_upvote(participant=people[2], question=first)
    services.question_upvote(participant=people[3], question=first)
    assert [q.pk for q in selectors.shown_questions(session, "votes")] == [first.pk, second.pk]
    assert [q.pk for q in selectors.shown_questions(session, "new")] == [second.pk, first.pk]


def test_moderation_hides_with_a_reason_merges_duplicates_and_marks_answered():
    session, organiser = open_session()
    people = [guest(session, n) for n in range(1, 5)]
    original, _ = services.question_ask(session=session, participant=people[0], body="Job?")
    duplicate, _ = services.question_ask(session=session, participant=people[1], body="Jobs?")
    rude, _ = services.question_ask(session=session, participant=people[2], body="Grimt")
    services.question_upvote(participant=people[3], question=duplicate)
    with pytest.raises(ServiceError) as error:
        services.question_moderate(user=organiser, question=rude, action="hide", reason=" ")
    assert "reason" in error.value.fields
    services.question_moderate(user=organiser, question=rude, action="hide", reason="Grov tone")
    services.question_moderate(user=organiser, question=duplicate, action="merge", into=original)
    # The duplicate's author and its supporter now back the original, once each.
    assert selectors.vote_counts_for([original.pk]) == {original.pk: 2}
    services.question_moderate(user=organiser, question=original, action="on_screen")
    session.refresh_from_db()
    assert session.on_screen_id == original.pk
    services.question_moderate(user=organiser, question=original, action="answered")
    assert [q.pk for q in selectors.shown_questions(session)] == [original.pk]
    with pytest.raises(ServiceError) as error:
        services.question_moderate(
            user=people[0].user or UserFactory(), question=original, action="hide", reason="x"
        )
    assert error.value.code == "not_moderator"
    with pytest.raises(ServiceError):
        services.question_moderate(user=organiser, question=original, action="explode")


def test_a_poll_needs_two_to_eight_distinct_answers_and_one_is_open_at_a_time():
    session, organiser = open_session()
    for labels in (["Ja"], [str(n) for n in range(9)], ["Ja", "ja"], ["Ja", " "]):
        with pytest.raises(ServiceError) as error:
            poll(session, organiser, labels=labels)
        assert "options" in error.value.fields
    first, second = poll(session, organiser), poll(session, organiser, kind="multiple")
    services.poll_open(user=organiser, poll=first)
    services.poll_open(user=organiser, poll=second)
    first.refresh_from_db()
    assert first.state == PollState.CLOSED and selectors.open_poll(session) == second


def test_every_vote_counts_once_changes_replace_and_retries_change_nothing():
    session, organiser = open_session()
    single = poll(session, organiser)
    yes, no, _unsure = single.options.all()
    services.poll_open(user=organiser, poll=single)
    voters = [guest(session, n) for n in range(1, 4)]
    for person in voters:
        services.poll_vote(participant=person, poll=single, option_ids=[yes.pk])
    services.poll_vote(participant=voters[0], poll=single, option_ids=[yes.pk])  # a retry
    services.poll_vote(participant=voters[1], poll=single, option_ids=[str(no.pk)])  # a change
    results = selectors.poll_results(single)
    assert results["voters"] == 3
    assert results["counts"][str(yes.pk)] == 2 and results["counts"][str(no.pk)] == 1
    assert PollVote.objects.filter(poll=single).count() == 3
    assert results["version"] == 5  # every ballot, retried or not, gives a newer version


def test_bad_votes_are_refused_and_store_nothing():
    session, organiser = open_session()
    single = poll(session, organiser)
    other = poll(session, organiser)
    person = guest(session)
    with pytest.raises(ServiceError) as error:
        services.poll_vote(participant=person, poll=single, option_ids=[single.options.first().pk])
    assert error.value.code == "poll_closed" and error.value.status == 409
    services.poll_open(user=organiser, poll=single)
    yes, no, _ = single.options.all()
    cases = [
        ([], "no_option"),
        ([other.options.first().pk], "bad_option"),
        ([99999999], "bad_option"),
        (["ja"], "bad_option"),
        ([True], "bad_option"),
        ([yes.pk, no.pk], "one_option"),
        ("1", "no_option"),
    ]
    for options, code in cases:
        with pytest.raises(ServiceError) as error:
            services.poll_vote(participant=person, poll=single, option_ids=options)
        assert error.value.code == code, options
    assert not PollVote.objects.exists()
    services.poll_close(user=organiser, poll=single)
    with pytest.raises(ServiceError) as error:
        services.poll_vote(participant=person, poll=single, option_ids=[yes.pk])
    assert error.value.code == "poll_closed"


def test_multiple_choice_ballots_and_results_hidden_until_the_poll_closes():
    session, organiser = open_session()
    multi = poll(session, organiser, kind="multiple", results_after_close=True)
    a, b, c = multi.options.all()
    services.poll_open(user=organiser, poll=multi)
    person = guest(session)
    services.poll_vote(participant=person, poll=multi, option_ids=[a.pk, b.pk])
    services.poll_vote(participant=person, poll=multi, option_ids=[b.pk, c.pk])
    results = selectors.poll_results(multi)
    assert results["voters"] == 1 and results["visible"] is False and results["counts"] is None
    services.poll_close(user=organiser, poll=multi)
    multi.refresh_from_db()
    results = selectors.poll_results(multi)
    assert results["counts"] == {str(a.pk): 0, str(b.pk): 1, str(c.pk): 1}


def test_a_guest_flooding_questions_is_stopped_by_device_and_others_in_the_room_are_not(
    rate_limit,
):
    rate_limit("livesession.question", user="3/minute", ip="100/minute")
    session, _organiser = open_session()
    flooder, neighbour = guest(session, 1), guest(session, 2)
    for n in range(3):
        services.question_ask(session=session, participant=flooder, body=f"Spam {n}", ip="10.0.0.1")
    with pytest.raises(ServiceError) as error:
        services.question_ask(session=session, participant=flooder, body="Spam", ip="10.0.0.1")
    assert error.value.status == 429
    services.question_ask(
        session=session, participant=neighbour, body="Et ærligt spørgsmål", ip="10.0.0.1"
    )
    assert Question.objects.count() == 4


def test_closing_the_session_closes_its_poll_stops_input_and_the_archive_shows_only_answered():
    session, organiser = open_session()
    people = [guest(session, n) for n in range(1, 4)]
    answered, _ = services.question_ask(session=session, participant=people[0], body="Svar?")
    open_q, _ = services.question_ask(session=session, participant=people[1], body="Åben")
    hidden, _ = services.question_ask(session=session, participant=people[2], body="Skjult")
    services.question_moderate(user=organiser, question=answered, action="answered")
    services.question_moderate(user=organiser, question=hidden, action="hide", reason="Off topic")
    single = poll(session, organiser)
    services.poll_open(user=organiser, poll=single)
    services.poll_vote(participant=people[0], poll=single, option_ids=[single.options.first().pk])
    services.session_close(user=organiser, session=session)
    single.refresh_from_db()
    assert single.state == PollState.CLOSED
    with pytest.raises(ServiceError) as error:
        services.question_ask(session=session, participant=people[0], body="For sent")
    assert error.value.code == "session_closed"
    archive = selectors.archive(session)
    assert [q.pk for q in archive["answered"]] == [answered.pk]
    assert [r["poll"].pk for r in archive["polls"]] == [single.pk]
    results = archive["polls"][0]["results"]
    assert results["voters"] == 1 and results["counts"][str(single.options.first().pk)] == 1
