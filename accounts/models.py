from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import ResidentRecord


class ResidentManager(UserManager):
    """Users log in with their e-mail; the username is kept only because Django's admin
    tooling expects one, and is set to the e-mail address."""

    def _create_user(self, username, email, password, **extra_fields):
        email = self.normalize_email(email or username)
        return super()._create_user(email, email, password, **extra_fields)

    def create_user(self, email=None, password=None, **extra_fields):
        return super().create_user(email, email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        return super().create_superuser(email, email, password, **extra_fields)


class User(AbstractUser):
    """Everyone with an account: residents, organisation members, editors and moderators."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("Shown beside what you write. You can use your first name or a nickname."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, blank=True, default=""
    )
    follow_debates_i_comment = models.BooleanField(
        _("follow the debates I comment in"),
        default=True,
        help_text=_("You then hear of new comments there, as your e-mail settings say."),
    )
    blocked_until = models.DateTimeField(
        _("blocked until"),
        null=True,
        blank=True,
        help_text=_("While set in the future (or far future for good), the user cannot post."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = ResidentManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.email

    def save(self, *args, **kwargs):
        self.username = self.email
        super().save(*args, **kwargs)

    @property
    def is_blocked(self) -> bool:
        return self.blocked_until is not None and self.blocked_until > timezone.now()

    def get_full_name(self) -> str:
        return self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class BadgeKind(models.TextChoices):
    EXPERT = "expert", _("Expert think tank")
    STAFF = "staff", _("City staff")
    PARTNER = "partner", _("Partner organisation")


class Badge(models.Model):
    """A role shown beside a person's name in debates, granted by staff in the admin."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="badges", verbose_name=_("user")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=BadgeKind.choices)
    note = models.CharField(
        _("note"), max_length=120, blank=True, help_text=_("For example the organisation's name.")
    )

    class Meta:
        verbose_name = _("badge")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_badge_per_kind")]

    def __str__(self) -> str:
        return self.get_kind_display()


class Notification(ResidentRecord):
    """A notice to one person on the site (their profile page and a count in the header),
    written in their language when it is made; usually also sent by e-mail."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("user")
    )
    kind = models.CharField(_("kind"), max_length=32)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    # What it is about (notifications/topics.py) and its title in the person's language, for
    # summaries grouped by debate or goal; `count` grows while a notice of new comments in one
    # debate is unread, instead of a notice per comment.
    # The language its subject and text were written in (the person's when it was made).
    language = models.CharField(_("language"), max_length=8, blank=True)
    topic = models.CharField(_("topic"), max_length=120, blank=True)
    topic_title = models.CharField(_("about"), max_length=200, blank=True)
    count = models.PositiveIntegerField(_("how many"), default=1)
    # When it is e-mailed: "now", "daily", "weekly", or "" (not at all); `mailed_at` once done.
    mail_due = models.CharField(_("e-mail"), max_length=8, blank=True)
    mailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["user", "read_at"], name="notification_unread"),
            models.Index(
                fields=["topic", "kind", "user"],
                name="notification_unread_topic",
                condition=models.Q(read_at__isnull=True),
            ),
            models.Index(
                fields=["mail_due", "user"],
                name="notification_mail_waiting",
                condition=models.Q(mailed_at__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return self.subject
