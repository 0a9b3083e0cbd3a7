"""Example content for `load_policy --demo`: made-up measurements, each marked as an example
wherever it is shown. Production never loads it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from home.policy_spec import WORDS


def demo_series(lang: str, goal_key: str, index: int, higher_is_better: bool) -> list[dict]:
    """Six made-up half-yearly values, 2011 2nd half to 2014 1st half, marked as examples."""
    words = WORDS[lang]
    periods = [(2011, 1), (2012, 0), (2012, 1), (2013, 0), (2013, 1), (2014, 0)]
    if goal_key == "goal:2":
        values = ["9.1", "8.8", "8.2", "7.9", "7.4", "7.0"]
    else:
        start = 40 + 7 * (index % 5) + (3 if goal_key == "goal:overall" else 0)
        step = 1 if higher_is_better else -1
        wiggle = [0, 1, 3, 2, 4, 5 + index % 3]
        values = [str(start + step * w) for w in wiggle]
    return [
        {
            "period_label": f"{year}, {words['half'][half]}",
            "period_start": date(year, 1 + 6 * half, 1),
            "value": Decimal(value),
            "published": date(year + (1 if half else 0), 3 if half else 9, 15),
            "source": words["example_source"],
            "note": words["example_note"],
            "is_example": True,
        }
        for (year, half), value in zip(periods, values, strict=True)
    ]
