"""The one table of how a comment's status changes.

Every write that moves a comment (posting, the word list, readers' reports, the author's edit
and deletion, each moderator action) looks up `(status before, action)` here and gets the
status after, the live event the open pages receive, and whether the comment now counts.
A pair that is not in the table is refused with 409: the comment moved on in the meantime
(another moderator, the author), and nothing is written.

"Counted when first visible": a debate's `comment_count` and the parent's `reply_count` go up
once, when readers first see the comment (its text, or the moderators' placeholder in its
place). That happens in `_count_first_visible`, nowhere else. The same moment, when readers
first see the comment's own words, tells the parent's author and the debate's followers
(services/following.py).
"""

from dataclasses import dataclass
from enum import StrEnum

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.errors import ServiceError
from dialogue.models import Comment, CommentStatus, DebatePage
from dialogue.services.following import comment_went_public
from dialogue.services.live import announce_comment


class CommentAction(StrEnum):
    CREATE = "create"  # published at once
    CREATE_HELD = "create_held"  # pre-moderated debate, or a listed word: waits for a moderator
    EDIT = "edit"
    EDIT_LISTED = "edit_listed"  # the new text adds a listed word
    DELETE = "delete"  # by its author
    HOLD = "hold"  # enough readers reported it
    APPROVE = "approve"
    HIDE = "hide"
    RESTORE = "restore"
    REMOVE = "remove"  # personal data: the text is deleted for good


class LiveEvent(StrEnum):
    CREATED = "comment.created"
    EDITED = "comment.edited"
    DELETED = "comment.deleted"
    HIDDEN = "comment.hidden"
    RESTORED = "comment.restored"


@dataclass(frozen=True)
class Step:
    to: CommentStatus
    event: LiveEvent | None = None
    counts: bool = False  # readers see it for the first time: counters +1


S = CommentStatus
A = CommentAction
E = LiveEvent
NEW = None  # the status "before" of a comment not saved yet

TRANSITIONS: dict[tuple[CommentStatus | None, CommentAction], Step] = {
    (NEW, A.CREATE): Step(S.PUBLISHED, E.CREATED, counts=True),
    (NEW, A.CREATE_HELD): Step(S.PENDING),
    (S.PUBLISHED, A.EDIT): Step(S.PUBLISHED, E.EDITED),
    (S.PENDING, A.EDIT): Step(S.PENDING),
    # Readers see "hidden pending review" until a moderator has read the new text.
    (S.PUBLISHED, A.EDIT_LISTED): Step(S.HELD, E.HIDDEN),
    (S.PENDING, A.EDIT_LISTED): Step(S.PENDING),
    (S.PUBLISHED, A.DELETE): Step(S.DELETED, E.DELETED),
    (S.PENDING, A.DELETE): Step(S.DELETED),  # nobody else ever saw it
    (S.PUBLISHED, A.HOLD): Step(S.HELD, E.HIDDEN),
    (S.PENDING, A.APPROVE): Step(S.PUBLISHED, E.CREATED, counts=True),
    (S.HELD, A.APPROVE): Step(S.PUBLISHED, E.RESTORED),
    # Reported below the threshold, or deleted by its author while in the queue: the
    # reports are dismissed and the status stays.
    (S.PUBLISHED, A.APPROVE): Step(S.PUBLISHED),
    (S.DELETED, A.APPROVE): Step(S.DELETED),
    (S.PUBLISHED, A.HIDE): Step(S.HIDDEN, E.HIDDEN),
    (S.PENDING, A.HIDE): Step(S.HIDDEN, E.HIDDEN, counts=True),  # takes its place in the thread
    (S.HELD, A.HIDE): Step(S.HIDDEN, E.HIDDEN),
    (S.HIDDEN, A.HIDE): Step(S.HIDDEN, E.HIDDEN),  # a different reason
    (S.HIDDEN, A.RESTORE): Step(S.PUBLISHED, E.RESTORED),
    (S.HELD, A.RESTORE): Step(S.PUBLISHED, E.RESTORED),
    (S.PUBLISHED, A.REMOVE): Step(S.REMOVED, E.HIDDEN),
    (S.PENDING, A.REMOVE): Step(S.REMOVED, E.HIDDEN, counts=True),
    (S.HELD, A.REMOVE): Step(S.REMOVED, E.HIDDEN),
    (S.HIDDEN, A.REMOVE): Step(S.REMOVED, E.HIDDEN),
    (S.DELETED, A.REMOVE): Step(S.REMOVED, E.HIDDEN),
}

# What a refused pair tells the person, by action (code, message).
REFUSALS = {
    A.APPROVE: ("not_in_queue", _("This comment is not waiting for anyone.")),
    A.HIDE: ("gone", _("This comment is already gone.")),
    A.RESTORE: ("not_hidden", _("Only a hidden comment can be restored.")),
    A.REMOVE: ("gone", _("This comment is already removed.")),
}
DEFAULT_REFUSAL = ("wrong_status", _("This comment has changed in the meantime. Reload the page."))


def step_for(status: CommentStatus | str | None, action: CommentAction) -> Step:
    """The table's answer, or a ServiceError 409 when the pair is not allowed."""
    step = TRANSITIONS.get((status, CommentAction(action)))
    if step is None:
        code, message = REFUSALS.get(action, DEFAULT_REFUSAL)
        raise ServiceError(code, message, 409)
    return step


def move_comment(comment: Comment, action: CommentAction, *, update_fields=(), now=None) -> Step:
    """Moves `comment` by `action` and saves it: the whole comment when it is new, otherwise
    `update_fields` and its status. Counts it when readers first see it and publishes the
    step's live event after commit. Call it inside the write's transaction."""
    before = None if comment._state.adding else comment.status
    step = step_for(before, action)
    comment.status = step.to
    if before is None:
        comment.save()
    else:
        comment.save(update_fields=list(dict.fromkeys([*update_fields, "status"])))
    if step.counts:
        _count_first_visible(comment, now or timezone.now())
        if step.to == S.PUBLISHED:
            comment_went_public(comment)
    if step.event:
        announce_comment(comment, step.event)
    return step


def _count_first_visible(comment: Comment, now) -> None:
    DebatePage.objects.filter(pk=comment.debate_id).update(
        comment_count=F("comment_count") + 1, last_activity_at=now
    )
    if comment.parent_id is not None:
        Comment.objects.filter(pk=comment.parent_id).update(reply_count=F("reply_count") + 1)


def lock_comment(comment: Comment) -> Comment:
    """The comment re-read under a row lock, so two moderators (or a moderator and the
    author) cannot both move it from the same status."""
    return (
        Comment.objects.select_for_update(of=("self",))
        .select_related("debate", "author")
        .get(pk=comment.pk)
    )
