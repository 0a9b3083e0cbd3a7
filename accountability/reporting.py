"""The yearly status report's figures: built once from the platform's data (`build`), stored
on the report page as a snapshot, and shown, downloaded and exported from that snapshot only.

A snapshot is plain JSON. Each section has the same shape, whichever app it comes from:
`{"key", "heading", "has_data", "facts": [{"label", "value"}], "tables": [{"name", "caption",
"columns", "rows"}]}`; headings, labels, captions and column names are English msgids (marked
with gettext_noop where they are written) and are translated when the report is shown, so one
snapshot serves every language. The goals section also carries each indicator's points, from
which the chart is drawn. Numbers with decimals are stored as strings, so they stay exact.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import Locale

from accountability.models import ActionPlanPage, Activity, ActivityStatusChange, Assessment
from home import barometer, charts
from home.models import GoalPage, Indicator, Measurement
from home.selectors import spec_for

SNAPSHOT_VERSION = 1
# The barometer's status words (the same msgids as home.charts), translated when shown.
BAROMETER_STATUS_MSGIDS = {
    barometer.ON_TRACK: gettext_noop("On track"),
    barometer.OFF_TRACK: gettext_noop("Off track"),
    barometer.TARGET_NOT_SET: gettext_noop("Target not set"),
    barometer.NO_DATA: gettext_noop("No data yet"),
}


def _num(value) -> str | None:
    return None if value is None else format(Decimal(value).normalize(), "f")


def _titles_by_language(pages) -> dict[str, dict[str, str]]:
    """translation_key -> {language code: title} for the live translations of `pages`."""
    keys = [p.translation_key for p in pages]
    titles: dict[str, dict[str, str]] = {}
    rows = (
        GoalPage.objects.live()
        .filter(translation_key__in=keys)
        .values_list("translation_key", "locale__language_code", "title")
    )
    for key, code, title in rows:
        titles.setdefault(str(key), {})[code] = title
    return titles


def goals_section(year: int) -> dict:
    """Each main goal and the overall goal: every indicator's latest measurement up to the end
    of `year` against baseline and target, the change over the year and the status then."""
    default = Locale.get_default()
    goals = list(GoalPage.objects.live().filter(locale=default).order_by("path"))
    titles = _titles_by_language(goals)
    last_day = date(year, 12, 31)
    measurements = Measurement.objects.filter(period_start__lte=last_day).order_by(
        "period_start", "sort_order"
    )
    indicators = (
        Indicator.objects.filter(page__in=goals)
        .order_by("sort_order", "pk")
        .prefetch_related(Prefetch("measurements", queryset=measurements))
    )
    by_goal: dict[int, list] = {}
    for indicator in indicators:
        by_goal.setdefault(indicator.page_id, []).append(indicator)
    out_goals, rows, has_data = [], [], False
    for goal in goals:
        items = []
        for indicator in by_goal.get(goal.pk, []):
            points = [
                barometer.Point(m.period_label, m.period_start, m.value, m.is_example)
                for m in indicator.measurements.all()
            ]
            in_year = [p for p in points if p.period_start.year == year]
            before = [p for p in points if p.period_start.year < year]
            has_data = has_data or bool(in_year)
            summary = barometer.summarize(spec_for(indicator), points)
            latest = points[-1] if points else None
            start = before[-1] if before else None
            change = latest.value - start.value if latest and start and in_year else None
            item = {
                "name": indicator.name,
                "unit": indicator.unit,
                "higher_is_better": indicator.higher_is_better,
                "baseline_value": _num(indicator.baseline_value),
                "target_value": _num(indicator.target_value),
                "target_date": indicator.target_date.isoformat() if indicator.target_date else None,
                "status": summary.status,
                "latest_value": _num(latest.value) if latest else None,
                "latest_period": latest.period_label if latest else "",
                "change_over_year": _num(change),
                "measured_in_year": len(in_year),
                "points": [
                    {
                        "label": p.period_label,
                        "start": p.period_start.isoformat(),
                        "value": _num(p.value),
                        "is_example": p.is_example,
                    }
                    for p in points
                ],
            }
            items.append(item)
            rows.append(
                [
                    goal.title,
                    indicator.name,
                    item["baseline_value"],
                    item["target_value"],
                    item["latest_value"],
                    item["latest_period"],
                    item["change_over_year"],
                    BAROMETER_STATUS_MSGIDS[summary.status],
                ]
            )
        out_goals.append(
            {
                "number": goal.number,
                "is_overall": goal.is_overall,
                "titles": titles.get(
                    str(goal.translation_key), {default.language_code: goal.title}
                ),
                "indicators": items,
            }
        )
    return {
        "key": "goals",
        "heading": gettext_noop("The main goals in the barometer"),
        "has_data": has_data,
        "facts": [],
        "goals": out_goals,
        "tables": [
            {
                "name": "goals",
                "caption": gettext_noop("The main goals: latest measurement and status"),
                "columns": [
                    gettext_noop("Goal"),
                    gettext_noop("Indicator"),
                    gettext_noop("Baseline"),
                    gettext_noop("Target"),
                    gettext_noop("Latest"),
                    gettext_noop("Period"),
                    gettext_noop("Change over the year"),
                    gettext_noop("Status"),
                ],
                "rows": rows,
            }
        ],
    }


STATUS_MSGIDS = {
    "planned": gettext_noop("Planned"),
    "under_way": gettext_noop("Under way"),
    "done": gettext_noop("Done"),
    "delayed": gettext_noop("Delayed"),
    "stopped": gettext_noop("Stopped"),
    "": "",
}
VERDICT_MSGIDS = {
    "sufficient": gettext_noop("Sufficient"),
    "needs_revision": gettext_noop("Needs revision"),
    "not_enough_data": gettext_noop("Not enough data"),
}


def activities_section(year: int) -> dict:
    """The action plans' activities by status, and every status change published in `year`."""
    default = Locale.get_default()
    plans = ActionPlanPage.objects.live().filter(locale=default)
    activities = list(
        Activity.objects.filter(plan__in=plans)
        .select_related("plan__committee")
        .prefetch_related("goals")
        .order_by("plan__committee__sort_order", "plan__path", "sort_order")
    )
    changes = list(
        ActivityStatusChange.objects.filter(activity__plan__in=plans, recorded_at__year=year)
        .select_related("activity__plan__committee")
        .order_by("recorded_at", "pk")
    )
    counts = {value: 0 for value in STATUS_MSGIDS if value}
    for activity in activities:
        counts[activity.status] = counts.get(activity.status, 0) + 1
    return {
        "key": "activities",
        "heading": gettext_noop("The committees' action plans"),
        "has_data": bool(changes),
        "facts": [
            {"label": gettext_noop("Action plans"), "value": plans.count()},
            {"label": gettext_noop("Activities"), "value": len(activities)},
        ]
        + [{"label": STATUS_MSGIDS[value], "value": n} for value, n in counts.items()]
        + [{"label": gettext_noop("Status changes during the year"), "value": len(changes)}],
        "tables": [
            {
                "name": "activities",
                "caption": gettext_noop("Activities and their status"),
                "columns": [
                    gettext_noop("Committee"),
                    gettext_noop("Activity"),
                    gettext_noop("Status"),
                    gettext_noop("Progress in per cent"),
                    gettext_noop("Main goals"),
                ],
                "rows": [
                    [
                        a.plan.committee.name,
                        a.title,
                        STATUS_MSGIDS[a.status],
                        a.progress,
                        ", ".join(str(g.number) for g in a.goals.all() if g.number),
                    ]
                    for a in activities
                ],
            },
            {
                "name": "status-changes",
                "caption": gettext_noop("Status changes during the year"),
                "columns": [
                    gettext_noop("Date"),
                    gettext_noop("Committee"),
                    gettext_noop("Activity"),
                    gettext_noop("From"),
                    gettext_noop("To"),
                    gettext_noop("Why"),
                ],
                "rows": [
                    [
                        c.when.isoformat(),
                        c.activity.plan.committee.name,
                        c.activity.title,
                        STATUS_MSGIDS[c.previous_status],
                        STATUS_MSGIDS[c.status],
                        c.note,
                    ]
                    for c in changes
                ],
            },
        ],
    }


