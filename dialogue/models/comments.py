"""Comments on debates, their earlier versions and readers' reactions. Resident input: plain
models and plain text, never rich text."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ResidentRecord
from dialogue.models.pages import DebatePage

MAX_COMMENT_LENGTH = 2000
MAX_DEPTH = 2  # top level is 0: threads are three levels deep; deeper replies attach to level 2


class CommentStatus(models.TextChoices):
    PUBLISHED = "published", _("Published")
    PENDING = "pending", _("Awaiting moderation")
    HELD = "held", _("Hidden pending review")
    HIDDEN = "hidden", _("Hidden by the moderators")
    REMOVED = "removed", _("Removed by the moderators")
    DELETED = "deleted", _("Deleted by the author")


# Shown to everyone: the text itself, or a placeholder that keeps the thread readable.
PUBLIC_STATUSES = [
    CommentStatus.PUBLISHED,
    CommentStatus.HELD,
    CommentStatus.HIDDEN,
    CommentStatus.REMOVED,
    CommentStatus.DELETED,
]
# Statuses whose text readers do not see.
WITHHELD_STATUSES = [
    CommentStatus.HELD,
    CommentStatus.HIDDEN,
    CommentStatus.REMOVED,
    CommentStatus.DELETED,
]


class HeldBecause(models.TextChoices):
    """Why a comment waits in the moderation queue."""

    PREMODERATION = "premoderation", _("Pre-moderated debate")
    WORD_LIST = "word_list", _("Word list")
    REPORTS = "reports", _("Reported by readers")


class HideReason(models.TextChoices):
    """Told to readers beside the placeholder: "Hidden by the moderators: <reason>"."""

    SPAM = "spam", _("spam or advertising")
    OFFENSIVE = "offensive", _("hateful or offensive")
    OFF_TOPIC = "off_topic", _("off topic")
    PERSONAL_DATA = "personal_data", _("personal data")
    RULES = "rules", _("breaks the debate rules")


class CommentQuerySet(models.QuerySet):
    def in_queue(self):
        return self.filter(queued_at__isnull=False)


class Comment(ResidentRecord):
    debate = models.ForeignKey(
        DebatePage, on_delete=models.CASCADE, related_name="comments", verbose_name=_("debate")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="comments",
        verbose_name=_("author"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    root = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread",
        help_text=_(
            "The top-level comment of the thread (itself for a top-level comment's replies)."
        ),
        verbose_name=_("thread"),
    )
    depth = models.PositiveSmallIntegerField(default=0, verbose_name=_("depth"))
    client_id = models.UUIDField(default=uuid.uuid4, verbose_name=_("client ID"))
    body = models.TextField(max_length=MAX_COMMENT_LENGTH, verbose_name=_("body"))
    body_html = models.TextField(editable=False, verbose_name=_("body as HTML"))
    status = models.CharField(
        max_length=16,
        choices=CommentStatus.choices,
        default=CommentStatus.PUBLISHED,
        db_index=True,
        verbose_name=_("status"),
    )
    created_at = models.DateTimeField(
        default=timezone.now, db_index=True, verbose_name=_("created")
    )
    edited_at = models.DateTimeField(null=True, blank=True, verbose_name=_("edited"))
    held_because = models.CharField(
        max_length=16, choices=HeldBecause.choices, blank=True, verbose_name=_("held because")
    )
    hidden_reason = models.CharField(
        max_length=16, choices=HideReason.choices, blank=True, verbose_name=_("hidden reason")
    )
    queued_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When it entered the moderation queue; empty when nothing waits."),
        verbose_name=_("queued"),
    )
    agree_count = models.PositiveIntegerField(default=0, verbose_name=_("agree count"))
    disagree_count = models.PositiveIntegerField(default=0, verbose_name=_("disagree count"))
    reply_count = models.PositiveIntegerField(default=0, verbose_name=_("reply count"))

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["author", "client_id"], name="comment_unique_client_id")
        ]
        indexes = [
            models.Index(fields=["debate", "parent", "id"], name="comment_debate_thread"),
            models.Index(fields=["debate", "id"], name="comment_debate_after_id"),
        ]

    def __str__(self) -> str:
        return f"{self.author or '?'}: {self.body[:40]}"

    @property
    def is_withheld(self) -> bool:
        return self.status in WITHHELD_STATUSES

    # For templates, which compare against these instead of status literals.
    @property
    def is_published(self) -> bool:
        return self.status == CommentStatus.PUBLISHED

    @property
    def is_pending(self) -> bool:
        return self.status == CommentStatus.PENDING

    @property
    def is_held(self) -> bool:
        return self.status == CommentStatus.HELD

    @property
    def is_deleted(self) -> bool:
        return self.status == CommentStatus.DELETED

    @property
    def is_hidden_by_moderators(self) -> bool:
        return self.status in (CommentStatus.HIDDEN, CommentStatus.REMOVED)


class CommentRevision(ResidentRecord):
    """An earlier text of an edited comment, kept for the moderators."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("comment")
    )
    body = models.TextField(
        verbose_name=_("body"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created"))

    class Meta:
        verbose_name = _("comment revision")
        verbose_name_plural = _("comment revisions")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.comment_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class ReactionValue(models.TextChoices):
    AGREE = "agree", _("Agree")
    DISAGREE = "disagree", _("Disagree")


class Reaction(ResidentRecord):
    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reactions", verbose_name=_("comment")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reactions",
        verbose_name=_("user"),
    )
    value = models.CharField(max_length=8, choices=ReactionValue.choices, verbose_name=_("value"))
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created"))

    class Meta:
        verbose_name = _("reaction")
        verbose_name_plural = _("reactions")
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_reaction_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.value} {self.comment_id}"
