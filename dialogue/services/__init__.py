"""Every write on debates (DESIGN.md: `<entity>_<action>`, keyword-only, full_clean, one
transaction, side effects after commit). The socket, the plain HTTP forms and the moderators'
admin screens all come here.

- `comments`: residents write, change and delete their comments;
- `reactions`, `reports`: readers agree, disagree and report;
- `moderation`: the moderators' actions on comments and their authors;
- `debates`: a debate's state (open, pre-moderated, closed).

What they share is public inside the package: `transitions` (the one status table, with the
"counted when first visible" rule), `live` (events after commit), `audit` (the moderation
log), `notify` (telling an author) and `words` (the word list)."""

from dialogue.services.comments import comment_create, comment_delete, comment_edit
from dialogue.services.debates import debate_set_state
from dialogue.services.live import debate_topic
from dialogue.services.moderation import (
    BLOCK_DAYS,
    BLOCKED_FOR_GOOD,
    MAX_NOTE,
    author_block,
    author_warn,
    comment_approve,
    comment_hide,
    comment_remove,
    comment_restore,
)
from dialogue.services.reactions import reaction_set
from dialogue.services.reports import report_create

__all__ = [
    "BLOCKED_FOR_GOOD",
    "BLOCK_DAYS",
    "MAX_NOTE",
    "author_block",
    "author_warn",
    "comment_approve",
    "comment_create",
    "comment_delete",
    "comment_edit",
    "comment_hide",
    "comment_remove",
    "comment_restore",
    "debate_set_state",
    "debate_topic",
    "reaction_set",
    "report_create",
]
