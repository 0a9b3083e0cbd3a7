"""Organisations, the people who act for them, and invitations to join."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from core import pagecache
from core.models import ResidentRecord
from core.search import StemmedSearch
from partnerships.cache_tags import PARTNERS
from partnerships.logos import validate_logo
from partnerships.models.choices import (
    ACTOR_FOR_KIND,
    District,
    Kind,
    ReviewStatus,
    Role,
)

INVITATION_VALID_DAYS = 14


class OrganisationQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Approved, with a pledge in force: what the public register and site search show.
        A page that lists them is retired when a partner changes (partnerships.signals)."""
        pagecache.depends_on(PARTNERS)
        return self.filter(is_public=True)


class Organisation(StemmedSearch, index.Indexed, models.Model):
    """A business, association, housing company, school or union that takes part."""

    name = models.CharField(_("name of the organisation"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    kind = models.CharField(_("kind of organisation"), max_length=32, choices=Kind.choices)
    cvr = models.CharField(
        _("CVR number"),
        max_length=8,
        blank=True,
        default="",
        help_text=_("Required for businesses and housing companies."),
    )
    address = models.CharField(_("address"), max_length=255)
    district = models.CharField(_("district"), max_length=32, choices=District.choices)
    website = models.URLField(_("website"), blank=True, max_length=300)
    description = models.TextField(
        _("description"),
        max_length=3000,
        help_text=_("Plain text. Links are made clickable; no other formatting."),
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="partners/logos/",
        blank=True,
        validators=[validate_logo],
        help_text=_("JPEG, PNG or WebP, at most 2 MB."),
    )
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=32)

    status = models.CharField(
        _("review status"),
        max_length=16,
        choices=ReviewStatus.choices,
        default=ReviewStatus.PENDING,
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept in step by the services: approved and holding a pledge that is not withdrawn.
    is_public = models.BooleanField(_("shown in the public register"), default=False)
    is_example = models.BooleanField(_("example content"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.SearchField("commitments_text"),
        index.FilterField("is_public"),
        index.FilterField("kind"),
        index.FilterField("district"),
    ]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["cvr"],
                condition=~Q(cvr=""),
                name="partnerships_organisation_unique_cvr",
                violation_error_message=_(
                    "An organisation with this CVR number is already registered."
                ),
            ),
        ]
        permissions = [("review_organisation", "Can review organisations and reports")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partnerships:partner", kwargs={"slug": self.slug})

    def commitments_text(self) -> str:
        """What its pledge in force promises, for the site search: "praktikpladser ..." finds
        the organisations that offer internships."""
        return " ".join(
            f"{commitment.commitment_type.name} {commitment.commitment_type.translated_names()} "
            f"{commitment.description}"
            for pledge in self.pledges.filter(withdrawn_at__isnull=True)
            for commitment in pledge.commitments.select_related("commitment_type")
        )

    @property
    def actor(self) -> str:
        return ACTOR_FOR_KIND[Kind(self.kind)]

    @property
    def active_pledge(self):
        return self.pledges.filter(withdrawn_at__isnull=True).first()

    def clean(self):
        from django.core.exceptions import ValidationError

        from partnerships.models.choices import KINDS_REQUIRING_CVR

        if self.kind in KINDS_REQUIRING_CVR and not self.cvr:
            raise ValidationError(
                {"cvr": _("Businesses and housing companies must give their CVR number.")}
            )


class Membership(ResidentRecord):
    """A person who acts for an organisation; administrators manage it and its pledge."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["joined_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="partnerships_membership_unique_user"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.organisation})"


class Invitation(ResidentRecord):
    """A single-use link e-mailed to someone the administrator wants on board."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    token = models.CharField(max_length=64, unique=True, verbose_name=_("token"))
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(default=timezone.now, verbose_name=_("created"))
    accepted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("accepted"))
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def expires_at(self):
        return self.created_at + timedelta(days=INVITATION_VALID_DAYS)

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and timezone.now() < self.expires_at
