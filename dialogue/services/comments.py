"""What residents do with their own comments: write, change, delete. The socket and the plain
HTTP forms both come here."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from limits import parse

from core import ratelimit
from core.errors import ServiceError
from core.plaintext import render_plain_text
from core.rules import require
from dialogue.models import (
    MAX_COMMENT_LENGTH,
    MAX_DEPTH,
    Comment,
    CommentRevision,
    CommentStatus,
    DebatePage,
    DebateState,
    HeldBecause,
)
from dialogue.services.following import commenter_follows
from dialogue.services.transitions import CommentAction, move_comment
from dialogue.services.words import listed_terms_in, moderation_settings


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ServiceError("empty", _("Write something before you send."), 400)
    if len(body) > MAX_COMMENT_LENGTH:
        raise ServiceError(
            "too_long",
            _("A comment can be at most %(limit)d characters. Yours is %(length)d.")
            % {"limit": MAX_COMMENT_LENGTH, "length": len(body)},
            400,
        )
    return body


def _check_rate_limit(user, ip: str | None) -> None:
    rate = settings.RATE_LIMITS["comment.post"].get("user")
    message = ""
    if rate:
        message = _("You can post %(limit)d comments a minute. Wait a little and send again.") % {
            "limit": parse(rate).amount
        }
    ratelimit.hit("comment.post", user=user, ip=ip, message=message)


def _parse_client_id(client_id) -> uuid.UUID | None:
    if client_id in (None, ""):
        return None
    try:
        return uuid.UUID(str(client_id))
    except ValueError as exc:
        raise ServiceError("bad_client_id", _("The message could not be read."), 400) from exc


def _resolve_parent(debate: DebatePage, parent_id) -> Comment | None:
    if parent_id in (None, ""):
        return None
    try:
        parent = Comment.objects.get(pk=int(parent_id), debate=debate)
    except (Comment.DoesNotExist, ValueError, TypeError) as exc:
        raise ServiceError("no_parent", _("The comment you reply to is gone."), 400) from exc
    if parent.status == CommentStatus.PENDING:
        raise ServiceError("no_parent", _("The comment you reply to is gone."), 400)
    # Threads are three levels deep; a reply to the third level joins that level.
    if parent.depth >= MAX_DEPTH:
        parent = parent.parent
    return parent


def comment_create(
    *, user, debate: DebatePage, body: str, parent_id=None, client_id=None, ip: str | None = None
) -> tuple[Comment, bool]:
    """Returns the comment and whether it is new. A retry with the same client id returns the
    comment already saved, never a duplicate. `ip` is the client address (core.clientip), for
    the limit per address."""
    client_uuid = _parse_client_id(client_id)
    try:
        require(user, "dialogue.post_comment", debate)
        body = _clean_body(body)
        parent = _resolve_parent(debate, parent_id)
        _check_rate_limit(user, ip)
    except ServiceError:
        # A retry of a comment already saved (the page resends what it has no answer for)
        # gets that comment, even when a new one would now be refused. Looked up only here
        # and on the unique constraint below, not before every new comment.
        existing = _already_saved(user, client_uuid)
        if existing is None:
            raise
        return existing, False
    now = timezone.now()
    action, held_because = CommentAction.CREATE, ""
    if debate.state == DebateState.PREMODERATED:
        action, held_because = CommentAction.CREATE_HELD, HeldBecause.PREMODERATION
    elif listed_terms_in(body, moderation_settings().terms()):
        # Never a silent deletion: the author sees it marked as awaiting moderation.
        action, held_because = CommentAction.CREATE_HELD, HeldBecause.WORD_LIST
    comment = Comment(
        debate=debate,
        author=user,
        parent=parent,
        root=(parent.root or parent) if parent else None,
        depth=parent.depth + 1 if parent else 0,
        client_id=client_uuid or uuid.uuid4(),
        body=body,
        body_html=render_plain_text(body),
        held_because=held_because,
        queued_at=now if held_because else None,
        created_at=now,
    )
    try:
        comment.full_clean(exclude=["debate", "author", "parent", "root"])
    except ValidationError as exc:
        raise ServiceError("invalid", " ".join(exc.messages), 400) from exc
    try:
        with transaction.atomic():
            move_comment(comment, action, now=now)
            commenter_follows(user=user, debate=debate)
    except IntegrityError:
        existing = _already_saved(user, comment.client_id)
        if existing is None:
            raise
        return existing, False
    return comment, True


def _already_saved(user, client_uuid: uuid.UUID | None) -> Comment | None:
    if client_uuid is None or not user.is_authenticated:
        return None
    return Comment.objects.filter(author=user, client_id=client_uuid).first()


def comment_edit(*, user, comment: Comment, body: str, ip: str | None = None) -> Comment:
    require(user, "dialogue.edit_comment", comment)
    body = _clean_body(body)
    if body == comment.body:
        return comment
    ratelimit.hit("comment.edit", user=user, ip=ip)
    terms = moderation_settings().terms()
    added_terms = set(listed_terms_in(body, terms)) - set(listed_terms_in(comment.body, terms))
    with transaction.atomic():
        CommentRevision.objects.create(comment=comment, body=comment.body)
        comment.body = body
        comment.body_html = render_plain_text(body)
        comment.edited_at = timezone.now()
        fields = ["body", "body_html", "edited_at"]
        action = CommentAction.EDIT
        if added_terms:
            action = CommentAction.EDIT_LISTED
            comment.held_because = HeldBecause.WORD_LIST
            fields.append("held_because")
            if comment.status == CommentStatus.PUBLISHED:
                comment.queued_at = comment.edited_at
                fields.append("queued_at")
        move_comment(comment, action, update_fields=fields)
    return comment


def comment_delete(*, user, comment: Comment) -> Comment:
    """The author removes their words; a placeholder keeps the thread readable."""
    require(user, "dialogue.delete_own_comment", comment)
    with transaction.atomic():
        CommentRevision.objects.create(comment=comment, body=comment.body)
        comment.body = ""
        comment.body_html = ""
        move_comment(comment, CommentAction.DELETE, update_fields=["body", "body_html"])
    return comment
