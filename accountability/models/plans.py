"""The committees' action plans (handleplaner): each plan is a page, its activities are rows of
that page (so they share its revisions, drafts and moderation workflow), and every change of an
activity's status is kept as a dated history entry when the plan is published."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import BaseTranslatableField

from accountability.admin_forms import ActionPlanForm
from core.search import StemmedSearch
from home.models.following import FollowableMixin
from home.models.plain import plain_summary_field


def default_language_pages() -> dict:
    """Activities point at the goal, focus area and lighthouse pages in the default language
    (Danish); every translation of those pages lists the same activities."""
    from wagtail.models import Locale

    return {"locale": Locale.get_default()}


class Committee(models.Model):
    """One of the City Council's standing committees (udvalg). Each draws up an action plan."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    UNDER_WAY = "under_way", _("Under way")
    DONE = "done", _("Done")
    DELAYED = "delayed", _("Delayed")
    STOPPED = "stopped", _("Stopped")


PROGRESS_MESSAGE = _("Progress is a per cent between 0 and 100.")

# A mark beside each status, so the status does not rest on colour alone.
STATUS_MARKS = {
    ActivityStatus.PLANNED: "○",
    ActivityStatus.UNDER_WAY: "◐",
    ActivityStatus.DONE: "●",
    ActivityStatus.DELAYED: "◔",
    ActivityStatus.STOPPED: "✕",
}


