"""Readers agree or disagree with a comment."""

from django.db import transaction
from django.utils.translation import gettext as _

from core import ratelimit
from core.errors import ServiceError
from core.rules import require
from dialogue.models import Comment, Reaction, ReactionValue
from dialogue.services.live import publish_after_commit


def reaction_set(*, user, comment: Comment, value: str, ip: str | None = None) -> Comment:
    """One reaction per person and comment: the same value again takes it back."""
    if value not in ReactionValue.values:
        raise ServiceError("bad_value", _("Choose agree or disagree."), 400)
    require(user, "dialogue.react_to_comment", comment)
    ratelimit.hit("reaction.set", user=user, ip=ip)
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        existing = Reaction.objects.filter(comment=locked, user=user).first()
        delta = {ReactionValue.AGREE: 0, ReactionValue.DISAGREE: 0}
        if existing is None:
            Reaction.objects.create(comment=locked, user=user, value=value)
            delta[value] += 1
        elif existing.value == value:
            existing.delete()
            delta[value] -= 1
        else:
            delta[existing.value] -= 1
            delta[value] += 1
            existing.value = value
            existing.save(update_fields=["value"])
        locked.agree_count += delta[ReactionValue.AGREE]
        locked.disagree_count += delta[ReactionValue.DISAGREE]
        locked.save(update_fields=["agree_count", "disagree_count"])
        publish_after_commit(
            locked.debate_id,
            {
                "type": "comment.reactions",
                "id": locked.pk,
                "agree": locked.agree_count,
                "disagree": locked.disagree_count,
            },
        )
    return locked
