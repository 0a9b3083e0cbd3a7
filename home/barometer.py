"""The barometer's arithmetic, as pure functions over plain values (no database).

The rule, as shown to residents on the barometer page:

* **No data**: the indicator has no measurement yet.
* **Target not set**: there are measurements, but the policy has not fixed a target value
  (it wrote "X %"). The barometer never invents one.
* **On track**: the latest value has reached the target (at or above it when higher is
  better, at or below it when lower is better); or it is at least as good as a straight line
  from the baseline to the target says it should be at the start of the latest period. The
  baseline is the indicator's baseline value and date, or, when those are missing, the first
  measurement. Without a target date, "on track" means the latest value is closer to the
  target than the baseline was.
* **Off track**: everything else.

The **distance to target** is the absolute difference between the latest value and the
target, in the indicator's unit; `reached` says whether the target has been met.
The **change** is the latest value minus the previous period's value; its **direction** is
"better", "worse" or "unchanged" depending on whether higher or lower is better.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

NO_DATA = "no_data"
TARGET_NOT_SET = "target_not_set"
ON_TRACK = "on_track"
OFF_TRACK = "off_track"

BETTER = "better"
WORSE = "worse"
UNCHANGED = "unchanged"


@dataclass(frozen=True)
class Point:
    period_label: str
    period_start: date
    value: Decimal
    is_example: bool = False


@dataclass(frozen=True)
class Spec:
    higher_is_better: bool = True
    baseline_value: Decimal | None = None
    baseline_date: date | None = None
    target_value: Decimal | None = None
    target_date: date | None = None


@dataclass(frozen=True)
class Summary:
    status: str
    latest: Point | None
    previous: Point | None
    change: Decimal | None
    direction: str | None
    distance: Decimal | None
    reached: bool | None
    expected: Decimal | None
    has_examples: bool


def is_better(spec: Spec, value: Decimal, than: Decimal) -> bool:
    return value > than if spec.higher_is_better else value < than


def has_reached(spec: Spec, value: Decimal) -> bool | None:
    if spec.target_value is None:
        return None
    return not is_better(spec, spec.target_value, value)


def distance_to_target(spec: Spec, value: Decimal | None) -> Decimal | None:
    if value is None or spec.target_value is None:
        return None
    return abs(spec.target_value - value)


def change(latest: Point | None, previous: Point | None) -> Decimal | None:
    if latest is None or previous is None:
        return None
    return latest.value - previous.value


def direction(spec: Spec, delta: Decimal | None) -> str | None:
    if delta is None:
        return None
    if delta == 0:
        return UNCHANGED
    return BETTER if (delta > 0) == spec.higher_is_better else WORSE


def baseline(spec: Spec, points: Sequence[Point]) -> tuple[Decimal, date] | None:
    if spec.baseline_value is not None and spec.baseline_date is not None:
        return spec.baseline_value, spec.baseline_date
    if points:
        first = min(points, key=lambda p: p.period_start)
        return first.value, first.period_start
    return None


def expected_value(spec: Spec, points: Sequence[Point], on: date) -> Decimal | None:
    """Where a straight line from the baseline to the target stands on a given date."""
    start = baseline(spec, points)
    if start is None or spec.target_value is None or spec.target_date is None:
        return None
    start_value, start_date = start
    span = (spec.target_date - start_date).days
    if span <= 0:
        return spec.target_value
    elapsed = min(max((on - start_date).days, 0), span)
    fraction = Decimal(elapsed) / Decimal(span)
    return start_value + (spec.target_value - start_value) * fraction


def status(spec: Spec, points: Sequence[Point]) -> str:
    if not points:
        return NO_DATA
    if spec.target_value is None:
        return TARGET_NOT_SET
    latest = max(points, key=lambda p: p.period_start)
    if has_reached(spec, latest.value):
        return ON_TRACK
    expected = expected_value(spec, points, latest.period_start)
    if expected is not None:
        return OFF_TRACK if is_better(spec, expected, latest.value) else ON_TRACK
    start = baseline(spec, points)
    if start is not None and is_better(spec, latest.value, start[0]):
        return ON_TRACK
    return OFF_TRACK


def summarize(spec: Spec, points: Sequence[Point]) -> Summary:
    ordered = sorted(points, key=lambda p: p.period_start)
    latest = ordered[-1] if ordered else None
    previous = ordered[-2] if len(ordered) > 1 else None
    delta = change(latest, previous)
    value = latest.value if latest else None
    return Summary(
        status=status(spec, ordered),
        latest=latest,
        previous=previous,
        change=delta,
        direction=direction(spec, delta),
        distance=distance_to_target(spec, value),
        reached=has_reached(spec, value) if value is not None else None,
        expected=expected_value(spec, ordered, latest.period_start) if latest else None,
        has_examples=any(p.is_example for p in ordered),
    )
