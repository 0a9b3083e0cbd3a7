"""Dialogue in one year's figures, for the yearly status report (accountability.reporting).

Labels are English msgids, marked and not translated: the report stores them and translates
them when it is shown, so one snapshot serves every language. Counts only: participants are
distinct authors, never named.

- A debate counts once whatever languages it is written in (its translation key), in the year
  it was first published in any of them. A page made without a revision (the demo loader) has
  no publication time; its opening time stands in.
- A comment counts when readers see its text (published; never pending, held, hidden, removed
  or deleted) on a live debate, in the month it was written: comments keep no separate
  publication time, so a pre-moderated one counts when it was written. A comment whose author
  has deleted their account still counts; its author is no participant.
- A debate is closed with a conclusion by the moderators (`debate_set_state`, which logs the
  time) or in the page editor (no log entry: the earlier of its closing time and its last
  publication stands in).

Example content is counted, so the demo's report has figures; figures of their own say how much.
Four queries, however many debates and comments there are."""

from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, ExtractMonth, Least
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.years import year_bounds
from dialogue.models import (
    Comment,
    CommentStatus,
    DebatePage,
    DebateState,
    ModerationAction,
    ModerationLogEntry,
)


def _debates_with_publication():
    return DebatePage.objects.live().annotate(
        published_at=Coalesce("first_published_at", "opens_at")
    )


def year_in_figures(year: int) -> dict:
    start, end = year_bounds(year)

    published_before = _debates_with_publication().filter(
        translation_key=OuterRef("translation_key"), published_at__lt=start
    )
    debates = (
        _debates_with_publication()
        .filter(published_at__gte=start, published_at__lt=end)
        .exclude(Exists(published_before))
        .aggregate(
            debates=Count("translation_key", distinct=True),
            examples=Count("translation_key", distinct=True, filter=Q(is_example=True)),
        )
    )

    comments = Comment.objects.filter(
        status=CommentStatus.PUBLISHED,
        debate__live=True,
        created_at__gte=start,
        created_at__lt=end,
    )
    totals = comments.aggregate(
        comments=Count("pk"),
        on_examples=Count("pk", filter=Q(debate__is_example=True)),
        participants=Count("author", distinct=True),
    )
    by_month = {
        row["month"]: row
        for row in comments.annotate(
            month=ExtractMonth("created_at", tzinfo=timezone.get_default_timezone())
        )
        .values("month")
        .annotate(comments=Count("pk"), participants=Count("author", distinct=True))
        .order_by("month")
    }
    rows = [
        [
            f"{year}-{month:02d}",
            by_month.get(month, {}).get("comments", 0),
            by_month.get(month, {}).get("participants", 0),
        ]
        for month in range(1, 13)
    ]

    closing = (
        ModerationLogEntry.objects.filter(
            debate=OuterRef("pk"),
            action=ModerationAction.DEBATE_STATE,
            reason=DebateState.CLOSED,
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    closed = (
        DebatePage.objects.live()
        .filter(state=DebateState.CLOSED)
        .exclude(conclusion="")
        .annotate(
            # Least() is NULL on SQLite when either is; the last two cover that.
            closed_at=Coalesce(
                Subquery(closing),
                Least("closes_at", "last_published_at"),
                "closes_at",
                "last_published_at",
            )
        )
        .filter(closed_at__gte=start, closed_at__lt=end)
        .aggregate(debates=Count("translation_key", distinct=True))
    )

    facts = [
        {
            "label": gettext_noop("Debates published during the year"),
            "value": debates["debates"],
        },
        {"label": gettext_noop("Of the debates, example content"), "value": debates["examples"]},
        {
            "label": gettext_noop("Published comments"),
            "value": totals["comments"],
        },
        {
            "label": gettext_noop("Of the comments, on example debates"),
            "value": totals["on_examples"],
        },
        {
            "label": gettext_noop("Distinct participants"),
            "value": totals["participants"],
        },
        {
            "label": gettext_noop("Debates closed with a conclusion"),
            "value": closed["debates"],
        },
    ]
    return {
        "key": "dialogue",
        "heading": gettext_noop("Dialogue"),
        "has_data": any(fact["value"] for fact in facts),
        "facts": facts,
        "tables": [
            {
                "name": "comments-by-month",
                "caption": gettext_noop("Published comments by month"),
                "columns": [
                    gettext_noop("Month"),
                    gettext_noop("Comments"),
                    gettext_noop("Participants"),
                ],
                "rows": rows,
            }
        ],
    }
