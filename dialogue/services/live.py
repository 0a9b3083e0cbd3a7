"""How a write tells the open pages of a debate: one event, published after commit, so a
rolled-back write is never announced (DESIGN.md, "How a live comment travels")."""

from django.db import transaction

from core import pagecache
from core.live import publish
from dialogue.cache_tags import DEBATES, debate_tag
from dialogue.models import Comment
from dialogue.serializers import comment_payload


def debate_topic(debate_id: int) -> str:
    return f"debate:{debate_id}"


def publish_after_commit(debate_id: int, event: dict) -> None:
    """Every change open pages hear of (comments, moderation, reactions, the debate's state)
    comes through here: the same change retires the cached copies of the debate's pages."""
    pagecache.invalidate(debate_tag(debate_id), DEBATES)
    transaction.on_commit(lambda: publish(debate_topic(debate_id), event))


def announce_comment(comment: Comment, event_type: str) -> None:
    """The comment as it is now (serialised at once, not at commit) under `event_type`."""
    publish_after_commit(
        comment.debate_id, {"type": str(event_type), "comment": comment_payload(comment)}
    )
