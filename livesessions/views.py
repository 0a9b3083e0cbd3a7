"""The pages of a live session. Every form works without JavaScript (a POST, then back to the
page with `303`); with JavaScript the same actions go over the socket and the page updates
in place. Bad input re-renders the page with the message and what was typed, with a 4xx."""

import csv

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core import pagecache
from core.clientip import client_ip
from core.csv import safe_row
from core.errors import ServiceError
from core.http import post_only
from core.rules import refusal
from events.models import EventPage
from livesessions import guests, selectors, services
from livesessions.models import (
    MAX_QUESTION_LENGTH,
    Audience,
    LiveSession,
    Participant,
    PollKind,
    QuestionStatus,
    SessionState,
)
from livesessions.qr import join_qr_svg


def _session_or_404(code: str) -> LiveSession:
    session = selectors.session_by_code(code)
    if session is None:
        raise Http404(_("No session has that code."))
    return session


def _guest_key(request) -> str:
    return guests.key_from_cookie(request.COOKIES.get(guests.COOKIE))


def _participant(request, session) -> Participant | None:
    if request.user.is_authenticated:
        return Participant.objects.filter(session=session, user=request.user).first()
    key = getattr(request, "_live_guest_key", None) or _guest_key(request)
    if key:
        return Participant.objects.filter(session=session, guest_key=key).first()
    return None


def join_url(request, session) -> str:
    return request.build_absolute_uri(
        reverse("livesessions:participant", kwargs={"code": session.code})
    )


def _is_moderator(request, session) -> bool:
    return request.user.has_perm("livesessions.moderate_session", session)


@never_cache
def join(request):
    """Type the code shown in the room. A wrong code says so, keeps what was typed, 404."""
    pagecache.not_shared()
    code = (request.GET.get("code") or "").strip()
    context = {"code": code[:20], "error": ""}
    status = 200
    if code:
        session = selectors.session_by_code(code.replace(" ", "").replace("-", ""))
        if session is not None and session.state != SessionState.PREPARING:
            return HttpResponseRedirect(
                reverse("livesessions:participant", kwargs={"code": session.code})
            )
        context["error"] = _(
            "No open session has the code “%(code)s”. Check the code on the screen in the room."
        ) % {"code": code[:20]}
        status = 404
    return TemplateResponse(request, "livesessions/join.html", context, status=status)


def _participant_context(request, session, **extra) -> dict:
    participant = _participant(request, session)
    order = request.GET.get("sort") if request.GET.get("sort") in selectors.ORDERS else "votes"
    poll = selectors.open_poll(session)
    refused = refusal(request.user, "livesessions.take_part", session)
    return {
        "session": session,
        "event": session.event,
        "participant": participant,
        "questions": selectors.shown_questions(session, order),
        "mine": [q for q in selectors.own_questions(participant) if not q.is_shown],
        "mine_ids": {q.pk for q in selectors.own_questions(participant)},
        "upvoted": selectors.upvoted_ids(participant),
        "order": order,
        "poll": poll,
        "results": selectors.poll_results(poll) if poll else None,
        "ballot": set(selectors.ballot(poll, participant)),
        "refusal": refused,
        "is_moderator": _is_moderator(request, session),
        "max_length": MAX_QUESTION_LENGTH,
        "join_url": join_url(request, session),
        "statuses": QuestionStatus,
        **extra,
    }


def _render_participant(request, session, status=200, **extra):
    pagecache.not_shared()
    context = _participant_context(request, session, **extra)
    response = TemplateResponse(request, "livesessions/participant.html", context, status=status)
    if (
        session.allows_guests
        and not request.user.is_authenticated
        and getattr(request, "_live_guest_cookie", None)
    ):
        guests.set_cookie(response, request, request._live_guest_cookie)
    return response


def _ensure_guest_cookie(request) -> None:
    """A guest's device gets its key on the first visit; the key is hashed before it is kept."""
    if request.user.is_authenticated or _guest_key(request):
        return
    value = guests.new_cookie_value()
    request._live_guest_cookie = value
    request._live_guest_key = guests.key_from_cookie(value)


@never_cache
def participant(request, code: str):
    session = selectors.session_by_code(code)
    if session is None:
        pagecache.not_shared()
        context = {
            "code": code[:20],
            "error": _("No session has the code “%(code)s”. Check the code on the screen.")
            % {"code": code[:20]},
        }
        return TemplateResponse(request, "livesessions/join.html", context, status=404)
    if session.state == SessionState.PREPARING and not _is_moderator(request, session):
        pagecache.not_shared()
        return TemplateResponse(
            request, "livesessions/not_open.html", {"session": session, "event": session.event}
        )
    if session.allows_guests:
        _ensure_guest_cookie(request)
    return _render_participant(request, session)


def _back(session, fragment: str = "") -> str:
    url = reverse("livesessions:participant", kwargs={"code": session.code})
    return f"{url}#{fragment}" if fragment else url


