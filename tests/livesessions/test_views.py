"""The session's pages without JavaScript: join, ask, vote, moderate, the presenter screen,
the event page's join panel and archive, and the organiser's CSV. Every bad input is a 4xx with
the message and what was typed."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from livesessions import guests, services
from livesessions.models import Audience, PollVote, Question, QuestionStatus
from tests.factories import UserFactory
from tests.livesessions.factories import guest, open_session, poll

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english_source_strings(settings):
    """The assertions read the English source strings (the project's catalogues left out)."""
    settings.LOCALE_PATHS = []


def participant_url(session):
    return reverse("livesessions:participant", kwargs={"code": session.code})


def test_a_wrong_code_says_so_keeps_what_was_typed_and_answers_404(client):
    response = client.get(reverse("livesessions:join"), {"code": "zzzz99"})
    assert response.status_code == 404
    html = response.content.decode()
    assert "zzzz99" in html and 'role="alert"' in html and 'aria-invalid="true"' in html
    assert client.get("/da/live/NOSUCH/").status_code == 404


def test_the_code_leads_to_the_session_in_any_case_and_spacing(client):
    session, _organiser = open_session()
    typed = f"{session.code[:3].lower()} {session.code[3:].lower()}"
    response = client.get(reverse("livesessions:join"), {"code": typed})
    assert response.status_code == 302 and response["Location"] == participant_url(session)


def test_a_guest_gets_a_device_cookie_asks_without_javascript_and_sees_their_question(client):
    session, _organiser = open_session()
    page = client.get(participant_url(session))
    assert page.status_code == 200
    assert guests.COOKIE in page.cookies and page.cookies[guests.COOKIE]["httponly"]
    assert "private" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    response = client.post(
        reverse("livesessions:ask", kwargs={"code": session.code}), {"body": "Hvornår?"}
    )
    assert response.status_code == 303
    question = Question.objects.get()
    assert response["Location"].endswith(f"#q-{question.pk}")
    assert question.participant.user is None and len(question.participant.guest_key) == 64
    assert "Hvornår?" in client.get(participant_url(session)).content.decode()


def test_a_too_long_question_is_a_400_with_the_message_and_the_text_kept(client):
    session, _organiser = open_session()
    client.get(participant_url(session))
    body = "Langt " * 60
    response = client.post(
        reverse("livesessions:ask", kwargs={"code": session.code}), {"body": body}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 280 characters" in html and body.strip() in html
    assert 'href="#ask-body"' in html
    assert not Question.objects.exists()


def test_a_get_of_a_post_address_leads_back_to_the_session_not_a_405(client):
    session, _organiser = open_session()
    response = client.get(reverse("livesessions:ask", kwargs={"code": session.code}))
    assert response.status_code == 302 and response["Location"] == participant_url(session)


def test_residents_only_sessions_ask_guests_to_log_in(client):
    session, _organiser = open_session(audience=Audience.RESIDENTS)
    html = client.get(participant_url(session)).content.decode()
    assert "Log in" in html and 'name="body"' not in html
    response = client.post(
        reverse("livesessions:ask", kwargs={"code": session.code}), {"body": "Hej"}
    )
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert not Question.objects.exists()


def test_voting_without_javascript_and_a_closed_poll_answers_409(client):
    session, organiser = open_session()
    single = poll(session, organiser)
    services.poll_open(user=organiser, poll=single)
    yes = single.options.first()
    client.get(participant_url(session))
    url = reverse("livesessions:vote", kwargs={"code": session.code, "poll_pk": single.pk})
    assert client.post(url, {"option": [yes.pk]}).status_code == 303
    assert client.post(url, {"option": [yes.pk]}).status_code == 303
    assert PollVote.objects.count() == 1
    assert client.post(url, {}).status_code == 400
    response = client.post(url, {"option": ["999999"]})
    assert response.status_code == 400 and "not in this poll" in response.content.decode()
    services.poll_close(user=organiser, poll=single)
    assert client.post(url, {"option": [yes.pk]}).status_code == 409


def test_upvote_form_counts_once(client):
    session, _organiser = open_session()
    question, _ = services.question_ask(session=session, participant=guest(session, 9), body="Op?")
    client.get(participant_url(session))
    url = reverse("livesessions:upvote", kwargs={"code": session.code, "question_pk": question.pk})
    client.post(url)
    client.post(url)
    assert question.votes.count() == 1
    client.post(url, {"undo": "1"})
    assert question.votes.count() == 0


def test_only_moderators_reach_the_moderator_view_and_the_csv(client):
    session, organiser = open_session()
    moderate = reverse("livesessions:moderate", kwargs={"code": session.code})
    export = reverse("livesessions:export", kwargs={"code": session.code})
    assert client.get(moderate).status_code == 302  # to the login
    client.force_login(UserFactory())
    assert client.get(moderate).status_code == 403
    assert client.get(export).status_code == 403
    action = reverse(
        "livesessions:moderate_action", kwargs={"code": session.code, "action": "close"}
    )
    assert client.post(action).status_code == 403
    client.force_login(organiser)
    assert client.get(moderate).status_code == 200


def test_moderating_without_javascript_and_errors_keep_the_input(client):
    session, organiser = open_session(premoderated=True)
    pending, _ = services.question_ask(session=session, participant=guest(session), body="Vent")
    client.force_login(organiser)

    def act(action, data):
        return client.post(
            reverse(
                "livesessions:moderate_action", kwargs={"code": session.code, "action": action}
            ),
            data,
        )

    assert act("question", {"question": pending.pk, "do": "approve"}).status_code == 303
    pending.refresh_from_db()
    assert pending.status == QuestionStatus.VISIBLE
    response = act("question", {"question": pending.pk, "do": "hide", "reason": ""})
    assert response.status_code == 400 and "Say why" in response.content.decode()
    response = act("poll", {"question": "Hvad synes du?", "options": "Kun én", "kind": "single"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Hvad synes du?" in html and "Kun én" in html and 'href="#mod-options"' in html
    assert (
        act(
            "poll", {"question": "Hvad synes du?", "options": "Godt\nSkidt", "kind": "single"}
        ).status_code
        == 303
    )
    assert act("question", {"question": "abc", "do": "approve"}).status_code == 404
    assert act("explode", {}).status_code == 404


def test_the_presenter_screen_is_secret_and_has_no_controls(client):
    session, organiser = open_session()
    question, _ = services.question_ask(session=session, participant=guest(session), body="Skærm?")
    services.question_moderate(user=organiser, question=question, action="on_screen")
    response = client.get(reverse("livesessions:screen", kwargs={"key": session.screen_key}))
    html = response.content.decode()
    assert response.status_code == 200 and "Skærm?" in html and session.code in html
    assert "<form" not in html and "<button" not in html and "<svg" in html
    assert (
        client.get(reverse("livesessions:screen", kwargs={"key": session.code})).status_code == 404
    )


def test_the_event_page_shows_the_join_panel_while_open_and_the_archive_after(client):
    session, organiser = open_session()
    people = [guest(session, n) for n in range(1, 3)]
    answered, _ = services.question_ask(session=session, participant=people[0], body="Besvaret")
    hidden, _ = services.question_ask(session=session, participant=people[1], body="Skjult tekst")
    event_url = session.event.url
    html = client.get(event_url).content.decode()
    assert session.code in html and "<svg" in html
    services.question_moderate(user=organiser, question=answered, action="answered")
    services.question_moderate(user=organiser, question=hidden, action="hide", reason="Nej")
    services.session_close(user=organiser, session=session)
    html = client.get(event_url).content.decode()  # the cached page is retired by the close
    assert "Besvaret" in html and "Skjult tekst" not in html


def test_the_events_translation_shows_the_same_join_panel(client):
    """The session is started on the Danish event page; a reader of its Arabic translation
    joins the same session."""
    from wagtail.models import Locale

    session, _organiser = open_session()
    arabic = session.event.copy_for_translation(
        Locale.objects.get(language_code="ar"), copy_parents=True
    )
    arabic.title, arabic.slug = "مؤتمر الاندماج", "mutamar"
    arabic.save_revision().publish()
    html = client.get("/ar/arrangementer/mutamar/").content.decode()
    assert session.code in html and "<svg" in html
    services.session_close(user=_organiser, session=session)
    html = client.get("/ar/arrangementer/mutamar/").content.decode()  # the cached copy retired
    assert session.code not in html


def test_the_organiser_creates_a_session_from_the_event_page_and_a_bad_title_is_a_400(client):
    from tests.events.factories import EventPageFactory
    from tests.factories import editor

    event = EventPageFactory()
    client.force_login(editor())
    assert "Create live session" in client.get(event.url).content.decode()
    url = reverse("livesessions:create", kwargs={"event_pk": event.pk})
    response = client.post(url, {"title": "", "audience": "everyone"})
    assert response.status_code == 400 and 'href="#live-title"' in response.content.decode()
    response = client.post(url, {"title": "Spørg borgmesteren", "audience": "residents"})
    assert response.status_code == 303
    client.force_login(UserFactory())
    assert client.post(url, {"title": "Nej"}).status_code == 403


def test_the_csv_export_lists_questions_and_results_and_defuses_formulas(client):
    session, organiser = open_session()
    services.question_ask(session=session, participant=guest(session, 1), body="=HYPERLINK(1)")
    single = poll(session, organiser)
    services.poll_open(user=organiser, poll=single)
    services.poll_vote(
        participant=guest(session, 2), poll=single, option_ids=[single.options.first().pk]
    )
    client.force_login(organiser)
    with translation.override("en"):
        url = reverse("livesessions:export", kwargs={"code": session.code})
    response = client.get(url)
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Kind", "Text", "Status", "Votes", "Time"]
    assert rows[1][1] == "'=HYPERLINK(1)"
    assert ["Answer", "Ja", "", "1", ""] in rows


def test_the_qr_code_is_an_svg_of_the_join_address(client):
    session, _organiser = open_session()
    response = client.get(reverse("livesessions:qr", kwargs={"code": session.code}))
    assert response.status_code == 200 and response["Content-Type"].startswith("image/svg+xml")
    assert response.content.startswith(b"<svg")


def test_opening_and_closing_a_session_refresh_the_cached_event_page_at_once(client):
    from livesessions.models import SessionState
    from tests.pagecache import cached_body, fresh_body

    session, organiser = open_session()
    services.session_close(user=organiser, session=session)
    event_url = session.event.url
    assert session.code not in cached_body(client, event_url)
    services.session_open(user=organiser, session=session)
    assert session.code in fresh_body(client, event_url)
    cached_body(client, event_url)
    services.session_close(user=organiser, session=session)
    session.refresh_from_db()
    assert session.state == SessionState.CLOSED
    assert session.code not in fresh_body(client, event_url)


def test_a_residents_questions_are_in_their_data_export_and_go_with_the_account(client):
    from accounts.services import user_delete

    session, _organiser = open_session()
    resident = UserFactory()
    me = services.participant_for(session=session, user=resident)
    services.question_ask(session=session, participant=me, body="Mit spørgsmål")
    client.force_login(resident)
    response = client.post(reverse("accounts:export"))
    data = b"".join(response.streaming_content) if response.streaming else response.content
    assert "Mit spørgsmål" in data.decode()
    user_delete(user=resident)
    assert not Question.objects.filter(body="Mit spørgsmål").exists()
