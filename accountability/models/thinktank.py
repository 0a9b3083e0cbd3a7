"""Eksperttænketanken for integration: its members, and their assessments of whether an action
plan or a main goal's efforts are enough to reach the goal."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import DraftStateMixin, Page, RevisionMixin
from wagtail.search import index

from accountability.models.plans import default_language_pages
from core.search import StemmedSearch
from home.models.plain import plain_summary_field


class ThinkTankMember(models.Model):
    """A member of the think tank. Linked to an account, the member's comments in debates carry
    the think tank's badge."""

    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account on the site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="think_tank_member",
        help_text=_("Optional: the member's comments then carry the think tank's badge."),
    )
    is_active = models.BooleanField(_("current member"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("account"),
        FieldPanel("is_active"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("think tank member")
        verbose_name_plural = _("think tank members")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Verdict(models.TextChoices):
    SUFFICIENT = "sufficient", _("Sufficient")
    NEEDS_REVISION = "needs_revision", _("Needs revision")
    NOT_ENOUGH_DATA = "not_enough_data", _("Not enough data")


class Assessment(DraftStateMixin, RevisionMixin, models.Model):
    """The think tank's (or one member's) reasoned view of an action plan or a main goal. Drafted
    and published in the admin; only published assessments are shown."""

    member = models.ForeignKey(
        ThinkTankMember,
        verbose_name=_("by member"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assessments",
        help_text=_("Leave empty when the think tank as a whole gives the assessment."),
    )
    plan = models.ForeignKey(
        "accountability.ActionPlanPage",
        verbose_name=_("action plan"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
        limit_choices_to=default_language_pages,
    )
    goal = models.ForeignKey(
        "home.GoalPage",
        verbose_name=_("main goal"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="assessments",
        limit_choices_to=default_language_pages,
    )
    verdict = models.CharField(_("assessment"), max_length=20, choices=Verdict.choices)
    reasoning = models.TextField(_("reasoning"))
    assessed_on = models.DateField(_("date"))
    revisions = GenericRelation(
        "wagtailcore.Revision", content_type_field="content_type", object_id_field="object_id"
    )

    panels = [
        FieldPanel("plan"),
        FieldPanel("goal"),
        FieldPanel("member"),
        FieldPanel("verdict"),
        FieldPanel("reasoning"),
        FieldPanel("assessed_on"),
    ]

    class Meta:
        verbose_name = _("think tank assessment")
        verbose_name_plural = _("think tank assessments")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self):
        subject = self.plan or self.goal
        return f"{self.assessed_on}: {subject} ({self.get_verdict_display()})"

    @property
    def author_label(self) -> str:
        return self.member.name if self.member_id else str(_("The think tank as a whole"))

    def clean(self):
        super().clean()
        if bool(self.plan_id) == bool(self.goal_id):
            raise ValidationError(
                _("Choose what is assessed: either an action plan or a main goal, not both.")
            )


class ThinkTankPage(StemmedSearch, Page):
    """The think tank's page: who its members are and everything it has assessed."""

    plain_summary = plain_summary_field()
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("plain_summary"), FieldPanel("intro")]
    search_fields = Page.search_fields + [
        index.SearchField("plain_summary"),
        index.SearchField("intro"),
    ]
    api_fields = [APIField("plain_summary"), APIField("intro")]
    parent_page_types = ["home.PolicyPage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "accountability/think_tank_page.html"

    class Meta:
        verbose_name = _("think tank page")

    def get_context(self, request, *args, **kwargs):
        from accountability import selectors

        context = super().get_context(request, *args, **kwargs)
        context["members"] = selectors.think_tank_members()
        context["assessments"] = selectors.assessments_of()
        return context
