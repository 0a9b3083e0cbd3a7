"""The yearly status report to the City Council (Borgerrepræsentationen): the platform's own
figures for one year, frozen when the report is made, with the editors' foreword and
conclusions around them."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from accountability.admin_forms import StatusReportForm
from core.search import StemmedSearch
from home.models.plain import plain_summary_field

RICH = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class StatusReportPage(StemmedSearch, Page):
    """One year's report. Its figures are a snapshot (`figures`), built from the platform's data
    when the editor makes the report (or asks for them again while it is a draft) and never
    after it is first published: a published report says what was known when it was sent."""

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2011), MaxValueValidator(2100)]
    )
    plain_summary = plain_summary_field()
    foreword = RichTextField(_("foreword"), features=RICH, blank=True)
    conclusions = RichTextField(_("conclusions"), features=RICH, blank=True)
    figures = models.JSONField(_("figures"), default=dict, blank=True, editable=False)
    figures_built_at = models.DateTimeField(
        _("figures built"), null=True, blank=True, editable=False
    )

    content_panels = Page.content_panels + [
        FieldPanel("year"),
        HelpPanel(
            content=_(
                "The figures are taken from the platform's data when the report is made. "
                "Until the report is published you can build them again from today's data; "
                "once published they never change."
            )
        ),
        FieldPanel("rebuild_figures"),
        FieldPanel("plain_summary"),
        FieldPanel("foreword"),
        FieldPanel("conclusions"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("foreword"),
        index.SearchField("conclusions"),
        index.FilterField("year"),
    ]
    api_fields = [
        APIField("year"),
        APIField("plain_summary"),
        APIField("foreword"),
        APIField("conclusions"),
        APIField("figures"),
        APIField("figures_built_at"),
    ]
    parent_page_types = ["home.PolicyPage"]
    subpage_types = []
    template = "accountability/status_report_page.html"
    base_form_class = StatusReportForm

    class Meta:
        verbose_name = _("status report page")

    @property
    def is_frozen(self) -> bool:
        """Published once: the figures stay as they were sent to the City Council."""
        return self.first_published_at is not None

    def get_context(self, request, *args, **kwargs):
        from accountability import reporting

        context = super().get_context(request, *args, **kwargs)
        context["report"] = reporting.for_display(self.figures)
        if self.live and self.first_published_at:
            from django.urls import reverse

            one = reverse(
                "accountability:report_table_csv", kwargs={"year": self.year, "table": "t"}
            )
            context["csv_base"] = one[: -len("t.csv")]
        return context
