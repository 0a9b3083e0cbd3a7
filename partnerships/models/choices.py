"""The fixed vocabularies of the partnership register."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.districts import District  # noqa: F401 (re-exported for the app)


class Kind(models.TextChoices):
    BUSINESS = "business", pgettext_lazy("kind of organisation", "Business")
    ASSOCIATION = "association", _("Association")
    HOUSING = "housing", _("Housing company")
    EDUCATION = "education", _("Educational institution")
    UNION = "union", _("Union or interest organisation")
    OTHER = "other", _("Other civil society")


# The policy names the responsibilities of "erhvervslivet" and of "civilsamfundet"; everything
# that is not a business is civil society in the policy's own definition.
ACTOR_FOR_KIND = {
    Kind.BUSINESS: "business",
    Kind.ASSOCIATION: "civil_society",
    Kind.HOUSING: "civil_society",
    Kind.EDUCATION: "civil_society",
    Kind.UNION: "civil_society",
    Kind.OTHER: "civil_society",
}

# Kinds that always have a CVR number (the business register requires one).
KINDS_REQUIRING_CVR = {Kind.BUSINESS, Kind.HOUSING}


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    MEMBER = "member", _("Member")


class ProgressStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    DROPPED = "dropped", _("Dropped")


class ReminderKind(models.TextChoices):
    DUE = "due", _("Report due")
    OVERDUE = "overdue", _("Report overdue")


class ReportState(models.TextChoices):
    """Where a pledge stands with its yearly report today (worked out, not stored)."""

    NONE = "none", _("No report expected")
    OPEN = "open", _("Report open")
    DUE = "due", _("Report due")
    OVERDUE = "overdue", _("Report overdue")
