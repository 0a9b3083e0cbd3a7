"""The socket's vote path (livesessions.ballots): a room votes within seconds, so the votes
that arrive together are written together in a fixed handful of queries; each is still checked
on its own and answered in its socket's language; the participant a socket found is reused only
for the same person in the same session; the right to take part is checked on every vote."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.errors import ServiceError
from livesessions import ballots, services
from livesessions.models import Audience, PollVote
from tests.factories import UserFactory
from tests.livesessions.factories import guest, open_session, poll

pytestmark = pytest.mark.django_db

KEY = f"{1:064x}"


def opened_poll():
    session, organiser = open_session()
    single = poll(session, organiser)
    services.poll_open(user=organiser, poll=single)
    return session, organiser, single, [o.pk for o in single.options.all()]


def ballot(session, single, option, known=None, key=KEY, language="da"):
    message = {"type": "poll.vote", "poll": single.pk, "options": [option]}
    return ballots.Vote(session.pk, AnonymousUser(), key, message, None, known, language)


def vote(session, single, option, known=None, key=KEY):
    [result] = ballots.write([ballot(session, single, option, known, key)])
    if isinstance(result, ServiceError):
        raise result
    return result


def test_a_sockets_next_vote_is_a_fixed_handful_of_queries():
    session, _organiser, single, options = opened_poll()
    reply, participant = vote(session, single, options[0])
    assert reply["ballot"] == [options[0]]
    with CaptureQueriesContext(connection) as queries:
        reply, again = vote(session, single, options[1], known=participant)
    assert again is participant and reply["ballot"] == [options[1]]
    # The poll with its session; the savepoint's pair; the version; the old answer out; the
    # new one in. No participant, session, event or answer lookups.
    statements = [q["sql"] for q in queries.captured_queries]
    assert len(statements) <= 6, "\n".join(statements)
    assert not any('"livesessions_participant"' in s.split("WHERE")[0] for s in statements)
    assert list(PollVote.objects.values_list("option_id", flat=True)) == [options[1]]


def test_a_known_participant_is_reused_only_for_the_same_person_and_session():
    session, organiser, single, options = opened_poll()
    _reply, first = vote(session, single, options[0])
    # Another device's socket handed the first one's participant does not vote as it.
    _reply, other = vote(session, single, options[1], known=first, key=f"{2:064x}")
    assert other.pk != first.pk
    # Nor does the participant of another session.
    elsewhere, _ = open_session(organiser=organiser)
    stranger = guest(elsewhere, 1)
    _reply, same = vote(session, single, options[0], known=stranger)
    assert same.pk == first.pk
    assert PollVote.objects.filter(poll=single).count() == 2


def test_a_known_guest_is_refused_once_the_session_is_for_residents_only():
    session, organiser, single, options = opened_poll()
    _reply, participant = vote(session, single, options[0])
    services.session_settings(
        user=organiser, session=session, audience=Audience.RESIDENTS, premoderated=False
    )
    with pytest.raises(ServiceError) as error:
        vote(session, single, options[1], known=participant)
    assert error.value.code == "login_required"
    assert list(PollVote.objects.values_list("option_id", flat=True)) == [options[0]]


def test_a_vote_for_a_missing_poll_or_a_poll_of_another_session_is_not_found():
    session, organiser, single, options = opened_poll()
    other_session, _ = open_session(organiser=organiser)
    with pytest.raises(ServiceError) as error:
        vote(other_session, single, options[0])
    assert error.value.code == "not_found" and error.value.status == 404
    assert not PollVote.objects.exists()


def test_a_hundred_votes_together_cost_the_same_queries_as_one_and_each_counts_once():
    session, _organiser, single, options = opened_poll()
    votes = [ballot(session, single, options[n % 3], key=f"{n + 10:064x}") for n in range(100)]
    with CaptureQueriesContext(connection) as queries:
        results = ballots.write(votes)
    assert all(isinstance(r, tuple) for r in results)
    assert len(queries.captured_queries) <= 10, len(queries.captured_queries)
    assert PollVote.objects.filter(poll=single).count() == 100
    single.refresh_from_db()
    assert single.version == 100
    # The same hundred again (retries): nothing changes but the version.
    again = ballots.write([ballot(session, single, options[n % 3], key=f"{n + 10:064x}")
                           for n in range(100)])  # fmt: skip
    assert all(isinstance(r, tuple) for r in again)
    assert PollVote.objects.filter(poll=single).count() == 100


def test_one_persons_two_votes_in_one_batch_leave_the_last_and_bad_ones_fail_alone():
    session, _organiser, single, options = opened_poll()
    results = ballots.write(
        [
            ballot(session, single, options[0]),
            ballot(session, single, 99999999, key=f"{3:064x}", language="en"),
            ballot(session, single, options[1]),
            ballot(session, single, options[2], key=f"{4:064x}", language="ar"),
        ]
    )
    assert isinstance(results[1], ServiceError) and results[1].code == "bad_option"
    assert results[1].message == "That answer is not in this poll."
    assert results[0][0]["ballot"] == [options[0]] and results[2][0]["ballot"] == [options[1]]
    mine = PollVote.objects.filter(participant=results[0][1])
    assert list(mine.values_list("option_id", flat=True)) == [options[1]]
    assert PollVote.objects.filter(poll=single).count() == 2


def test_a_batch_on_a_poll_closed_meanwhile_stores_nothing_and_each_hears_it_in_its_language():
    session, organiser, single, options = opened_poll()
    votes = [ballot(session, single, options[0], key=f"{5:064x}", language="en"),
             ballot(session, single, options[1], key=f"{6:064x}", language="da")]  # fmt: skip
    services.poll_close(user=organiser, poll=single)
    results = ballots.write(votes)
    assert [r.code for r in results] == ["poll_closed", "poll_closed"]
    assert results[0].message == "This poll is closed."
    assert results[1].message != results[0].message  # Danish
    assert not PollVote.objects.exists()


def test_residents_votes_together_read_their_accounts_once_and_a_deactivated_one_is_refused():
    session, _organiser, single, options = opened_poll()
    residents = [UserFactory() for _ in range(20)]
    gone = residents[-1]
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    message = {"type": "poll.vote", "poll": single.pk, "options": [options[0]]}
    votes = [ballots.Vote(session.pk, r, "", message, None, None, "en") for r in residents]
    with CaptureQueriesContext(connection) as queries:
        results = ballots.write(votes)
    # The accounts with their verified addresses in one query: not one per resident.
    assert len(queries.captured_queries) <= 11, "\n".join(
        q["sql"][:150] for q in queries.captured_queries
    )
    assert all(isinstance(r, tuple) for r in results[:-1])
    # The account is anonymous now: in a session open to guests it needs a guest key first.
    assert isinstance(results[-1], ServiceError) and results[-1].code == "no_guest_key"
    assert PollVote.objects.filter(poll=single).count() == 19
