"""Server-side SVG charts of the barometer: a line per indicator with its target and baseline.

The numbers are computed here; `home/includes/indicator_chart.html` draws them. Every chart
also carries a title, a one-paragraph summary and the data as a table, so nothing depends on
seeing the picture or its colours: measured points are round markers, example points hollow
squares, the target a dashed line labelled "Target", the baseline a dotted line.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from home import barometer

WIDTH = 480
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 52, 16, 20, 44

STATUS_LABELS = {
    barometer.ON_TRACK: ("✓", "On track"),
    barometer.OFF_TRACK: ("✗", "Off track"),
    barometer.TARGET_NOT_SET: ("–", "Target not set"),
    barometer.NO_DATA: ("?", "No data yet"),
}
DIRECTION_LABELS = {
    barometer.BETTER: "better",
    barometer.WORSE: "worse",
    barometer.UNCHANGED: "unchanged",
}


def fmt(value: Decimal | float | None) -> str:
    """A number as people write it in the active language, without needless decimals."""
    if value is None:
        return ""
    value = Decimal(value).quantize(Decimal("0.01")).normalize()
    places = max(-value.as_tuple().exponent, 0)
    return number_format(value, decimal_pos=places)


def fmt_signed(value: Decimal | None) -> str:
    if value is None:
        return ""
    return ("+" if value > 0 else "−" if value < 0 else "±") + fmt(abs(value))


def status_label(status: str) -> str:
    return _(STATUS_LABELS[status][1])


def status_symbol(status: str) -> str:
    return STATUS_LABELS[status][0]


def direction_label(direction: str | None) -> str:
    return _(DIRECTION_LABELS[direction]) if direction else ""


def summary_text(name: str, unit: str, summary: barometer.Summary, target) -> str:
    if summary.latest is None:
        return _("%(name)s: no measurements yet.") % {"name": name}
    parts = [
        _("%(name)s: latest value %(value)s %(unit)s (%(period)s).")
        % {
            "name": name,
            "value": fmt(summary.latest.value),
            "unit": unit,
            "period": summary.latest.period_label,
        }
    ]
    if summary.change is not None:
        parts.append(
            _("Change since the previous period: %(change)s (%(direction)s).")
            % {
                "change": fmt_signed(summary.change),
                "direction": direction_label(summary.direction),
            }
        )
    if target is None:
        parts.append(_("The target is not yet set."))
    else:
        parts.append(
            _("Target %(target)s %(unit)s; distance to target %(distance)s.")
            % {"target": fmt(target), "unit": unit, "distance": fmt(summary.distance)}
        )
    parts.append(_("Status: %(status)s.") % {"status": status_label(summary.status)})
    if summary.has_examples:
        parts.append(_("These are example figures, not real measurements."))
    return " ".join(parts)


def _scale(values: list[Decimal]) -> tuple[Decimal, Decimal]:
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    margin = (high - low) / 10
    return low - margin, high + margin


def line_chart(data, chart_id: str) -> dict:
    """`data` is a `selectors.IndicatorData`. Returns what the chart template needs."""
    indicator, summary = data.indicator, data.summary
    points = data.points
    title = _("%(name)s over time") % {"name": indicator.name}
    chart = {
        "id": chart_id,
        "title": title,
        "summary": summary_text(indicator.name, indicator.unit, summary, indicator.target_value),
        "width": WIDTH,
        "height": HEIGHT,
        "points": [],
        "has_data": bool(points),
    }
    if not points:
        return chart
    values = [p.value for p in points]
    for extra in (indicator.target_value, indicator.baseline_value):
        if extra is not None:
            values.append(extra)
    low, high = _scale(values)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: Decimal) -> float:
        return round(TOP + float((high - value) / (high - low)) * plot_h, 1)

    step = plot_w / len(points)
    label_every = 1 if len(points) <= 6 else -(-len(points) // 6)
    for index, point in enumerate(points):
        x = round(LEFT + step * (index + 0.5), 1)
        chart["points"].append(
            {
                "x": x,
                "y": y(point.value),
                "value": fmt(point.value),
                "label": point.period_label,
                "show_label": index % label_every == 0 or index == len(points) - 1,
                "is_example": point.is_example,
            }
        )
    chart["line"] = " ".join(f"{p['x']},{p['y']}" for p in chart["points"])
    chart["ticks"] = [
        {"y": y(low + (high - low) * Decimal(i) / 4), "label": fmt(low + (high - low) * i / 4)}
        for i in range(5)
    ]
    chart["left"], chart["right"] = LEFT, WIDTH - RIGHT
    chart["top"], chart["bottom"] = TOP, HEIGHT - BOTTOM
    chart["label_y"] = HEIGHT - BOTTOM + 18
    if indicator.target_value is not None:
        chart["target"] = {"y": y(indicator.target_value), "value": fmt(indicator.target_value)}
    if indicator.baseline_value is not None:
        chart["baseline"] = {
            "y": y(indicator.baseline_value),
            "value": fmt(indicator.baseline_value),
        }
    return chart
