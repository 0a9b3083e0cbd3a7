"""Permissions on debates, checked with `user.has_perm(...)` by views and the socket alike."""

from datetime import timedelta

import rules
from django.conf import settings
from django.utils import timezone

from accounts.rules import can_take_part, is_editor, is_moderator
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


rules.add_perm("dialogue.post_comment", can_take_part & debate_accepts_comments)
rules.add_perm(
    "dialogue.edit_comment",
    can_take_part
    & is_comment_author
    & comment_is_not_removed
    & within_edit_window
    & comment_debate_accepts_comments,
)
rules.add_perm("dialogue.delete_own_comment", is_comment_author & comment_is_not_removed)
rules.add_perm(
    "dialogue.react_to_comment",
    can_take_part & comment_is_published & ~is_comment_author & comment_debate_accepts_comments,
)
rules.add_perm("dialogue.see_comment_revisions", is_moderator)

# Moderation (issue 5). Reporting is not taking part in the debate, so closed debates may
# still be reported; blocked and unverified people may not report.
rules.add_perm("dialogue.report_comment", can_take_part & comment_is_published & ~is_comment_author)
rules.add_perm("dialogue.moderate_comments", is_moderator)
rules.add_perm("dialogue.view_moderation_log", is_moderator)
rules.add_perm("dialogue.switch_debate_state", is_moderator | is_editor)
