"""Dialogue in one year's figures, for the yearly status report (accountability.reporting):
debates published, published comments, distinct participants and debates closed with a
conclusion. Counts only: no names, no addresses."""

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_noop
from wagtail.models import Locale

from core.years import year_bounds
from dialogue.models import Comment, CommentStatus, DebatePage
from dialogue.models.pages import DebateState


def year_in_figures(year: int) -> dict:
    start, end = year_bounds(year)
    debates = DebatePage.objects.live().filter(locale=Locale.get_default())
    published = debates.filter(first_published_at__gte=start, first_published_at__lt=end).count()
    # A closed debate's last publication is when it was closed with its conclusion.
    closed = debates.filter(
        state=DebateState.CLOSED, last_published_at__gte=start, last_published_at__lt=end
    ).count()
    comments = Comment.objects.filter(
        status=CommentStatus.PUBLISHED, created_at__gte=start, created_at__lt=end
    )
    totals = comments.aggregate(comments=Count("pk"), participants=Count("author", distinct=True))
    by_month = {
        timezone.localtime(row["month"]).strftime("%Y-%m")
        if timezone.is_aware(row["month"])
        else row["month"].strftime("%Y-%m"): row
        for row in comments.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"), people=Count("author", distinct=True))
        .order_by("month")
    }
    rows = []
    for month in range(1, 13):
        key = f"{year}-{month:02d}"
        row = by_month.get(key)
        rows.append([key, row["n"] if row else 0, row["people"] if row else 0])
    return {
        "key": "dialogue",
        "heading": gettext_noop("Dialogue"),
        "has_data": bool(published or closed or totals["comments"]),
        "facts": [
            {"label": gettext_noop("Debates published during the year"), "value": published},
            {"label": gettext_noop("Published comments"), "value": totals["comments"]},
            {"label": gettext_noop("Distinct participants"), "value": totals["participants"]},
            {"label": gettext_noop("Debates closed with a conclusion"), "value": closed},
        ],
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