def _take_part(request, session) -> Participant:
    if session.allows_guests:
        _ensure_guest_cookie(request)
    key = getattr(request, "_live_guest_key", None) or _guest_key(request)
    return services.participant_for(session=session, user=request.user, guest_key=key)


def _redirect(request, url):
    response = HttpResponseRedirect(url, status=303)
    if getattr(request, "_live_guest_cookie", None):
        guests.set_cookie(response, request, request._live_guest_cookie)
    return response


@post_only(lambda request, code, **kw: _back(_session_or_404(code)))
def ask(request, code: str):
    session = _session_or_404(code)
    body = request.POST.get("body", "")
    try:
        question, _created = services.question_ask(
            session=session,
            participant=_take_part(request, session),
            body=body,
            client_id=request.POST.get("client_id") or None,
            ip=client_ip(request),
        )
    except ServiceError as error:
        if error.status == 401:
            return redirect_to_login(_back(session))
        return _render_participant(
            request, session, error.page_status, ask_error=error.message, ask_body=body
        )
    return _redirect(request, _back(session, f"q-{question.pk}"))


@post_only(lambda request, code, **kw: _back(_session_or_404(code)))
def upvote(request, code: str, question_pk: int):
    session = _session_or_404(code)
    question = get_object_or_404(session.questions.select_related("session"), pk=question_pk)
    try:
        services.question_upvote(
            participant=_take_part(request, session),
            question=question,
            ip=client_ip(request),
            undo=request.POST.get("undo") == "1",
        )
    except ServiceError as error:
        if error.status == 401:
            return redirect_to_login(_back(session))
        return _render_participant(
            request, session, error.page_status, questions_error=error.message
        )
    return _redirect(request, _back(session, f"q-{question.pk}"))


@post_only(lambda request, code, **kw: _back(_session_or_404(code)))
def vote(request, code: str, poll_pk: int):
    session = _session_or_404(code)
    poll = get_object_or_404(session.polls.prefetch_related("options"), pk=poll_pk)
    poll.session = session
    try:
        services.poll_vote(
            participant=_take_part(request, session),
            poll=poll,
            option_ids=request.POST.getlist("option"),
            ip=client_ip(request),
        )
    except ServiceError as error:
        if error.status == 401:
            return redirect_to_login(_back(session))
        return _render_participant(request, session, error.page_status, poll_error=error.message)
    return _redirect(request, _back(session, "poll"))


def qr_svg(request, code: str):
    """The join QR code as a file to print or put on a slide."""
    session = _session_or_404(code)
    svg = join_qr_svg(join_url(request, session), scale=10, title=session.code, inline=False)
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="join-{session.code}.svg"'
    return response


