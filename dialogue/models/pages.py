"""Topic debates: the policy's "internetbaserede dialogredskaber om specifikke integrationsemner".

A debate is a Wagtail page (editors write the question); the comments that answer it are
resident input and live in `comments.py`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core import pagecache
from core.pages import FilterableIndexMixin
from core.search import StemmedSearch
from home.models.following import FollowableMixin


class DebateState(models.TextChoices):
    OPEN = "open", pgettext_lazy("debate state", "Open")
    PREMODERATED = "premoderated", _("Open, comments are checked first")
    CLOSED = "closed", _("Closed")


def validate_conclusion(state: str, conclusion: str) -> None:
    """The one place that says a closed debate needs a conclusion (shown at its top). The page
    editor, the moderators' state form and `debate_set_state` all ask this."""
    if state == DebateState.CLOSED and not (conclusion or "").strip():
        message = _("Write a conclusion before you close the debate.")
        raise ValidationError({"conclusion": ValidationError(message, code="conclusion_required")})


class DebateIndexPage(StemmedSearch, FilterableIndexMixin, Page):
    """All debates in one place, filterable by focus area and state."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["dialogue.DebatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("debate index")

    @property
    def filter_form_class(self):
        from dialogue.forms import DebateFilterForm  # forms import the models

        return DebateFilterForm

    def filter_form_kwargs(self, request) -> dict:
        # The same for every reader until a page is published: made once per process.
        areas = pagecache.remember(
            f"debate_focus_areas:{self.pk}", lambda: list(debate_focus_areas(self))
        )
        return {"focus_areas": areas}

    def listing_context(self, request, **filters) -> dict:
        from dialogue.selectors import debate_index

        return {"debates": debate_index(parent=self, **filters)}


def debate_focus_areas(index: "DebateIndexPage"):
    """The focus areas that have debates under this index or its translations, for the filter."""
    from core.locales import children_in_every_language

    ids = (
        children_in_every_language(index, DebatePage)
        .live()
        .exclude(focus_area=None)
        .values_list("focus_area_id", flat=True)
        .distinct()
    )
    return Page.objects.filter(pk__in=ids).order_by("title")


class DebatePage(FollowableMixin, StemmedSearch, Page):
    """One question put to Copenhageners, with the comments that answer it."""

    question = models.CharField(_("question"), max_length=255)
    plain_summary = models.TextField(
        _("in short"),
        blank=True,
        help_text=_(
            "A few short sentences in easy Danish, shown at the top of the page in a box. "
            "Aim for a LIX score of 35 or less."
        ),
    )
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
    comment_count = models.PositiveIntegerField(
        default=0, editable=False, verbose_name=_("comment count")
    )
    last_activity_at = models.DateTimeField(
        null=True, blank=True, editable=False, verbose_name=_("last activity")
    )

    content_panels = Page.content_panels + [
        FieldPanel("question"),
        FieldPanel("plain_summary"),
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
        index.SearchField("plain_summary"),
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
        from dialogue.selectors import comment_context, comment_list, comment_template_context

        context = super().get_context(request, *args, **kwargs)
        context.update(
            comment_list(
                debate=self,
                user=request.user,
                sort=request.GET.get("sort"),
                cursor=request.GET.get("after"),
            )
        )
        context.setdefault("comment_form", CommentForm(auto_id="comment-form-%s"))
        context["can_post"] = request.user.has_perm("dialogue.post_comment", self)
        context.update(comment_context(request.user))
        context.update(comment_template_context(self))
        return context

    def clean(self):
        super().clean()
        validate_conclusion(self.state, self.conclusion)

    @property
    def is_closed(self) -> bool:
        return self.state == DebateState.CLOSED

    def is_accepting_comments(self, now=None) -> bool:
        now = now or timezone.now()
        if self.is_closed:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)


class DebateGoal(Orderable):
    debate = ParentalKey(
        DebatePage, on_delete=models.CASCADE, related_name="goal_links", verbose_name=_("debate")
    )
    goal = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("goal"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("goal", page_type="home.GoalPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("debate goal")
        verbose_name_plural = _("debate goals")
