"""Switching a debate between open, pre-moderated and closed."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.rules import require
from dialogue.models import (
    MAX_COMMENT_LENGTH,
    DebatePage,
    DebateState,
    ModerationAction,
    validate_conclusion,
)
from dialogue.services.audit import log_action
from dialogue.services.following import debate_was_closed
from dialogue.services.live import publish_after_commit


def debate_set_state(*, user, debate: DebatePage, state: str, conclusion: str = "") -> DebatePage:
    """Open, pre-moderated or closed. Closing needs a conclusion, shown at the top of the page.
    The page's latest revision is changed too, so a later publish by an editor keeps it.
    Closing tells the debate's followers, with the conclusion (services/following.py)."""
    require(user, "dialogue.switch_debate_state")
    if state not in DebateState.values:
        raise ServiceError("bad_state", _("Choose open, pre-moderated or closed."), 400)
    conclusion = (conclusion or "").strip()
    try:
        validate_conclusion(state, conclusion)
    except ValidationError as exc:
        raise ServiceError.from_validation_error(exc) from exc
    if len(conclusion) > MAX_COMMENT_LENGTH * 5:
        raise ServiceError("too_long", _("The conclusion is too long."), 400)
    with transaction.atomic():
        page = DebatePage.objects.select_for_update().get(pk=debate.pk)
        was = page.state
        page.state = state
        if conclusion:
            page.conclusion = conclusion
        DebatePage.objects.filter(pk=page.pk).update(state=page.state, conclusion=page.conclusion)
        revision = page.latest_revision
        if revision is not None:
            content = dict(revision.content)
            content["state"], content["conclusion"] = page.state, page.conclusion
            type(revision).objects.filter(pk=revision.pk).update(content=content)
        log_action(
            moderator=user,
            action=ModerationAction.DEBATE_STATE,
            debate=page,
            reason=state,
            note=conclusion if page.is_closed else "",
            target=page.question[:255],
            details={"was": was},
        )
        publish_after_commit(
            page.pk, {"type": "debate.state", "state": page.state, "conclusion": page.conclusion}
        )
        if page.is_closed and was != DebateState.CLOSED:
            debate_was_closed(page)
    return page
