"""The policy site's page types other than focus areas and goals."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from core.search import StemmedSearch
from home.blocks import BodyBlock, PrinciplesBlock, ResponsibilitiesBlock
from home.models.plain import plain_summary_field

HOME_SUBPAGE_TYPES = [
    "home.PolicyPage",
    "home.BarometerPage",
    "home.ContentPage",
    "dialogue.DebateIndexPage",
    "events.EventIndexPage",
    "partnerships.PartnerIndexPage",
]


class HomePage(StemmedSearch, Page):
    """The front door of the site in each language: the call to get involved, and the way in to
    the policy, the barometer, the debates, the partners and the events."""

    intro = models.TextField(_("introduction"), blank=True)
    plain_summary = plain_summary_field()

    content_panels = Page.content_panels + [FieldPanel("plain_summary"), FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("intro"),
    ]
    api_fields = [APIField("plain_summary"), APIField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = HOME_SUBPAGE_TYPES
    max_count_per_parent = 1
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["overview"] = selectors.home_overview(self)
        return context

    def route(self, request, path_components):
        """A page not (yet) translated into this home's language is served from the Danish
        tree under this language's prefix, so a reader is never sent out of their language
        (core/locales.py)."""
        try:
            return super().route(request, path_components)
        except Http404:
            default = self.get_translation_or_none(Locale.get_default())
            if default is None or default.pk == self.pk:
                raise
            return default.specific.route(request, path_components)


class MenuTitleMixin(models.Model):
    """A short label for the main menu, so a page with a long title (the policy's is 60
    characters) still lets the menu fit on one row at 1280 px and stay short on a phone."""

    menu_title = models.CharField(
        _("menu title"),
        max_length=30,
        blank=True,
        help_text=_("A short label for the main menu. Leave empty to use the title."),
    )

    promote_panels = Page.promote_panels + [FieldPanel("menu_title")]

    class Meta:
        abstract = True


class PolicyPage(StemmedSearch, MenuTitleMixin, Page):  # noqa: DJ008 (Page gives __str__)
    """The adopted policy itself: the call, the vision, the way from vision to reality, the
    three principles and who is responsible for what. The focus areas sit below it."""

    intro = models.TextField(_("introduction"), blank=True)
    plain_summary = plain_summary_field()
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("vision and call"))
    principles = StreamField(PrinciplesBlock(), blank=True, verbose_name=_("principles"))
    responsibilities = StreamField(
        ResponsibilitiesBlock(), blank=True, verbose_name=_("responsibilities")
    )
    targets = StreamField(BodyBlock(), blank=True, verbose_name=_("targets"))

    content_panels = Page.content_panels + [
        FieldPanel("plain_summary"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("principles"),
        FieldPanel("responsibilities"),
        FieldPanel("targets"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("principles"),
        index.SearchField("responsibilities"),
        index.SearchField("targets"),
    ]
    api_fields = [
        APIField("plain_summary"),
        APIField("intro"),
        APIField("body"),
        APIField("principles"),
        APIField("responsibilities"),
        APIField("targets"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "home.FocusAreaPage",
        "accountability.ActionPlanPage",
        "accountability.ThinkTankPage",
        "accountability.StatusReportPage",
        "home.ContentPage",
    ]
    template = "home/policy_page.html"

    class Meta:
        verbose_name = _("policy page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().specific().order_by("path")
        return context


class BarometerPage(StemmedSearch, MenuTitleMixin, Page):  # noqa: DJ008 (Page gives __str__)
    """The integration barometer: every main goal and the overall goal at a glance, newest
    half-year first. The goal pages sit below it."""

    intro = models.TextField(_("introduction"), blank=True)
    plain_summary = plain_summary_field()
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("plain_summary"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("plain_summary"), APIField("intro"), APIField("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.GoalPage"]
    max_count_per_parent = 1
    template = "home/barometer_page.html"

    class Meta:
        verbose_name = _("barometer page")

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        goals = selectors.barometer_goals(self)
        context["goals"] = goals
        context["has_examples"] = any(item.has_examples for item in goals)
        return context


class LighthouseProjectPage(StemmedSearch, Page):
    """A fyrtårnsprojekt: the concrete, visible effort that carries a focus area and its
    main goal."""

    summary = models.TextField(_("summary"), blank=True)
    plain_summary = plain_summary_field()
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    goal = models.ForeignKey(
        "home.GoalPage",
        verbose_name=_("main goal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lighthouse_projects",
    )

    content_panels = Page.content_panels + [
        FieldPanel("plain_summary"),
        FieldPanel("summary"),
        FieldPanel("body"),
        PageChooserPanel("goal", page_type="home.GoalPage"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("plain_summary"),
        APIField("summary"),
        APIField("body"),
        APIField("goal"),
    ]
    parent_page_types = ["home.FocusAreaPage"]
    subpage_types = []
    template = "home/lighthouse_project_page.html"

    class Meta:
        verbose_name = _("lighthouse project page")

    def get_context(self, request, *args, **kwargs):
        from home import selectors

        context = super().get_context(request, *args, **kwargs)
        context["focus_area"] = self.get_parent().specific
        context["goal"] = selectors.localized(self.goal)
        return context


class ContentPage(StemmedSearch, Page):
    """A plain page: text in the same blocks as everywhere else."""

    intro = models.TextField(_("introduction"), blank=True)
    plain_summary = plain_summary_field()
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("plain_summary"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("plain_summary"), APIField("intro"), APIField("body")]
    parent_page_types = ["home.HomePage", "home.PolicyPage", "home.FocusAreaPage"]
    subpage_types = ["home.ContentPage"]
    template = "home/content_page.html"

    class Meta:
        verbose_name = _("content page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().order_by("path")
        return context


class LoadRecord(models.Model):
    """What `load_policy` last wrote to a page, so a rerun can tell its own text from an
    editor's change and leave the editor's alone."""

    key = models.CharField(max_length=120, unique=True, null=True, verbose_name=_("key"))  # noqa: DJ001 (unique)
    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    source_hash = models.CharField(max_length=64, verbose_name=_("source hash"))
    written_hash = models.CharField(max_length=64, verbose_name=_("written hash"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("updated"))

    class Meta:
        verbose_name = _("policy load record")

    def __str__(self):
        return f"{self.page_id}: {self.written_hash[:8]}"
