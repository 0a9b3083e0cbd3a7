"""One site with something of everything, for the robustness suite: the policy and the demo
content (`load_content --demo`: every page type, debates, events, partners), plus a person in
every role and the objects the URLs take ids of."""

import io
import logging
import secrets
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.management import call_command
from wagtail.models import Page

from accounts.models import Badge, BadgeKind
from dialogue.models import Comment, DebatePage, DebateState
from dialogue.services import comment_create, report_create
from events.models import EventPage
from events.services import registration_create
from livesessions.models import LiveSession
from partnerships.models import Invitation, Membership, Organisation, Role
from tests.factories import UserFactory, editor, moderator
from tests.shared_db import rolled_back_once


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role name -> User (None for anonymous)
    ids: dict = field(default_factory=dict)  # url kwarg hint -> value
    debate: DebatePage | None = None
    comment: Comment | None = None
    event: EventPage | None = None
    organisation: Organisation | None = None


def build_world() -> World:
    logging.disable(logging.INFO)  # loading logs a line per page and task
    try:
        call_command("load_content", demo=True, verbosity=0, stdout=io.StringIO())
    finally:
        logging.disable(logging.NOTSET)
    world = World()
    resident = UserFactory(display_name="Robust Resident")
    partner = UserFactory(display_name="Robust Partner")
    Badge.objects.create(user=partner, kind=BadgeKind.PARTNER, note="Robust")
    superuser = UserFactory(display_name="Robust Admin", is_superuser=True, is_staff=True)
    world.users = {
        "anonymous": None,
        "resident": resident,
        "moderator": moderator(display_name="Robust Moderator"),
        "editor": editor(display_name="Robust Editor"),
        "partner": partner,
        "superuser": superuser,
    }
    debate = DebatePage.objects.live().filter(state=DebateState.OPEN).first()
    comment, _ = comment_create(user=resident, debate=debate, body="Robust comment")
    reply, _ = comment_create(
        user=partner, debate=debate, body="Robust reply", parent_id=comment.pk
    )
    report_create(user=partner, comment=comment, reason="spam")
    event = EventPage.objects.live().filter(capacity__gt=0).order_by("start").last()
    registration_create(event=event, user=resident)
    organisation = Organisation.objects.order_by("pk").first()
    Membership.objects.update_or_create(
        organisation=organisation, user=partner, defaults={"role": Role.ADMIN}
    )
    other = UserFactory(display_name="Robust Member")
    membership = Membership.objects.create(organisation=organisation, user=other)
    invitation = Invitation.objects.create(
        organisation=organisation, email="invited@example.org", token=secrets.token_urlsafe(32)
    )
    # The demo's live session, with the partner as one of its moderators.
    live = LiveSession.objects.order_by("pk").first()
    live.moderators.add(partner)
    world.debate, world.comment, world.event, world.organisation = (
        debate,
        comment,
        event,
        organisation,
    )
    world.ids = {
        "debate_id": debate.pk,
        "comment_id": comment.pk,
        "root_id": comment.pk,
        "membership_pk": membership.pk,
        "token": invitation.token,
        "slug": organisation.slug,
        "page_id": debate.pk,
        "event": event.pk,
        "organisation": organisation.pk,
        "reply": reply.pk,
        "code": live.code,
        "key": live.screen_key,
        "event_pk": live.event_id,
        "question_pk": live.questions.order_by("pk").first().pk,
        "poll_pk": live.polls.order_by("pk").first().pk,
    }
    return world


def page_models_in_tree() -> set[type]:
    return {page.specific_class for page in Page.objects.filter(depth__gt=1)}


@contextmanager
def rolled_back_world(django_db_blocker):
    """The world for a fixture shared by a module or package: inside a transaction that is
    rolled back at the end (each test runs in a savepoint of its own inside it); built by the
    first module of the process that asks, copied back from memory for the next ones."""
    with rolled_back_once(django_db_blocker, "robustness world", build_world) as world:
        yield world
