"""Thin views: read through selectors, write through services, permissions from rules.py."""

from partnerships.views.common import pledge_text, register_page
from partnerships.views.members import invitation, invite, remove_member
from partnerships.views.organisation import dashboard, edit, pledge, register, report, withdraw
from partnerships.views.public import mine, partner

__all__ = [
    "dashboard",
    "edit",
    "invitation",
    "invite",
    "mine",
    "partner",
    "pledge",
    "pledge_text",
    "register",
    "register_page",
    "remove_member",
    "report",
    "withdraw",
]
