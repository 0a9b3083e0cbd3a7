"""What live sessions add to the rest of the site, through the hooks lower layers offer
(core/hooks.py): the socket routes, the event page's "Join" panel, archive and organiser box,
the data export and the demo content."""

from django.template.loader import render_to_string
from django.urls import reverse
from wagtail import hooks

from core.hooks import DATA_EXPORT, DEMO_CONTENT, HOME_SECTIONS, WEBSOCKET_URLS
from events.models import EventPage
from livesessions import selectors
from livesessions.models import Audience, SessionState
from livesessions.qr import join_qr_svg
from livesessions.routing import websocket_urlpatterns


@hooks.register(WEBSOCKET_URLS)
def livesessions_websocket_urls():
    return websocket_urlpatterns


@hooks.register(HOME_SECTIONS)
def livesessions_on_event(request, page):
    """On an event page: the open session's join code and QR code, the archive of closed ones,
    and for the organisers the sessions to run and a form to start one."""
    if not isinstance(page, EventPage):
        return None
    sessions = selectors.sessions_of_event(page)
    user = getattr(request, "user", None)
    can_create = user is not None and user.has_perm("livesessions.create_session", page)
    if not sessions and not can_create:
        return None
    from django.utils.translation import gettext as _

    open_sessions = []
    for session in sessions:
        if session.state == SessionState.OPEN:
            url = request.build_absolute_uri(
                reverse("livesessions:participant", kwargs={"code": session.code})
            )
            open_sessions.append(
                {
                    "session": session,
                    "url": url,
                    "qr": join_qr_svg(url, scale=4, title=_("QR code to join")),
                }
            )
    archives = [selectors.archive(s) for s in sessions if s.state == SessionState.CLOSED]
    organised = []
    if can_create:
        from livesessions.models import LiveSession

        organised = list(LiveSession.objects.filter(event=page).order_by("created_at", "pk"))
    return render_to_string(
        "livesessions/includes/event_section.html",
        {
            "event": page,
            "open_sessions": open_sessions,
            "archives": archives,
            "can_create": can_create,
            "organised": organised,
            "audiences": Audience.choices,
            "create_error": getattr(request, "live_create_error", None),
            "typed": getattr(request, "live_create_typed", {}),
        },
        request=request,
    )


@hooks.register(DATA_EXPORT)
def livesessions_data_export(user):
    from livesessions.models import Question

    return {
        "live_session_questions": [
            {
                "session": q.session.title,
                "event": q.session.event.title,
                "question": q.body,
                "status": q.status,
                "asked_at": q.created_at.isoformat(),
            }
            for q in Question.objects.filter(participant__user=user).select_related(
                "session", "session__event"
            )
        ]
    }


@hooks.register(DEMO_CONTENT)
def livesessions_demo_content():
    return (70, "load_demo_live_session")
