"""The annual cycle (årshjul): the policy's recurring milestones through the year, as editors
set them, each leading to its event, report or barometer page."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel


class CycleKind(models.TextChoices):
    BAROMETER = "barometer", _("Integration barometer")
    STATUS_REPORT = "status_report", _("Status report to the City Council")
    COUNCIL_DEBATE = "council_debate", _("Integration debate in the City Council")
    STATUS_MEETING = "status_meeting", _("Status meeting")
    CONFERENCE = "conference", _("Integration conference")
    BUDGET = "budget", _("Budget negotiations")
    OTHER = "other", _("Other")


class AnnualCycleItem(models.Model):
    """One milestone of the year. Either a fixed date (this year's conference on 12 November)
    or a month it recurs in (the barometer every June and December). Without a chosen page, the
    cycle links it to the newest page of its kind (the next conference, the latest report)."""

    kind = models.CharField(_("kind"), max_length=20, choices=CycleKind.choices)
    title = models.CharField(
        _("title"), max_length=160, blank=True, help_text=_("Leave empty to use the kind's name.")
    )
    description = models.TextField(_("description"), blank=True)
    month = models.PositiveSmallIntegerField(
        _("month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("For a milestone that comes back every year in the same month (1-12)."),
    )
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("When it is fixed."))
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The event, report or barometer page it leads to."),
    )
    rhythm = models.CharField(
        _("how often"),
        max_length=60,
        blank=True,
        help_text=_("For example “Every half year”."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("rhythm"),
        FieldRowPanel([FieldPanel("month"), FieldPanel("date")]),
        PageChooserPanel("page"),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("annual cycle item")
        verbose_name_plural = _("annual cycle")
        ordering = ["month", "date", "pk"]

    def __str__(self):
        return self.title or self.get_kind_display()

    @property
    def name(self) -> str:
        return self.title or str(self.get_kind_display())

    def clean(self):
        super().clean()
        if self.month is None and self.date is None:
            raise ValidationError(
                {"month": _("Give the month it comes back in, or a fixed date, or both.")}
            )
        if self.month and self.date and self.date.month != self.month:
            raise ValidationError({"date": _("The date is not in the month given.")})
