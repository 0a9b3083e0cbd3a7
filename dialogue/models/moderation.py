"""How staff keep debates civil: readers' reports, the site's moderation settings and the audit
log of every moderator action. The log is the record; nothing in it is ever changed."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.models import ResidentRecord
from dialogue.models.comments import Comment, HideReason
from dialogue.models.pages import DebatePage

MAX_REPORT_TEXT = 500


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam or advertising")
    OFFENSIVE = "offensive", _("Hateful or offensive")
    OFF_TOPIC = "off_topic", _("Off topic")
    PERSONAL_DATA = "personal_data", _("Personal data about someone")
    OTHER = "other", _("Something else")


class ReportOutcome(models.TextChoices):
    DISMISSED = "dismissed", _("Dismissed: the comment stays")
    UPHELD = "upheld", _("Upheld: the comment was hidden or removed")


class Report(ResidentRecord):
    """A reader tells the moderators about a comment. One per reader and comment."""

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, related_name="reports", verbose_name=_("comment")
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=16, choices=ReportReason.choices)
    text = models.TextField(_("more about it"), max_length=MAX_REPORT_TEXT, blank=True)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now, db_index=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=ReportOutcome.choices, blank=True
    )
    # A keyed hash of the reporter's client address (core.clientip.address_token): reports from
    # one address count once toward hiding the comment. Never the address itself.
    reporter_address = models.CharField(
        max_length=32, blank=True, editable=False, verbose_name=_("reporter's address")
    )

    class Meta:
        verbose_name = _("report")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_reader")
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} ({self.comment_id})"

    def clean(self):
        if self.reason == ReportReason.OTHER and not self.text.strip():
            raise ValidationError({"text": _("Tell the moderators what is wrong.")})


class ModerationAction(models.TextChoices):
    HOLD = "hold", _("Held for review")
    APPROVE = "approve", _("Approved")
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    REMOVE = "remove", _("Removed for personal data")
    WARN = "warn", _("Warned the author")
    BLOCK = "block", _("Blocked the author")
    DEBATE_STATE = "debate_state", _("Changed the debate's state")


class ModerationLogQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("The moderation log cannot be changed."))


class ModerationLogEntry(ResidentRecord):
    """Who did what, when, why and to what. Written once, never changed (save() refuses
    updates; the admin has no edit or delete views)."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderator"),
        help_text=_("Empty when the platform acted by itself, for example on reports."),
    )
    action = models.CharField(_("action"), max_length=16, choices=ModerationAction.choices)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    reason = models.CharField(_("reason"), max_length=32, blank=True)
    note = models.TextField(_("note"), blank=True)
    comment = models.ForeignKey(
        Comment,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="log_entries",
        verbose_name=_("comment"),
    )
    debate = models.ForeignKey(
        DebatePage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("debate"),
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="moderation_entries",
        verbose_name=_("author"),
    )
    target = models.CharField(
        _("on what"), max_length=255, help_text=_("Kept as written at the time.")
    )
    details = models.JSONField(default=dict, blank=True, verbose_name=_("details"))

    objects = ModerationLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-id"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()}: {self.target}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError(_("The moderation log cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("The moderation log cannot be changed."))

    @property
    def reason_label(self) -> str:
        for choices in (HideReason.choices, ReportReason.choices):
            for value, label in choices:
                if value == self.reason:
                    return str(label)
        return self.reason


@register_setting(icon="warning")
class ModerationSettings(BaseSiteSetting):
    """How readers' reports and the word list act on comments."""

    report_threshold = models.PositiveSmallIntegerField(
        _("reports before a comment is hidden"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_(
            "After this many reports from different people a comment is hidden until a "
            "moderator has looked at it."
        ),
    )
    word_list = models.TextField(
        _("word list"),
        blank=True,
        help_text=_(
            "One word or phrase a line. A comment containing one (as a whole word, upper or "
            "lower case alike) waits for a moderator instead of being published at once."
        ),
    )
    review_email = models.EmailField(
        _("address for reviews"),
        default="moderation@blanddigibyen.kk.dk",
        help_text=_(
            "Where people write to ask for a second look at a moderation decision. E-mails to "
            "authors are sent with this as the reply address."
        ),
    )

    panels = [FieldPanel("report_threshold"), FieldPanel("word_list"), FieldPanel("review_email")]

    class Meta:
        verbose_name = _("moderation settings")

    def terms(self) -> list[str]:
        return [line.strip() for line in self.word_list.splitlines() if line.strip()]