def assessments_section(year: int) -> dict:
    assessments = list(
        Assessment.objects.filter(live=True, assessed_on__year=year)
        .select_related("member", "plan", "goal")
        .order_by("assessed_on", "pk")
    )
    return {
        "key": "assessments",
        "heading": gettext_noop("The think tank's assessments"),
        "has_data": bool(assessments),
        "facts": [{"label": gettext_noop("Assessments"), "value": len(assessments)}],
        "tables": [
            {
                "name": "assessments",
                "caption": gettext_noop("The think tank's assessments during the year"),
                "columns": [
                    gettext_noop("Date"),
                    gettext_noop("By"),
                    gettext_noop("Assessed"),
                    gettext_noop("Assessment"),
                    gettext_noop("Reasoning"),
                ],
                "rows": [
                    [
                        a.assessed_on.isoformat(),
                        a.member.name if a.member_id else gettext_noop("The think tank as a whole"),
                        (a.plan or a.goal).title,
                        VERDICT_MSGIDS[a.verdict],
                        a.reasoning,
                    ]
                    for a in assessments
                ],
            }
        ],
    }


def build(year: int) -> dict:
    """The figures of `year`, as the report stores them. Each app above home counts its own
    part (`<app>/reporting.py`)."""
    from dialogue import reporting as dialogue_reporting
    from events import reporting as events_reporting
    from partnerships import reporting as partnerships_reporting

    sections = [
        goals_section(year),
        activities_section(year),
        assessments_section(year),
        partnerships_reporting.year_in_figures(year),
        dialogue_reporting.year_in_figures(year),
        events_reporting.year_in_figures(year),
    ]
    return {
        "version": SNAPSHOT_VERSION,
        "year": year,
        "built_at": timezone.now().isoformat(),
        "has_data": any(section["has_data"] for section in sections),
        "sections": sections,
    }


