"""Live sessions for tests: a session on a published event, opened by an editor."""

from livesessions import services
from livesessions.models import Audience
from tests.events.factories import EventPageFactory
from tests.factories import editor


def open_session(*, audience=Audience.EVERYONE, premoderated=False, event=None, organiser=None):
    organiser = organiser or editor()
    event = event or EventPageFactory(title="Integrationskonferencen")
    session = services.session_create(
        user=organiser,
        event=event,
        title="Spørg politikerne",
        audience=audience,
        premoderated=premoderated,
    )
    services.session_open(user=organiser, session=session)
    return session, organiser


def guest(session, n: int = 1):
    return services.participant_for(session=session, user=_anonymous(), guest_key=f"{n:064x}")


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


def poll(session, organiser, *, kind="single", labels=("Ja", "Nej", "Ved ikke"), **kwargs):
    return services.poll_create(
        user=organiser,
        session=session,
        question="Er du enig?",
        options=list(labels),
        kind=kind,
        **kwargs,
    )
