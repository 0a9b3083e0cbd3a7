"""Every write on debates: both the socket and the plain HTTP forms come here.

Each function checks the rules, validates, writes in one transaction and publishes one live
event after commit (DESIGN.md, "How a live comment travels")."""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.live import publish
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
    Reaction,
    ReactionValue,
)
from dialogue.moderation.words import listed_terms_in, moderation_settings
from dialogue.serializers import comment_payload


def debate_topic(debate_id: int) -> str:
    return f"debate:{debate_id}"


def _publish_after_commit(debate_id: int, event: dict) -> None:
    transaction.on_commit(lambda: publish(debate_topic(debate_id), event))


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


def _check_rate_limit(user) -> None:
    limit = settings.DIALOGUE_COMMENTS_PER_MINUTE
    key = f"dialogue:rate:{user.pk}:{int(time.time() // 60)}"
    cache.add(key, 0, timeout=70)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=70)
        count = 1
    if count is None:
        # The shared cache (Redis) is away and counts nothing: fail open (README, "Outages").
        return
    if count > limit:
        raise ServiceError(
            "rate_limited",
            _("You can post %(limit)d comments a minute. Wait a little and send again.")
            % {"limit": limit},
            429,
        )


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
    *, user, debate: DebatePage, body: str, parent_id=None, client_id=None
) -> tuple[Comment, bool]:
    """Returns the comment and whether it is new. A retry with the same client id returns the
    comment already saved, never a duplicate."""
    client_uuid = _parse_client_id(client_id)
    if client_uuid and user.is_authenticated:
        existing = Comment.objects.filter(author=user, client_id=client_uuid).first()
        if existing is not None:
            return existing, False
    require(user, "dialogue.post_comment", debate)
    body = _clean_body(body)
    parent = _resolve_parent(debate, parent_id)
    _check_rate_limit(user)
    now = timezone.now()
    status, held_because = CommentStatus.PUBLISHED, ""
    if debate.state == DebateState.PREMODERATED:
        status, held_because = CommentStatus.PENDING, HeldBecause.PREMODERATION
    elif listed_terms_in(body, moderation_settings().terms()):
        # Never a silent deletion: the author sees it marked as awaiting moderation.
        status, held_because = CommentStatus.PENDING, HeldBecause.WORD_LIST
    comment = Comment(
        debate=debate,
        author=user,
        parent=parent,
        root=(parent.root or parent) if parent else None,
        depth=parent.depth + 1 if parent else 0,
        client_id=client_uuid or uuid.uuid4(),
        body=body,
        body_html=render_plain_text(body),
        status=status,
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
            comment.save()
            if status == CommentStatus.PUBLISHED:
                _count_new_comment(debate.pk, parent, now)
                _publish_after_commit(
                    debate.pk, {"type": "comment.created", "comment": comment_payload(comment)}
                )
    except IntegrityError:
        existing = Comment.objects.filter(author=user, client_id=comment.client_id).first()
        if existing is None:
            raise
        return existing, False
    return comment, True


def _count_new_comment(debate_id: int, parent: Comment | None, now) -> None:
    DebatePage.objects.filter(pk=debate_id).update(
        comment_count=F("comment_count") + 1, last_activity_at=now
    )
    if parent is not None:
        Comment.objects.filter(pk=parent.pk).update(reply_count=F("reply_count") + 1)


def comment_publish_pending(*, comment: Comment) -> Comment:
    """A held comment goes public (approval by a moderator)."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if comment.status != CommentStatus.PENDING:
            return comment
        comment.status = CommentStatus.PUBLISHED
        comment.held_because = ""
        comment.queued_at = None
        comment.save(update_fields=["status", "held_because", "queued_at"])
        _count_new_comment(comment.debate_id, comment.parent, timezone.now())
        _publish_after_commit(
            comment.debate_id, {"type": "comment.created", "comment": comment_payload(comment)}
        )
    return comment


def comment_edit(*, user, comment: Comment, body: str) -> Comment:
    require(user, "dialogue.edit_comment", comment)
    body = _clean_body(body)
    if body == comment.body:
        return comment
    terms = moderation_settings().terms()
    added_terms = set(listed_terms_in(body, terms)) - set(listed_terms_in(comment.body, terms))
    with transaction.atomic():
        CommentRevision.objects.create(comment=comment, body=comment.body)
        comment.body = body
        comment.body_html = render_plain_text(body)
        comment.edited_at = timezone.now()
        fields = ["body", "body_html", "edited_at"]
        event = "comment.edited"
        if added_terms and comment.status == CommentStatus.PUBLISHED:
            # Readers see "hidden pending review" until a moderator has read the new text.
            comment.status = CommentStatus.HELD
            comment.held_because = HeldBecause.WORD_LIST
            comment.queued_at = comment.edited_at
            fields += ["status", "held_because", "queued_at"]
            event = "comment.hidden"
        elif added_terms and comment.status == CommentStatus.PENDING:
            comment.held_because = HeldBecause.WORD_LIST
            fields.append("held_because")
        comment.save(update_fields=fields)
        if event == "comment.hidden" or comment.status == CommentStatus.PUBLISHED:
            _publish_after_commit(
                comment.debate_id, {"type": event, "comment": comment_payload(comment)}
            )
    return comment


def comment_delete(*, user, comment: Comment) -> Comment:
    """The author removes their words; a placeholder keeps the thread readable."""
    require(user, "dialogue.delete_own_comment", comment)
    with transaction.atomic():
        CommentRevision.objects.create(comment=comment, body=comment.body)
        was_published = comment.status == CommentStatus.PUBLISHED
        comment.status = CommentStatus.DELETED
        comment.body = ""
        comment.body_html = ""
        comment.save(update_fields=["status", "body", "body_html"])
        if was_published:
            _publish_after_commit(
                comment.debate_id, {"type": "comment.deleted", "comment": comment_payload(comment)}
            )
    return comment


def reaction_set(*, user, comment: Comment, value: str) -> Comment:
    """One reaction per person and comment: the same value again takes it back."""
    if value not in ReactionValue.values:
        raise ServiceError("bad_value", _("Choose agree or disagree."), 400)
    require(user, "dialogue.react_to_comment", comment)
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
        _publish_after_commit(
            locked.debate_id,
            {
                "type": "comment.reactions",
                "id": locked.pk,
                "agree": locked.agree_count,
                "disagree": locked.disagree_count,
            },
        )
    return locked
