"""Accountability: the committees' action plans and their activities, the think tank and its
assessments, the yearly status report to the City Council and the annual cycle."""

from accountability.models.cycle import AnnualCycleItem, CycleKind
from accountability.models.plans import (
    ActionPlanPage,
    Activity,
    ActivityStatus,
    ActivityStatusChange,
    Committee,
    Milestone,
)
from accountability.models.reports import StatusReportPage
from accountability.models.thinktank import Assessment, ThinkTankMember, ThinkTankPage, Verdict

__all__ = [
    "ActionPlanPage",
    "Activity",
    "ActivityStatus",
    "ActivityStatusChange",
    "AnnualCycleItem",
    "Assessment",
    "Committee",
    "CycleKind",
    "Milestone",
    "StatusReportPage",
    "ThinkTankMember",
    "ThinkTankPage",
    "Verdict",
]
