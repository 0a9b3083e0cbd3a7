"""The pledge, the commitments it carries, and the yearly reports on them."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.models import ResidentRecord
from partnerships.models.choices import ProgressStatus, ReminderKind
from partnerships.models.organisations import Organisation

REPORT_GRACE_DAYS = 30  # after the due date a report is overdue
REPORT_OPENS_DAYS_BEFORE = 60


CATALOGUE_TEXT_FIELDS = ("name", "description", "unit")


@dataclass(frozen=True)
class CatalogueText:
    """A catalogue entry's words in one language; `lang` is the language they are written in
    (Danish when the entry has no translation into the reader's language)."""

    name: str
    description: str
    unit: str
    lang: str


def catalogue_text(danish: dict, translations: dict, language: str | None = None) -> CatalogueText:
    """The entry's words in `language` (default: the active one) when it has a translation with
    a name (and a unit, if the Danish entry counts one); else the Danish words."""
    language = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    words = (translations or {}).get(language) or {}
    if (
        language != settings.LANGUAGE_CODE
        and words.get("name")
        and (words.get("unit") or not danish.get("unit"))
    ):
        return CatalogueText(
            name=words["name"],
            description=words.get("description", ""),
            unit=words.get("unit", "") if danish.get("unit") else "",
            lang=language,
        )
    return CatalogueText(
        name=danish.get("name", ""),
        description=danish.get("description", ""),
        unit=danish.get("unit", ""),
        lang=settings.LANGUAGE_CODE,
    )


class CommitmentTypeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_kind(self, kind: str):
        return [ct for ct in self.active() if not ct.suitable_kinds or kind in ct.suitable_kinds]


class CommitmentType(index.Indexed, models.Model):
    """One entry of the catalogue partners choose their commitments from; editors keep it."""

    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    unit = models.CharField(
        _("unit"),
        max_length=60,
        blank=True,
        help_text=_(
            'What partners count, in the plural, e.g. "internship places". Leave empty when '
            "partners describe the commitment in words instead of a number."
        ),
    )
    focus_area = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("focus area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    suitable_kinds = models.JSONField(
        _("suitable for"),
        default=list,
        blank=True,
        help_text=_("Kinds of organisation that may choose it. None ticked means all."),
    )
    is_active = models.BooleanField(_("offered to partners"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = models.JSONField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("The name, description and unit in other languages, by language code."),
    )

    objects = CommitmentTypeQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("translated_names"),
    ]

    class Meta:
        verbose_name = _("commitment type")
        verbose_name_plural = _("commitment catalogue")
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.shown.name

    def translated_names(self) -> str:
        return " ".join(words.get("name", "") for words in (self.translations or {}).values())

    def text(self, language: str | None = None) -> CatalogueText:
        danish = {name: getattr(self, name) for name in CATALOGUE_TEXT_FIELDS}
        return catalogue_text(danish, self.translations, language)

    @property
    def shown(self) -> CatalogueText:
        """The words for the reader, in the active language where translated."""
        return self.text()

    @property
    def is_counted(self) -> bool:
        return bool(self.unit)


class PledgeQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class Pledge(models.Model):
    """The organisation's signature under the policy's principles and its actor's
    responsibilities. Withdrawn pledges stay for staff; a new one may be signed later."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="pledges",
        verbose_name=_("organisation"),
    )
    signatory_name = models.CharField(_("name of the signatory"), max_length=120)
    signatory_role = models.CharField(_("role of the signatory"), max_length=120)
    signed_on = models.DateField(_("signed on"), default=date.today)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signed by"),
    )
    actor = models.CharField(_("pledged as"), max_length=32)
    language = models.CharField(_("language signed in"), max_length=8, default="da")
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("withdrawn by"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created"))

    objects = PledgeQuerySet.as_manager()

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-signed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(withdrawn_at__isnull=True),
                name="partnerships_pledge_one_active",
                violation_error_message=_("This organisation has already signed the pledge."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.signed_on})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None

    def due_date(self, year: int) -> date:
        """The pledge's anniversary in that year: the day that year's report is due."""
        try:
            return self.signed_on.replace(year=year)
        except ValueError:  # signed on 29 February
            return self.signed_on.replace(year=year, day=28)

    def overdue_date(self, year: int) -> date:
        return self.due_date(year) + timedelta(days=REPORT_GRACE_DAYS)

    def latest_due_year(self, today: date) -> int | None:
        """The most recent year whose report has fallen due on or before today."""
        year = today.year if self.due_date(today.year) <= today else today.year - 1
        return year if year > self.signed_on.year else None

    def open_report_year(self, today: date) -> int | None:
        """The year a report can be given for now: the earliest one not yet given whose due
        date is past or less than two months away."""
        reported = set(self.reports.values_list("year", flat=True))
        year = self.signed_on.year + 1
        while self.due_date(year) - timedelta(days=REPORT_OPENS_DAYS_BEFORE) <= today:
            if year not in reported:
                return year
            year += 1
        return None


class Commitment(models.Model):
    """What the organisation promises: a number of a catalogue unit, or a short description."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("pledge")
    )
    commitment_type = models.ForeignKey(
        CommitmentType,
        verbose_name=_("commitment"),
        on_delete=models.PROTECT,
        related_name="commitments",
    )
    quantity = models.PositiveIntegerField(_("number"), null=True, blank=True)
    description = models.CharField(_("short description"), max_length=300, blank=True)
    target_date = models.DateField(_("target date"))

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["commitment_type__sort_order", "commitment_type__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "commitment_type"], name="partnerships_commitment_unique_type"
            ),
            models.CheckConstraint(
                condition=Q(quantity__isnull=False) | ~Q(description=""),
                name="partnerships_commitment_has_content",
            ),
        ]

    def __str__(self) -> str:
        if self.quantity is not None and self.commitment_type.unit:
            return f"{self.quantity} {self.commitment_type.unit}"
        return f"{self.commitment_type}: {self.description}"

    def clean(self):
        if not self.commitment_type_id:
            return
        if self.commitment_type.is_counted:
            if not self.quantity:
                raise ValidationError(
                    {"quantity": _("Give the number you commit to (at least 1).")}
                )
        elif not self.description.strip():
            raise ValidationError({"description": _("Describe in a few words what you commit to.")})


