"""dialogue.services.debates: switching a debate between open, pre-moderated and closed."""

import pytest
from django.contrib.auth.models import AnonymousUser

from core.errors import ServiceError
from dialogue import services
from dialogue.models import (
    DebateState,
    ModerationLogEntry,
)
from tests.dialogue.moderation_helpers import blocked_user
from tests.factories import UserFactory, editor, moderator

pytestmark = pytest.mark.django_db


# Debate states ------------------------------------------------------------------------------


@pytest.mark.parametrize("make_user", [moderator, editor])
def test_moderators_and_editors_switch_debate_states(debate, make_user):
    user = make_user()
    services.debate_set_state(user=user, debate=debate, state=DebateState.PREMODERATED)
    debate.refresh_from_db()
    assert debate.state == DebateState.PREMODERATED
    with pytest.raises(ServiceError) as error:
        services.debate_set_state(user=user, debate=debate, state=DebateState.CLOSED)
    assert error.value.code == "conclusion_required"
    services.debate_set_state(
        user=user, debate=debate, state=DebateState.CLOSED, conclusion="Tak for input"
    )
    debate.refresh_from_db()
    assert (debate.state, debate.conclusion) == (DebateState.CLOSED, "Tak for input")
    assert debate.get_latest_revision_as_object().state == DebateState.CLOSED
    assert ModerationLogEntry.objects.filter(action="debate_state").count() == 2


@pytest.mark.parametrize("make_user", [AnonymousUser, UserFactory, blocked_user])
def test_residents_cannot_switch_debate_states(debate, make_user):
    with pytest.raises(ServiceError) as error:
        services.debate_set_state(user=make_user(), debate=debate, state=DebateState.CLOSED)
    assert error.value.status == 403


def test_the_page_editor_the_state_form_and_the_service_refuse_closing_without_a_conclusion(
    debate,
):
    """One rule (models.validate_conclusion), one message, wherever a debate is closed."""
    from django.core.exceptions import ValidationError

    from dialogue.moderation.forms import DebateStateForm

    debate.state = DebateState.CLOSED
    with pytest.raises(ValidationError) as page_error:
        debate.full_clean()
    form = DebateStateForm({"state": DebateState.CLOSED, "conclusion": "  "})
    assert not form.is_valid()
    with pytest.raises(ServiceError) as service_error:
        services.debate_set_state(user=moderator(), debate=debate, state=DebateState.CLOSED)
    message = page_error.value.message_dict["conclusion"]
    assert form.errors["conclusion"] == message
    assert service_error.value.fields["conclusion"] == message
    assert form.data["conclusion"] == "  "  # what was typed comes back
