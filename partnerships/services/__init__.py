"""All writes of the partnership register (DESIGN.md: `<entity>_<action>`, keyword-only,
full_clean, one transaction). E-mails go out after the transaction has committed."""

from partnerships.services.organisations import (
    invitation_accept,
    member_invite,
    member_remove,
    organisation_approve,
    organisation_register,
    organisation_reject,
    organisation_update,
)
from partnerships.services.pledges import pledge_sign, pledge_withdraw
from partnerships.services.reports import reminders_send, report_submit

__all__ = [
    "invitation_accept",
    "member_invite",
    "member_remove",
    "organisation_approve",
    "organisation_register",
    "organisation_reject",
    "organisation_update",
    "pledge_sign",
    "pledge_withdraw",
    "reminders_send",
    "report_submit",
]