class ActionPlanPage(FollowableMixin, StemmedSearch, Page):
    """A committee's action plan: what it does for the policy's goals, activity by activity.
    Plans are flexible: the committee revises them as the city's needs change."""

    committee = models.ForeignKey(
        Committee,
        verbose_name=_("committee"),
        on_delete=models.PROTECT,
        related_name="plans",
    )
    plain_summary = plain_summary_field()
    intro = models.TextField(_("introduction"), blank=True)
    is_example = models.BooleanField(
        _("example"), default=False, help_text=_("Example content, not a real plan.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("committee"),
        FieldPanel("plain_summary"),
        FieldPanel("intro"),
        FieldPanel("is_example"),
        InlinePanel("activities", heading=_("Activities"), label=_("Activity")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("intro"),
        index.SearchField("activity_text"),
    ]
    api_fields = [
        APIField("committee"),
        APIField("plain_summary"),
        APIField("intro"),
        APIField("is_example"),
        APIField("activities"),
    ]
    parent_page_types = ["home.PolicyPage"]
    subpage_types = []
    template = "accountability/action_plan_page.html"
    base_form_class = ActionPlanForm
    # Activities live on the plan in the default language (Danish) only; a translated plan shows
    # them from there (selectors.plan_activities), so their history is kept once.
    override_translatable_fields = [BaseTranslatableField("activities")]

    class Meta:
        verbose_name = _("action plan page")

    def activity_text(self) -> str:
        """The committee and the activities' words, so a search for an activity finds its plan
        (in every language: a translation is indexed with its Danish plan's activities)."""
        from accountability import selectors

        parts = [self.committee.name if self.committee_id else ""]
        for activity in selectors.plan_activities(self, for_index=True):
            parts += [activity.title, activity.description, activity.responsible_unit]
        return " ".join(p for p in parts if p)

    def get_context(self, request, *args, **kwargs):
        from accountability import selectors

        context = super().get_context(request, *args, **kwargs)
        context["activities"] = selectors.plan_activities(self)
        context["assessments"] = selectors.assessments_of(plan=self)
        context["status_counts"] = selectors.status_counts(context["activities"])
        return context


class Activity(Orderable, ClusterableModel):
    """What a committee does: who does it, when, how far it has come and why its status is what
    it is. Edited on the plan page; published with it."""

    plan = ParentalKey(
        ActionPlanPage,
        related_name="activities",
        on_delete=models.CASCADE,
        verbose_name=_("action plan"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    goals = ParentalManyToManyField(
        "home.GoalPage",
        verbose_name=_("main goals served"),
        related_name="activities",
        blank=True,
        limit_choices_to=default_language_pages,
    )
    focus_area = models.ForeignKey(
        "home.FocusAreaPage",
        verbose_name=_("focus area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
        limit_choices_to=default_language_pages,
    )
    lighthouse = models.ForeignKey(
        "home.LighthouseProjectPage",
        verbose_name=_("lighthouse project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="activities",
        limit_choices_to=default_language_pages,
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=160, blank=True)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    status_date = models.DateField(
        _("status as of"), null=True, blank=True, help_text=_("When the status was last set.")
    )
    status_note = models.TextField(
        _("status note"),
        blank=True,
        help_text=_("Why the status is what it is: a sentence or two."),
    )
    progress = models.PositiveSmallIntegerField(
        _("progress in per cent"),
        default=0,
        validators=[
            MinValueValidator(0, message=PROGRESS_MESSAGE),
            MaxValueValidator(100, message=PROGRESS_MESSAGE),
        ],
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("focus_area"), FieldPanel("lighthouse")]),
        FieldPanel("responsible_unit"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("status_date"),
                FieldPanel("status_note"),
                FieldPanel("progress"),
            ],
            heading=_("Status"),
        ),
        InlinePanel("milestones", heading=_("Milestones"), label=_("Milestone")),
    ]
    api_fields = [
        APIField(name)
        for name in (
            "title",
            "description",
            "goals",
            "focus_area",
            "lighthouse",
            "responsible_unit",
            "start",
            "end",
            "status",
            "status_date",
            "status_note",
            "progress",
            "milestones",
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self):
        return self.title

    @property
    def status_mark(self) -> str:
        return STATUS_MARKS.get(self.status, "")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end cannot be before the start.")
        if self.progress is not None and not 0 <= self.progress <= 100:
            errors["progress"] = PROGRESS_MESSAGE
        if self.status == ActivityStatus.DONE and self.progress not in (None, 100):
            errors["progress"] = _("A done activity has come 100 per cent of the way.")
        if errors:
            raise ValidationError(errors)

    def milestone_outside_span(self, when) -> str | None:
        """Why a milestone on `when` does not fit this activity, or None when it does."""
        if when is None:
            return None
        if self.start and when < self.start:
            return _("A milestone cannot be before the activity starts.")
        if self.end and when > self.end:
            return _("A milestone cannot be after the activity ends.")
        return None


class Milestone(Orderable):
    """A dated step on the way: "first 20 mentors trained", with whether it is reached."""

    activity = ParentalKey(
        Activity, related_name="milestones", on_delete=models.CASCADE, verbose_name=_("activity")
    )
    title = models.CharField(_("title"), max_length=200)
    due = models.DateField(_("date"))
    reached = models.BooleanField(_("reached"), default=False)

    panels = [FieldPanel("title"), FieldPanel("due"), FieldPanel("reached")]
    api_fields = [APIField("title"), APIField("due"), APIField("reached")]

    class Meta(Orderable.Meta):
        verbose_name = _("milestone")
        ordering = ["due", "sort_order"]

    def __str__(self):
        return f"{self.due}: {self.title}"

    def clean(self):
        super().clean()
        activity = getattr(self, "activity", None)
        if activity is not None:
            reason = activity.milestone_outside_span(self.due)
            if reason:
                raise ValidationError({"due": reason})


class ActivityStatusChange(models.Model):
    """One entry of an activity's history: its status, progress and note as published on a
    day. Written when the plan is published and the status, note or progress changed; never
    edited afterwards, so "what changed, when, why" stays as it was said."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="history", verbose_name=_("activity")
    )
    previous_status = models.CharField(
        _("previous status"), max_length=16, choices=ActivityStatus.choices, blank=True
    )
    status = models.CharField(_("status"), max_length=16, choices=ActivityStatus.choices)
    progress = models.PositiveSmallIntegerField(_("progress in per cent"), default=0)
    note = models.TextField(_("note"), blank=True)
    status_date = models.DateField(_("status as of"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("published"), auto_now_add=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-recorded_at", "-pk"]

    def __str__(self):
        return f"{self.activity_id}: {self.previous_status or '–'} → {self.status}"

    @property
    def when(self):
        return self.status_date or self.recorded_at.date()
