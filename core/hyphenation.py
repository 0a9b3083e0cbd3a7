"""Break points in long Danish compounds ("Integrations­barometeret").

Browsers hyphenate with `hyphens: auto` only where they carry a dictionary for the language,
and Chromium on Linux carries none, so a long compound in a narrow box is cut anywhere
("Integrationsbaromet|eret") or runs out of it. A soft hyphen (U+00AD) after a known first part
gives every browser a good place to break, and shows a hyphen only where it breaks. The parts
listed are the first halves of the compounds the policy and the site use; a part is only split
off when at least four letters follow, so "borgere" and "politikken" stay whole.
"""

import re

SOFT_HYPHEN = "\u00ad"
MIN_TAIL = 4

# First parts of compounds, longest first so "beskæftigelses" wins over shorter matches.
FIRST_PARTS = sorted(
    [
        "arbejds",
        "beskæftigelses",
        "bolig",
        "borger",
        "erhvervs",
        "fritids",
        "fyrtårns",
        "fælles",
        "handle",
        "integrations",
        "kultur",
        "lige",
        "mangfoldigheds",
        "minoritets",
        "partnerskabs",
        "praktik",
        "samarbejds",
        "status",
        "tilgængeligheds",
        "uddannelses",
        "udvalgs",
    ],
    key=len,
    reverse=True,
)

_WORD = re.compile(r"\w{" + str(min(map(len, FIRST_PARTS)) + MIN_TAIL) + ",}")


def _split(word: str) -> str:
    lower = word.lower()
    for part in FIRST_PARTS:
        if lower.startswith(part) and len(word) - len(part) >= MIN_TAIL:
            return word[: len(part)] + SOFT_HYPHEN + _split(word[len(part) :])
    return word


def soft_hyphenate(text: str) -> str:
    """`text` with a soft hyphen after each known first part of a compound word."""
    if not text or SOFT_HYPHEN in text:
        return text
    return _WORD.sub(lambda match: _split(match.group(0)), text)
