"""The barometer as open data: one row per measurement in CSV, nested goals in JSON.

Numbers are written with a dot as the decimal mark and dates as ISO 8601, whatever the
page language, so that the files read the same in any tool. Text cells of the CSV pass
`safe_cell` (no formula runs when the file is opened in a spreadsheet); numbers and dates are
written as they are."""

from __future__ import annotations

import csv
import io

from core.csv import safe_cell

CSV_COLUMNS = [
    "goal_number",
    "goal_title",
    "is_overall_goal",
    "indicator",
    "unit",
    "higher_is_better",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "status",
    "period",
    "period_start",
    "value",
    "published",
    "source",
    "note",
    "is_example",
]


def _num(value) -> str | None:
    if value is None:
        return None
    return format(value.normalize(), "f")


def _date(value) -> str | None:
    return value.isoformat() if value else None


def indicator_json(item) -> dict:
    ind, summary = item.indicator, item.summary
    return {
        "name": ind.name,
        "unit": ind.unit,
        "higher_is_better": ind.higher_is_better,
        "baseline": {"value": _num(ind.baseline_value), "date": _date(ind.baseline_date)},
        "target": {"value": _num(ind.target_value), "date": _date(ind.target_date)},
        "source": ind.source,
        "note": ind.note,
        "status": summary.status,
        "distance_to_target": _num(summary.distance),
        "change_since_previous": _num(summary.change),
        "direction": summary.direction,
        "measurements": [
            {
                "period": m.period_label,
                "period_start": _date(m.period_start),
                "value": _num(m.value),
                "published": _date(m.published),
                "source": m.source,
                "note": m.note,
                "is_example": m.is_example,
            }
            for m in item.measurements
        ],
    }


def barometer_json(goals, request=None) -> dict:
    return {
        "goals": [
            {
                "number": item.goal.number,
                "is_overall_goal": item.goal.is_overall,
                "title": item.goal.title,
                "short_title": item.goal.short_title,
                "statement": item.goal.statement,
                "target_as_written": item.goal.target_text,
                "url": item.goal.get_full_url(request),
                "indicators": [indicator_json(ind) for ind in item.indicators],
            }
            for item in goals
        ],
    }


def barometer_csv(goals) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item in goals:
        goal = item.goal
        for row in item.indicators:
            ind = row.indicator
            head = [
                goal.number if goal.number is not None else "",
                safe_cell(goal.title),
                "true" if goal.is_overall else "false",
                safe_cell(ind.name),
                safe_cell(ind.unit),
                "true" if ind.higher_is_better else "false",
                _num(ind.baseline_value) or "",
                _date(ind.baseline_date) or "",
                _num(ind.target_value) or "",
                _date(ind.target_date) or "",
                row.summary.status,
            ]
            if not row.measurements:
                writer.writerow(head + [""] * 7)
            for m in row.measurements:
                writer.writerow(
                    head
                    + [
                        safe_cell(m.period_label),
                        _date(m.period_start),
                        _num(m.value),
                        _date(m.published) or "",
                        safe_cell(m.source),
                        safe_cell(m.note),
                        "true" if m.is_example else "false",
                    ]
                )
    return out.getvalue()