# --- showing a snapshot ----------------------------------------------------------------------


def _cell(value, names: dict[str, str], content_lang: str | None) -> dict:
    """A cell as shown: a UI word in the reader's language, a goal's title in theirs where the
    goal is translated, other text as written (Danish content, marked with its language)."""
    if not isinstance(value, str) or not value:
        return {"value": value, "lang": None}
    if value in names:
        return {"value": names[value], "lang": None}
    shown = _(value)
    if shown != value:
        return {"value": shown, "lang": None}
    return {"value": value, "lang": content_lang}


def _table(table: dict, names: dict[str, str] | None = None, content_lang: str | None = None):
    names = names or {}
    return {
        "name": table["name"],
        "caption": _(table["caption"]),
        "columns": [_(c) for c in table["columns"]],
        "rows": [[_cell(v, names, content_lang) for v in row] for row in table["rows"]],
    }


def _goal_for_display(goal: dict, language: str, default: str, index: int) -> dict:
    title = goal["titles"].get(language) or goal["titles"].get(default) or ""
    title_lang = None if language in goal["titles"] else default
    indicators = []
    for i, item in enumerate(goal["indicators"]):
        spec = barometer.Spec(
            higher_is_better=item["higher_is_better"],
            baseline_value=Decimal(item["baseline_value"]) if item["baseline_value"] else None,
            target_value=Decimal(item["target_value"]) if item["target_value"] else None,
        )
        points = [
            barometer.Point(
                p["label"], date.fromisoformat(p["start"]), Decimal(p["value"]), p["is_example"]
            )
            for p in item["points"]
        ]
        data = SimpleNamespace(
            indicator=SimpleNamespace(
                name=item["name"],
                unit=item["unit"],
                target_value=spec.target_value,
                baseline_value=spec.baseline_value,
            ),
            points=points,
            summary=barometer.summarize(spec, points),
            measurements=[],
        )
        indicators.append(
            {
                **item,
                "status_symbol": charts.status_symbol(item["status"]),
                "status_label": charts.status_label(item["status"]),
                "chart": charts.line_chart(data, f"report-chart-{index}-{i}"),
                "data": data,
            }
        )
    return {**goal, "title": title, "title_lang": title_lang, "indicators": indicators}


def for_display(figures: dict) -> dict | None:
    """The snapshot with its words in the active language, and the goals' charts."""
    if not figures or "sections" not in figures:
        return None
    from django.utils.translation import get_language

    language = get_language()
    default = Locale.get_default().language_code
    content_lang = None if language == default else default
    names = _goal_names(figures, language, default)
    sections = []
    for section in figures["sections"]:
        shown = {
            "key": section["key"],
            "heading": _(section["heading"]),
            "has_data": section["has_data"],
            "facts": [{"label": _(f["label"]), "value": f["value"]} for f in section["facts"]],
            "tables": [_table(t, names, content_lang) for t in section["tables"]],
        }
        if section["key"] == "goals":
            shown["goals"] = [
                _goal_for_display(g, language, default, n)
                for n, g in enumerate(section.get("goals", []))
            ]
        sections.append(shown)
    return {"year": figures["year"], "built_at": figures["built_at"], "sections": sections}


def _goal_names(figures: dict, language: str, default: str) -> dict[str, str]:
    """A goal's Danish title -> its title in `language`, where the snapshot has one."""
    names = {}
    for section in figures.get("sections", []):
        for goal in section.get("goals", []):
            titles = goal.get("titles", {})
            if titles.get(default) and titles.get(language):
                names[titles[default]] = titles[language]
    return names


def table(figures: dict, name: str) -> dict | None:
    """One table of the snapshot by its name, its words in the active language (plain values,
    for a CSV)."""
    from django.utils.translation import get_language

    names = _goal_names(figures, get_language(), Locale.get_default().language_code)
    for section in figures.get("sections", []):
        for t in section["tables"]:
            if t["name"] == name:
                shown = _table(t, names)
                shown["rows"] = [[cell["value"] for cell in row] for row in shown["rows"]]
                return shown
    return None


def table_names(figures: dict) -> list[str]:
    return [t["name"] for s in figures.get("sections", []) for t in s["tables"]]
