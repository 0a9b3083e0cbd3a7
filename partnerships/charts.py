"""A server-rendered SVG chart: partners by district, each bar split by kind. Every kind has a
colour and a pattern, and every bar its number written beside it, so colour is never the only
signal; the same figures are in a table under the chart."""

from dataclasses import dataclass

# (fill colour, pattern) per kind, in Kind order. All colours reach 3:1 against white.
STYLES = [
    ("#00537a", "solid"),
    ("#1d6b34", "diagonal"),
    ("#a4231b", "dots"),
    ("#7a4b00", "horizontal"),
    ("#5b3f8c", "cross"),
    ("#4a4a4a", "vertical"),
]
# Each district's name sits above its bar, so the chart stays legible on a phone.
LABEL_WIDTH = 0
BAR_AREA = 440
ROW_HEIGHT = 48
BAR_HEIGHT = 18
LABEL_HEIGHT = 22
TOP = 4


@dataclass
class Segment:
    x: float
    width: float
    pattern_id: str
    colour: str
    kind_label: str
    count: int


def chart_geometry(chart: dict, id_prefix: str = "pc") -> dict:
    kinds = chart["kinds"]
    styles = {kind.value: STYLES[i % len(STYLES)] for i, kind in enumerate(kinds)}
    scale = BAR_AREA / chart["max_total"] if chart["max_total"] else 0
    rows = []
    for index, row in enumerate(chart["rows"]):
        label_y = TOP + index * ROW_HEIGHT + 16
        y = TOP + index * ROW_HEIGHT + LABEL_HEIGHT
        x = LABEL_WIDTH
        segments = []
        for kind, count in zip(kinds, row["cells"], strict=True):
            if not count:
                continue
            colour, pattern = styles[kind.value]
            width = count * scale
            segments.append(
                Segment(x, width, f"{id_prefix}-{pattern}", colour, str(kind.label), count)
            )
            x += width
        rows.append(
            {
                "label": str(row["district"].label),
                "y": y,
                "label_y": label_y,
                "text_y": y + BAR_HEIGHT - 4,
                "segments": segments,
                "total": row["total"],
                "total_x": x + 6,
            }
        )
    legend = [
        {
            "label": str(kind.label),
            "colour": styles[kind.value][0],
            "pattern_id": f"{id_prefix}-{styles[kind.value][1]}",
        }
        for kind in kinds
    ]
    patterns = [
        {"id": f"{id_prefix}-{pattern}", "kind": pattern, "colour": colour}
        for colour, pattern in (styles[k.value] for k in kinds)
    ]
    return {
        "rows": rows,
        "legend": legend,
        "patterns": patterns,
        "width": LABEL_WIDTH + BAR_AREA + 40,
        "height": TOP * 2 + len(rows) * ROW_HEIGHT,
        "bar_height": BAR_HEIGHT,
        "label_x": 0,
    }