class YearlyReport(models.Model):
    """Once a year, on the pledge's anniversary, how each commitment is going."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="reports", verbose_name=_("pledge")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), blank=True, max_length=3000)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["pledge", "year"], name="partnerships_report_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.pledge.organisation} {self.year}"


class CommitmentProgress(models.Model):
    report = models.ForeignKey(
        YearlyReport, on_delete=models.CASCADE, related_name="progress", verbose_name=_("report")
    )
    commitment = models.ForeignKey(
        Commitment, on_delete=models.CASCADE, related_name="progress", verbose_name=_("commitment")
    )
    status = models.CharField(_("status"), max_length=16, choices=ProgressStatus.choices)
    quantity_achieved = models.PositiveIntegerField(_("number so far"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("progress on a commitment")
        verbose_name_plural = _("progress on commitments")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "commitment"], name="partnerships_progress_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.commitment}: {self.get_status_display()}"


class ReminderSent(ResidentRecord):
    """What the reminder command has sent, so running it twice sends nothing twice."""

    pledge = models.ForeignKey(
        Pledge, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("pledge")
    )
    year = models.PositiveSmallIntegerField(
        verbose_name=_("year"),
    )
    kind = models.CharField(max_length=16, choices=ReminderKind.choices, verbose_name=_("kind"))
    sent_at = models.DateTimeField(default=timezone.now, verbose_name=_("sent"))

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["pledge", "year", "kind"], name="partnerships_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.pledge} {self.year} {self.kind}"
