"""Debate pages (`pages`), the comments that answer them (`comments`), and how staff moderate
them (`moderation`). Everything is importable from `dialogue.models`."""

from dialogue.models.comments import (
    MAX_COMMENT_LENGTH,
    MAX_DEPTH,
    PUBLIC_STATUSES,
    WITHHELD_STATUSES,
    Comment,
    CommentQuerySet,
    CommentRevision,
    CommentStatus,
    HeldBecause,
    HideReason,
    Reaction,
    ReactionValue,
)
from dialogue.models.moderation import (
    MAX_REPORT_TEXT,
    ModerationAction,
    ModerationLogEntry,
    ModerationSettings,
    Report,
    ReportOutcome,
    ReportReason,
)
from dialogue.models.pages import (
    DebateGoal,
    DebateIndexPage,
    DebatePage,
    DebateState,
    debate_focus_areas,
    validate_conclusion,
)

__all__ = [
    "MAX_COMMENT_LENGTH",
    "MAX_DEPTH",
    "MAX_REPORT_TEXT",
    "PUBLIC_STATUSES",
    "WITHHELD_STATUSES",
    "Comment",
    "CommentQuerySet",
    "CommentRevision",
    "CommentStatus",
    "DebateGoal",
    "DebateIndexPage",
    "DebatePage",
    "DebateState",
    "HeldBecause",
    "HideReason",
    "ModerationAction",
    "ModerationLogEntry",
    "ModerationSettings",
    "Reaction",
    "ReactionValue",
    "Report",
    "ReportOutcome",
    "ReportReason",
    "debate_focus_areas",
    "validate_conclusion",
]