@never_cache
def screen(request, key: str):
    """The presenter screen: no controls, its address is the secret."""
    pagecache.not_shared()
    session = selectors.session_by_screen_key(key)
    if session is None:
        raise Http404(_("This presenter screen does not exist."))
    poll = selectors.open_poll(session)
    url = join_url(request, session)
    context = {
        "session": session,
        "event": session.event,
        "join_url": url,
        "qr": join_qr_svg(url, scale=8, title=_("QR code to join")),
        "poll": poll,
        "results": selectors.poll_results(poll) if poll else None,
        "on_screen": session.on_screen if session.on_screen_id else None,
        "on_screen_votes": selectors.vote_counts_for([session.on_screen_id]).get(
            session.on_screen_id, 0
        )
        if session.on_screen_id
        else 0,
    }
    response = TemplateResponse(request, "livesessions/screen.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


# Organisers ---------------------------------------------------------------------------------


def _moderated_session(request, code: str) -> LiveSession:
    session = _session_or_404(code)
    if not request.user.is_authenticated:
        raise _LoginNeeded
    if not _is_moderator(request, session):
        raise PermissionDenied(_("Only the session's moderators can do that."))
    return session


class _LoginNeeded(Exception):
    pass


def _moderator_context(request, session, **extra) -> dict:
    grouped = selectors.moderator_questions(session)
    url = join_url(request, session)
    return {
        "session": session,
        "event": session.event,
        "grouped": grouped,
        "shown": grouped[QuestionStatus.VISIBLE],
        "polls": selectors.polls(session),
        "results": {
            p.pk: selectors.poll_results(p) for p in selectors.polls(session) if p.state != "ready"
        },
        "join_url": url,
        "qr": join_qr_svg(url, scale=5, title=_("QR code to join")),
        "screen_url": request.build_absolute_uri(
            reverse("livesessions:screen", kwargs={"key": session.screen_key})
        ),
        "audiences": Audience.choices,
        "poll_kinds": PollKind.choices,
        "statuses": QuestionStatus,
        "moderators": list(session.moderators.all()),
        "errors": {},
        "typed": {},
        **extra,
    }


@never_cache
def moderate(request, code: str):
    pagecache.not_shared()
    try:
        session = _moderated_session(request, code)
    except _LoginNeeded:
        return redirect_to_login(request.get_full_path())
    return TemplateResponse(
        request, "livesessions/moderate.html", _moderator_context(request, session)
    )


def _moderate_back(request, code: str, **kwargs) -> str:
    return reverse("livesessions:moderate", kwargs={"code": code})


@post_only(_moderate_back)
def moderate_action(request, code: str, action: str):
    try:
        session = _moderated_session(request, code)
    except _LoginNeeded:
        return redirect_to_login(reverse("livesessions:moderate", kwargs={"code": code}))
    user, data = request.user, request.POST
    fragment = ""
    try:
        if action == "open":
            services.session_open(user=user, session=session)
        elif action == "close":
            services.session_close(user=user, session=session)
        elif action == "settings":
            services.session_settings(
                user=user,
                session=session,
                audience=data.get("audience", ""),
                premoderated=data.get("premoderated") == "on",
            )
        elif action == "moderator":
            services.moderator_add(user=user, session=session, email=data.get("email", ""))
        elif action == "poll":
            poll = services.poll_create(
                user=user,
                session=session,
                question=data.get("question", ""),
                options=data.get("options", "").splitlines(),
                kind=data.get("kind", PollKind.SINGLE),
                results_after_close=data.get("results_after_close") == "on",
            )
            fragment = f"poll-{poll.pk}"
        elif action in ("poll-open", "poll-close"):
            poll = get_object_or_404(session.polls, pk=_int(data.get("poll")))
            poll.session = session
            if action == "poll-open":
                services.poll_open(user=user, poll=poll)
            else:
                services.poll_close(user=user, poll=poll)
            fragment = f"poll-{poll.pk}"
        elif action == "question":
            question = get_object_or_404(
                session.questions.select_related("session", "session__event"),
                pk=_int(data.get("question")),
            )
            question.session = session
            into = None
            if data.get("into"):
                into = session.questions.filter(pk=_int(data.get("into"))).first()
            services.question_moderate(
                user=user,
                question=question,
                action=data.get("do", ""),
                reason=data.get("reason", ""),
                into=into,
            )
            fragment = f"mq-{question.pk}"
        else:
            raise Http404
    except ServiceError as error:
        errors = {action: error.message}
        return TemplateResponse(
            request,
            "livesessions/moderate.html",
            _moderator_context(
                request, session, errors=errors, error_fields=error.fields, typed=data
            ),
            status=error.page_status,
        )
    url = reverse("livesessions:moderate", kwargs={"code": session.code})
    return HttpResponseRedirect(f"{url}#{fragment}" if fragment else url, status=303)


def _int(value) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < number < 2**63:
        raise Http404
    return number


def _event_back(request, event_pk: int, **kwargs) -> str:
    event = get_object_or_404(EventPage.objects.live().public(), pk=event_pk)
    return event.localized.get_url(request) or event.get_url(request)


@post_only(_event_back)
def create(request, event_pk: int):
    event = get_object_or_404(EventPage.objects.live().public().specific(), pk=event_pk)
    if not request.user.is_authenticated:
        return redirect_to_login(_event_back(request, event_pk))
    try:
        session = services.session_create(
            user=request.user,
            event=event,
            title=request.POST.get("title", ""),
            audience=request.POST.get("audience", Audience.EVERYONE),
            premoderated=request.POST.get("premoderated") == "on",
        )
    except ServiceError as error:
        if error.status == 403:
            raise PermissionDenied(error.message) from error
        # The event page's live-session box (wagtail_hooks) shows the message and the input.
        request.live_create_error = error
        request.live_create_typed = request.POST
        context = event.get_context(request)
        return TemplateResponse(
            request, event.get_template(request), context, status=error.page_status
        )
    return HttpResponseRedirect(
        reverse("livesessions:moderate", kwargs={"code": session.code}), status=303
    )


@never_cache
def export_csv(request, code: str):
    """The organiser's record of the session: every question with its status and votes, and
    every poll's results. Guests are not named; residents by display name only."""
    try:
        session = _moderated_session(request, code)
    except _LoginNeeded:
        return redirect_to_login(request.get_full_path())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = slugify(session.title) or "session"
    response["Content-Disposition"] = f'attachment; filename="live-{name}-{session.code}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("Kind"), _("Text"), _("Status"), _("Votes"), _("Time")])
    grouped = selectors.moderator_questions(session)
    for status in QuestionStatus.values:
        for question in grouped[status]:
            writer.writerow(
                safe_row(
                    [
                        _("Question"),
                        question.body,
                        question.get_status_display(),
                        question.n_votes,
                        question.created_at.isoformat(timespec="seconds"),
                    ]
                )
            )
    for poll in selectors.polls(session):
        counts, voters, _version = selectors.poll_counts(poll)
        writer.writerow(safe_row([_("Poll"), poll.question, poll.get_state_display(), voters, ""]))
        for option in poll.options.all():
            writer.writerow(safe_row([_("Answer"), option.label, "", counts.get(option.pk, 0), ""]))
    return response
