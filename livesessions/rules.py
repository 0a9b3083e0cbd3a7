"""Who may run a live session and who may take part in one.

Organisers are the city's editors and the partner organisers of the event (events.rules); they
may name further moderators per session. Taking part depends on the session: residents only
(logged in, verified, not blocked), or also guests, who hold only a signed per-device key."""

import rules
from django.utils.translation import gettext_lazy as _

from accounts.rules import LOGGED_IN, NOT_BLOCKED, VERIFIED, is_blocked, is_editor
from core.rules import add_perm, when
from events.rules import is_event_organiser


@rules.predicate
def organises_event(user, event) -> bool:
    return event is not None and (is_editor(user) or is_event_organiser(user, event))


@rules.predicate
def moderates_session(user, session) -> bool:
    if session is None or not user.is_authenticated:
        return False
    if organises_event(user, session.event) or session.created_by_id == user.pk:
        return True
    return session.moderators.filter(pk=user.pk).exists()


@rules.predicate
def session_allows_guests(user, session) -> bool:
    return session is not None and session.allows_guests


@rules.predicate
def is_anonymous(user) -> bool:
    return not user.is_authenticated


ORGANISER = when(
    organises_event,
    "not_organiser",
    _("Only the event's organisers can start a live session."),
)
MODERATOR = when(
    moderates_session,
    "not_moderator",
    _("Only the session's moderators can do that."),
)

add_perm("livesessions.create_session", LOGGED_IN, NOT_BLOCKED, ORGANISER)
add_perm("livesessions.moderate_session", LOGGED_IN, NOT_BLOCKED, MODERATOR)
# Guests take part where the session allows them; a logged-in person must be verified and not
# blocked either way (logging out does not lift a block: guests are rate limited by address).
add_perm(
    "livesessions.take_part",
    when(
        (session_allows_guests & is_anonymous) | rules.is_authenticated,
        "login_required",
        _("Log in to take part in this session."),
        401,
    ),
    when(
        is_anonymous | VERIFIED.predicate,
        VERIFIED.code,
        VERIFIED.message,
    ),
    when(is_anonymous | ~is_blocked, NOT_BLOCKED.code, NOT_BLOCKED.message),
)
