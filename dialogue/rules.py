"""Permissions on debates, checked with `user.has_perm(...)` by views and the socket alike."""

from datetime import timedelta

import rules
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.rules import NOT_BLOCKED, VERIFIED, is_editor, is_logged_in, is_moderator
from core.rules import add_perm, when
from dialogue.models import CommentStatus


@rules.predicate
def debate_accepts_comments(user, debate) -> bool:
    return debate is not None and debate.is_accepting_comments()


@rules.predicate
def comment_debate_accepts_comments(user, comment) -> bool:
    return comment is not None and comment.debate.is_accepting_comments()


@rules.predicate
def is_comment_author(user, comment) -> bool:
    return comment is not None and user.is_authenticated and comment.author_id == user.pk


@rules.predicate
def comment_is_published(user, comment) -> bool:
    return comment is not None and comment.status == CommentStatus.PUBLISHED


@rules.predicate
def comment_is_not_removed(user, comment) -> bool:
    """Still the author's own words to change: not deleted, and not withheld by moderation."""
    return comment is not None and comment.status in (
        CommentStatus.PUBLISHED,
        CommentStatus.PENDING,
    )


@rules.predicate
def within_edit_window(user, comment) -> bool:
    window = timedelta(minutes=settings.DIALOGUE_EDIT_WINDOW_MINUTES)
    return comment is not None and timezone.now() - comment.created_at <= window


def _edit_window_message() -> str:
    return _("Comments can only be changed in the first %(minutes)d minutes.") % {
        "minutes": settings.DIALOGUE_EDIT_WINDOW_MINUTES
    }


LOGGED_IN = when(is_logged_in, "login_required", _("Log in to take part in the debate."), 401)
TAKING_PART = (LOGGED_IN, VERIFIED, NOT_BLOCKED)
DEBATE_OPEN = when(
    debate_accepts_comments, "closed", _("This debate does not take comments now."), 409
)
COMMENT_DEBATE_OPEN = when(
    comment_debate_accepts_comments, "closed", _("This debate does not take comments now."), 409
)
ONLY_MODERATORS = when(is_moderator, "not_allowed", _("Only moderators can do that."))

add_perm("dialogue.post_comment", *TAKING_PART, DEBATE_OPEN)
add_perm(
    "dialogue.edit_comment",
    *TAKING_PART,
    when(is_comment_author, "not_allowed", _("You cannot change this comment.")),
    when(comment_is_not_removed, "not_allowed", _("You cannot change this comment.")),
    when(within_edit_window, "edit_window", _edit_window_message),
    COMMENT_DEBATE_OPEN,
)
add_perm(
    "dialogue.delete_own_comment",
    when(is_comment_author, "not_allowed", _("You cannot delete this comment.")),
    when(comment_is_not_removed, "not_allowed", _("You cannot delete this comment.")),
)
add_perm(
    "dialogue.react_to_comment",
    when(~is_comment_author, "own_comment", _("You cannot react to your own comment.")),
    *TAKING_PART,
    when(comment_is_published, "not_published", _("You cannot react to this comment."), 409),
    COMMENT_DEBATE_OPEN,
)
add_perm("dialogue.see_comment_revisions", ONLY_MODERATORS)

# Reporting is not taking part in the debate, so closed debates may still be reported; blocked
# and unverified people may not report.
add_perm(
    "dialogue.report_comment",
    when(~is_comment_author, "own_comment", _("You cannot report your own comment.")),
    *TAKING_PART,
    when(
        comment_is_published,
        "not_published",
        _("The moderators already look at this comment."),
        409,
    ),
)
add_perm("dialogue.moderate_comments", ONLY_MODERATORS)
add_perm("dialogue.view_moderation_log", ONLY_MODERATORS)
add_perm(
    "dialogue.switch_debate_state",
    when(is_moderator | is_editor, "not_allowed", _("You cannot change the state of debates.")),
)
