"""Topic debates: the policy's "internetbaserede dialogredskaber om specifikke integrationsemner".

A debate is a Wagtail page (editors write the question); comments, reactions and revisions are
resident input and plain models, never rich text.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

MAX_COMMENT_LENGTH = 2000
MAX_DEPTH = 2  # top level is 0: threads are three levels deep; deeper replies attach to level 2


class DebateState(models.TextChoices):
    OPEN = "open", _("Open")
    PREMODERATED = "premoderated", _("Open, comments are checked first")
    CLOSED = "closed", _("Closed")


class DebateIndexPage(Page):
    """All debates in one place, filterable by focus area and state."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["dialogue.DebatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("debate index")

    def get_context(self, request, *args, **kwargs):
        from dialogue.selectors import debate_index

        context = super().get_context(request, *args, **kwargs)
        state = request.GET.get("state") or None
        if state not in DebateState.values:
            state = None
        focus_area = request.GET.get("focus_area") or None
        focus_area = int(focus_area) if focus_area and focus_area.isdigit() else None
        context["debates"] = debate_index(parent=self, focus_area_id=focus_area, state=state)
        context["focus_areas"] = debate_focus_areas(self)
        context["states"] = DebateState.choices
        context["chosen"] = {"state": state, "focus_area": focus_area}
        return context


def debate_focus_areas(index: "DebateIndexPage"):
    """The focus areas that have debates under this index, for the filter."""
    ids = (
        DebatePage.objects.child_of(index)
        .live()
        .exclude(focus_area=None)
        .values_list("focus_area_id", flat=True)
        .distinct()
    )
    return Page.objects.filter(pk__in=ids).order_by("title")


class DebatePage(Page):
    """One question put to Copenhageners, with the comments that answer it."""

    question = models.CharField(_("question"), max_length=255)
    introduction = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    focus_area = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("focus area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=DebateState.choices, default=DebateState.OPEN
    )
    conclusion = models.TextField(
        _("conclusion"), blank=True, help_text=_("Shown at the top when the debate is closed.")
    )
    is_example = models.BooleanField(
        _("example content"), default=False, help_text=_("Marked on the page as an example.")
    )
    comment_count = models.PositiveIntegerField(default=0, editable=False)
    last_activity_at = models.DateTimeField(null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("introduction"),
        PageChooserPanel("focus_area", page_type="home.FocusAreaPage"),
        InlinePanel("goal_links", label=_("Goals")),
        MultiFieldPanel(
            [
                FieldPanel("opens_at"),
                FieldPanel("closes_at"),
                FieldPanel("state"),
                FieldPanel("conclusion"),
            ],
            heading=_("Time and state"),
        ),
        FieldPanel("is_example"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("question", boost=2),
        index.SearchField("introduction"),
        index.SearchField("conclusion"),
        index.FilterField("state"),
    ]
    parent_page_types = ["dialogue.DebateIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("debate")

    def get_context(self, request, *args, **kwargs):
        from dialogue.forms import CommentForm
        from dialogue.selectors import comment_page

        context = super().get_context(request, *args, **kwargs)
        context["comment_page"] = comment_page(
            debate=self,
            viewer=request.user,
            sort=request.GET.get("sort"),
            cursor=request.GET.get("after"),
        )
        context.setdefault("comment_form", CommentForm())
        context["can_post"] = request.user.has_perm("dialogue.post_comment", self)
        context.update(report_context(request.user))
        return context

    def clean(self):
        super().clean()
        if self.state == DebateState.CLOSED and not (self.conclusion or "").strip():
            raise ValidationError(
                {"conclusion": _("Write a conclusion before you close the debate.")}
            )

    def is_accepting_comments(self, now=None) -> bool:
        now = now or timezone.now()
        if self.state == DebateState.CLOSED:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)


def report_context(user) -> dict:
    """What the per-comment report form needs: whether this reader may report at all (the
    per-comment rule, not one's own and only published ones, is applied in the template)."""
    from accounts.rules import can_take_part
    from dialogue.models.moderation import ReportReason

    return {
        "can_report": user.is_authenticated and can_take_part.test(user),
        "report_reasons": ReportReason.choices,
        "hide_reasons": HideReason.choices,
    }


class DebateGoal(Orderable):
    debate = ParentalKey(DebatePage, on_delete=models.CASCADE, related_name="goal_links")
    goal = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("goal", page_type="home.GoalPage")]


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
    def visible_to_all(self):
        return self.filter(status__in=PUBLIC_STATUSES)

    def in_queue(self):
        return self.filter(queued_at__isnull=False)

    def top_level(self):
        return self.filter(parent__isnull=True)


class Comment(models.Model):
    debate = models.ForeignKey(DebatePage, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    root = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="thread",
        help_text="The top-level comment of the thread (itself for a top-level comment's replies).",
    )
    depth = models.PositiveSmallIntegerField(default=0)
    client_id = models.UUIDField(default=uuid.uuid4)
    body = models.TextField(max_length=MAX_COMMENT_LENGTH)
    body_html = models.TextField(editable=False)
    status = models.CharField(
        max_length=16, choices=CommentStatus.choices, default=CommentStatus.PUBLISHED, db_index=True
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    held_because = models.CharField(max_length=16, choices=HeldBecause.choices, blank=True)
    hidden_reason = models.CharField(max_length=16, choices=HideReason.choices, blank=True)
    queued_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When it entered the moderation queue; empty when nothing waits.",
    )
    agree_count = models.PositiveIntegerField(default=0)
    disagree_count = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
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
    def reaction_total(self) -> int:
        return self.agree_count + self.disagree_count

    @property
    def is_withheld(self) -> bool:
        return self.status in WITHHELD_STATUSES


class CommentRevision(models.Model):
    """An earlier text of an edited comment, kept for the moderators."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.comment_id} @ {self.created_at:%Y-%m-%d %H:%M}"


class ReactionValue(models.TextChoices):
    AGREE = "agree", _("Agree")
    DISAGREE = "disagree", _("Disagree")


class Reaction(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reactions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reactions"
    )
    value = models.CharField(max_length=8, choices=ReactionValue.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="one_reaction_per_user")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.value} {self.comment_id}"
