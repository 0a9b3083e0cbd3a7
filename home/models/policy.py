"""The policy's focus areas and main goals, and the barometer's indicators and measurements."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from core.search import StemmedSearch
from home.blocks import ActionsBlock, BodyBlock
from home.models.following import FollowableMixin
from home.models.plain import plain_summary_field


class FocusAreaPage(FollowableMixin, StemmedSearch, Page):
    """One of the policy's four indsatsområder: why it matters, what the city does ("Det gør
    vi ved, at"), and the way to its main goals and its lighthouse project."""

    number = models.CharField(_("number"), max_length=10, blank=True, help_text=_("E.g. 4.1"))
    intro = models.TextField(_("introduction"), blank=True)
    plain_summary = plain_summary_field()
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    actions_heading = models.CharField(_("actions heading"), max_length=120, blank=True)
    actions = StreamField(ActionsBlock(), blank=True, verbose_name=_("actions"))

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("plain_summary"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("actions_heading"),
        FieldPanel("actions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("actions"),
    ]
    api_fields = [
        APIField("number"),
        APIField("plain_summary"),
        APIField("intro"),
        APIField("body"),
        APIField("actions_heading"),
        APIField("actions"),
    ]
    parent_page_types = ["home.PolicyPage"]
    subpage_types = ["home.LighthouseProjectPage", "home.ContentPage"]
    template = "home/focus_area_page.html"

    class Meta:
        verbose_name = _("focus area page")

    def get_context(self, request, *args, **kwargs):
        from home.models.pages import LighthouseProjectPage

        context = super().get_context(request, *args, **kwargs)
        # By translation key, so a translated goal still linking to the Danish area counts.
        context["goals"] = (
            GoalPage.objects.live()
            .filter(locale_id=self.locale_id, focus_area__translation_key=self.translation_key)
            .order_by("number")
        )
        context["projects"] = LighthouseProjectPage.objects.live().child_of(self)
        return context


class GoalPage(FollowableMixin, StemmedSearch, Page):
    """One of the six main goals (hovedmål), or the overall goal, with the barometer's
    indicators and their half-yearly measurements."""

    number = models.PositiveSmallIntegerField(
        _("number"), null=True, blank=True, help_text=_("Empty for the overall goal.")
    )
    is_overall = models.BooleanField(_("overall goal"), default=False)
    short_title = models.CharField(_("short title"), max_length=160, blank=True)
    statement = models.TextField(_("goal as adopted"), blank=True)
    plain_summary = plain_summary_field()
    target_text = models.CharField(_("target as written"), max_length=255, blank=True)
    focus_area = models.ForeignKey(
        "home.FocusAreaPage",
        verbose_name=_("focus area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="goals",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("is_overall"),
        FieldPanel("short_title"),
        FieldPanel("statement"),
        FieldPanel("plain_summary"),
        FieldPanel("target_text"),
        PageChooserPanel("focus_area", page_type="home.FocusAreaPage"),
        FieldPanel("body"),
        InlinePanel("indicators", heading=_("Indicators"), label=_("Indicator")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_title"),
        index.SearchField("statement"),
        index.SearchField("plain_summary"),
        index.SearchField("body"),
        index.FilterField("is_overall"),
    ]
    api_fields = [
        APIField("number"),
        APIField("is_overall"),
        APIField("short_title"),
        APIField("statement"),
        APIField("plain_summary"),
        APIField("target_text"),
        APIField("focus_area"),
        APIField("body"),
        APIField("indicators"),
    ]
    parent_page_types = ["home.BarometerPage"]
    subpage_types = []
    template = "home/goal_page.html"
    # Indicator rows are neither translated nor synchronised by wagtail-localize: their numbers
    # live on the Danish page only, and each language keeps its own rows with its own names
    # (home.translating), which a translation saved later must not overwrite with Danish ones.
    override_translatable_fields = [BaseTranslatableField("indicators")]

    class Meta:
        verbose_name = _("goal page")
        ordering = ["path"]

    def get_context(self, request, *args, **kwargs):
        from home import selectors
        from home.models.pages import LighthouseProjectPage

        context = super().get_context(request, *args, **kwargs)
        context["goal_data"] = selectors.goal_data(self)
        # Read only when the page's sections are rendered, not when they are reused.
        context["focus_area"] = SimpleLazyObject(lambda: selectors.localized(self.focus_area))
        context["projects"] = LighthouseProjectPage.objects.live().filter(
            locale_id=self.locale_id, goal__translation_key=self.translation_key
        )
        context["barometer"] = SimpleLazyObject(self.get_parent)
        return context


class Indicator(Orderable, ClusterableModel):
    """What the barometer measures for a goal, with the start point and the target. A target
    left empty means the policy has not set one yet: it is never guessed."""

    page = ParentalKey(
        GoalPage, related_name="indicators", on_delete=models.CASCADE, verbose_name=_("page")
    )
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=12, decimal_places=3, null=True, blank=True
    )
    baseline_date = models.DateField(_("baseline date"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"),
        max_digits=12,
        decimal_places=3,
        null=True,
        blank=True,
        help_text=_("Leave empty while the target is not yet set."),
    )
    target_date = models.DateField(_("target date"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("unit"),
        FieldPanel("higher_is_better"),
        MultiFieldPanel(
            [FieldPanel("baseline_value"), FieldPanel("baseline_date")], heading=_("Baseline")
        ),
        MultiFieldPanel(
            [FieldPanel("target_value"), FieldPanel("target_date")], heading=_("Target")
        ),
        FieldPanel("source"),
        FieldPanel("note"),
        InlinePanel(
            "measurements",
            heading=_("Measurements"),
            label=_("Measurement"),
            help_text=_(
                "Enter numbers on the goal page in the default language (Danish): "
                "translated goal pages show them under their own indicator names."
            ),
        ),
    ]

    api_fields = [
        APIField(name)
        for name in (
            "name",
            "unit",
            "higher_is_better",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "source",
            "note",
            "measurements",
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")

    def __str__(self):
        return self.name


class Measurement(Orderable):
    """One published value of an indicator for a period, usually a half-year."""

    indicator = ParentalKey(
        Indicator,
        related_name="measurements",
        on_delete=models.CASCADE,
        verbose_name=_("indicator"),
    )
    period_label = models.CharField(
        _("period"), max_length=60, help_text=_("As published, e.g. “2012, 1. halvår”.")
    )
    period_start = models.DateField(_("period start"), help_text=_("Used to order periods."))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=3)
    published = models.DateField(_("date published"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Example data, not a real measurement.")
    )

    panels = [
        FieldPanel("period_label"),
        FieldPanel("period_start"),
        FieldPanel("value"),
        FieldPanel("published"),
        FieldPanel("source"),
        FieldPanel("note"),
        FieldPanel("is_example"),
    ]

    api_fields = [
        APIField(name)
        for name in (
            "period_label",
            "period_start",
            "value",
            "published",
            "source",
            "note",
            "is_example",
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("measurement")
        ordering = ["period_start", "sort_order"]

    def __str__(self):
        return f"{self.period_label}: {self.value}"
