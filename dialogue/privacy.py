"""What the debates do when a person deletes their account (core.hooks.ACCOUNT_DELETING).

Their comments stay, so the threads others replied to stay readable, but lose the author
(Comment.author is SET_NULL). What else names the person goes here, inside the deletion's
transaction: the earlier texts of their edited comments are emptied (an edit is often made to
take something out), their reactions are taken back from the counts, and the moderation log,
which is otherwise never changed, says "Deleted account #<tag>" instead of their name. Log
entries that quoted their comment lose the quote with it."""

from django.db import models
from django.db.models import F

from accounts.models import User
from accounts.privacy import deleted_account_label, redact
from dialogue.models import Comment, CommentRevision, ModerationLogEntry, Reaction, ReactionValue


def account_forget(*, user: User) -> None:
    label = deleted_account_label(user)
    comments = Comment.objects.filter(author=user)
    CommentRevision.objects.filter(comment__in=comments).update(body="")
    _take_back_reactions(user)
    _pseudonymise_log(user, label)


def _take_back_reactions(user: User) -> None:
    """The reactions themselves go with the account (CASCADE); the counts on the comments
    must not keep them."""
    for value, field in (
        (ReactionValue.AGREE, "agree_count"),
        (ReactionValue.DISAGREE, "disagree_count"),
    ):
        ids = list(
            Reaction.objects.filter(user=user, value=value).values_list("comment_id", flat=True)
        )
        if ids:
            Comment.objects.filter(pk__in=ids, **{f"{field}__gt": 0}).update(
                **{field: F(field) - 1}
            )


def _pseudonymise_log(user: User, label: str) -> None:
    """The one change the log allows (ModerationLogEntry refuses updates through the model and
    its queryset): entries about the person keep what happened, when, by whom and why, and
    name them by the pseudonym. A moderator's note keeps its words, without the person's name
    or address."""
    about = ModerationLogEntry.objects.filter(
        models.Q(target_user=user) | models.Q(comment__author=user)
    )
    writer = models.QuerySet(model=ModerationLogEntry)  # the plain queryset: update allowed
    for entry in about.only("pk", "comment_id", "note"):
        target = f"#{entry.comment_id} {label}" if entry.comment_id else label
        writer.filter(pk=entry.pk).update(target=target[:255], note=redact(entry.note, user, label))
