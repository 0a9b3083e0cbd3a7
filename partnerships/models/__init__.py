from partnerships.models.choices import (
    ACTOR_FOR_KIND,
    KINDS_REQUIRING_CVR,
    District,
    Kind,
    ProgressStatus,
    ReminderKind,
    ReportState,
    ReviewStatus,
    Role,
)
from partnerships.models.organisations import Invitation, Membership, Organisation
from partnerships.models.pages import PartnerIndexPage
from partnerships.models.pledges import (
    CatalogueText,
    Commitment,
    CommitmentProgress,
    CommitmentType,
    Pledge,
    ReminderSent,
    YearlyReport,
    catalogue_text,
)

__all__ = [
    "ACTOR_FOR_KIND",
    "KINDS_REQUIRING_CVR",
    "CatalogueText",
    "Commitment",
    "CommitmentProgress",
    "CommitmentType",
    "District",
    "Invitation",
    "Kind",
    "Membership",
    "Organisation",
    "PartnerIndexPage",
    "Pledge",
    "ProgressStatus",
    "ReminderKind",
    "ReminderSent",
    "ReportState",
    "ReviewStatus",
    "Role",
    "YearlyReport",
    "catalogue_text",
]
