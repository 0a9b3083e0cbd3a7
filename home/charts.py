"""Server-side SVG charts of the barometer: a line per indicator with its target and baseline.

The numbers are computed here; `home/includes/indicator_chart.html` draws them. Every chart
also carries a title, a one-paragraph summary and the data as a table, so nothing depends on
seeing the picture or its colours: measured points are round markers, example points hollow
squares, the target a dashed line labelled "Target", the baseline a dotted line.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home import barometer

WIDTH = 400
HEIGHT = 260
LEFT, RIGHT, TOP, BOTTOM = 48, 12, 28, 46

# Marked with gettext_lazy where they are written, so makemessages finds them and each is
# translated when shown, in the reader's language.
STATUS_LABELS = {
    barometer.ON_TRACK: ("✓", gettext_lazy("On track")),
    barometer.OFF_TRACK: ("✗", gettext_lazy("Off track")),
    barometer.TARGET_NOT_SET: ("–", gettext_lazy("Target not set")),
    barometer.NO_DATA: ("?", gettext_lazy("No data yet")),
}
DIRECTION_LABELS = {
    barometer.BETTER: gettext_lazy("better"),
    barometer.WORSE: gettext_lazy("worse"),
    barometer.UNCHANGED: gettext_lazy("unchanged"),
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
    return str(STATUS_LABELS[status][1])


def status_symbol(status: str) -> str:
    return STATUS_LABELS[status][0]


def direction_label(direction: str | None) -> str:
    return str(DIRECTION_LABELS[direction]) if direction else ""


def isolate(text: str) -> str:
    """Text set apart for the bidi algorithm (FSI ... PDI, what <bdi> does in HTML): a Danish
    name or period label inside an Arabic sentence keeps its own direction, so "2. halvår" is
    not shown as "halvår .2" and the sentence around it stays in order."""
    return f"\u2068{text}\u2069"


def summary_text(name: str, unit: str, summary: barometer.Summary, target) -> str:
    name = isolate(name)
    if summary.latest is None:
        return _("%(name)s: no measurements yet.") % {"name": name}
    parts = [
        _("%(name)s: latest value %(value)s %(unit)s (%(period)s).")
        % {
            "name": name,
            "value": fmt(summary.latest.value),
            "unit": unit,
            "period": isolate(summary.latest.period_label),
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


def _coord(value: float) -> str:
    """SVG coordinates are never localised: "12.5", not "12,5"."""
    return f"{value:.1f}"


def _nice_step(span: Decimal) -> Decimal:
    raw = span / 4
    magnitude = Decimal(10) ** (raw.adjusted())
    for factor in (1, 2, Decimal("2.5"), 5, 10):
        if raw <= magnitude * factor:
            return magnitude * factor
    return magnitude * 10


def _scale(values: list[Decimal]) -> tuple[Decimal, Decimal, Decimal]:
    """Axis bounds on round numbers, and the step between gridlines."""
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    step = _nice_step(high - low)
    low = (low / step).to_integral_value(rounding="ROUND_FLOOR") * step
    high = (high / step).to_integral_value(rounding="ROUND_CEILING") * step
    if high - low < step * 2:
        high += step
    return low, high, step


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
    low, high, tick_step = _scale(values)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: Decimal) -> str:
        return _coord(TOP + float((high - value) / (high - low)) * plot_h)

    step = plot_w / len(points)
    label_every = 1 if len(points) <= 6 else -(-len(points) // 6)
    for index, point in enumerate(points):
        x = LEFT + step * (index + 0.5)
        chart["points"].append(
            {
                "x": _coord(x),
                "y": y(point.value),
                "mark_x": _coord(x - 5),
                "mark_y": _coord(float(y(point.value)) - 5),
                "value": fmt(point.value),
                "label": point.period_label,
                "label_lines": re.split(r",\s|،\s", point.period_label, maxsplit=1),
                "show_label": index % label_every == 0 or index == len(points) - 1,
                "is_example": point.is_example,
            }
        )
    chart["line"] = " ".join(f"{p['x']},{p['y']}" for p in chart["points"])
    ticks = int((high - low) / tick_step)
    chart["ticks"] = [
        {"y": y(low + tick_step * i), "label": fmt(low + tick_step * i)} for i in range(ticks + 1)
    ]
    chart["left"], chart["right"] = LEFT, WIDTH - RIGHT
    chart["tick_x"] = LEFT - 6
    chart["top"], chart["bottom"] = TOP, HEIGHT - BOTTOM
    chart["label_y"] = HEIGHT - BOTTOM + 20
    if indicator.target_value is not None:
        chart["target"] = {"y": y(indicator.target_value), "value": fmt(indicator.target_value)}
    if indicator.baseline_value is not None:
        chart["baseline"] = {
            "y": y(indicator.baseline_value),
            "value": fmt(indicator.baseline_value),
        }
    return chart
