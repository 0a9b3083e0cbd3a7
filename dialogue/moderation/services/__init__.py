"""Every moderation write: readers' reports and the moderators' actions.

Each action checks the rules, changes the comment in one transaction, writes one audit log
entry, tells the author when their words are withheld, and after commit tells every open page
of the debate (`comment.hidden`, `comment.restored`, `comment.created`)."""

from dialogue.moderation.services._common import BLOCKED_FOR_GOOD, MAX_NOTE
from dialogue.moderation.services.comments import (
    comment_approve,
    comment_hide,
    comment_remove,
    comment_restore,
)
from dialogue.moderation.services.debates import debate_set_state
from dialogue.moderation.services.people import BLOCK_DAYS, author_block, author_warn
from dialogue.moderation.services.reports import report_create

__all__ = [
    "BLOCKED_FOR_GOOD",
    "BLOCK_DAYS",
    "MAX_NOTE",
    "author_block",
    "author_warn",
    "comment_approve",
    "comment_hide",
    "comment_remove",
    "comment_restore",
    "debate_set_state",
    "report_create",
]
