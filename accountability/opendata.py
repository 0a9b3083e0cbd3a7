"""The action plans and a published report's figures as open data: CSV (one row per activity,
or one file per report table) and JSON (activities with their milestones and status history;
a report's whole snapshot). Dates are ISO 8601; CSV text cells pass `safe_row`."""

from __future__ import annotations

import csv
import io

from core.csv import safe_row
from core.links import absolute_url

ACTIVITY_COLUMNS = [
    "id",
    "committee",
    "plan",
    "plan_url",
    "title",
    "description",
    "status",
    "status_date",
    "status_note",
    "progress_percent",
    "start",
    "end",
    "responsible_unit",
    "main_goals",
    "focus_area",
    "lighthouse_project",
    "history",
    "is_example",
]


def _date(value):
    return value.isoformat() if value else None


def activity_json(activity) -> dict:
    return {
        "id": activity.pk,
        "committee": activity.plan.committee.name,
        "plan": activity.plan.title,
        "plan_url": absolute_url(activity.plan.url or ""),
        "title": activity.title,
        "description": activity.description,
        "status": activity.status,
        "status_date": _date(activity.status_date),
        "status_note": activity.status_note,
        "progress_percent": activity.progress,
        "start": _date(activity.start),
        "end": _date(activity.end),
        "responsible_unit": activity.responsible_unit,
        "main_goals": [g.number for g in activity.goals.all() if g.number],
        "focus_area": activity.focus_area.title if activity.focus_area_id else None,
        "lighthouse_project": activity.lighthouse.title if activity.lighthouse_id else None,
        "milestones": [
            {"title": m.title, "date": _date(m.due), "reached": m.reached}
            for m in activity.milestones.all()
        ],
        "history": [
            {
                "recorded_at": change.recorded_at.isoformat(),
                "status_date": _date(change.status_date),
                "previous_status": change.previous_status or None,
                "status": change.status,
                "progress_percent": change.progress,
                "note": change.note,
            }
            for change in activity.history.all()
        ],
        "is_example": activity.plan.is_example,
    }


def activities_json(activities) -> dict:
    return {"activities": [activity_json(a) for a in activities]}


def activities_csv(activities) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ACTIVITY_COLUMNS)
    for activity in activities:
        data = activity_json(activity)
        data["main_goals"] = " ".join(str(n) for n in data["main_goals"])
        data["history"] = " | ".join(
            f"{h['status_date'] or h['recorded_at'][:10]}: {h['previous_status'] or '-'} -> "
            f"{h['status']} ({h['progress_percent']} %)"
            for h in data["history"]
        )
        writer.writerow(safe_row(data[column] for column in ACTIVITY_COLUMNS))
    return out.getvalue()


def table_csv(table: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(safe_row(table["columns"]))
    for row in table["rows"]:
        writer.writerow(safe_row(row))
    return out.getvalue()
