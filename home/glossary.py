"""Glossary terms marked in page text: the first time a term appears on a page it becomes a
link to its explanation in the page's "Words in the text" list, and home/static/home/plain.js
turns that link into a button that opens the explanation in place (a disclosure, not a
tooltip). Without JavaScript the link and the list still work.

Works on rendered HTML, so it sees what the reader sees: text inside links, buttons, headings,
form controls and scripts is left alone (a link inside a link is not allowed, and a heading
should read as written).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from home.policy_spec import slugify

TAG = re.compile(r"(<[^>]*>)")
TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)")
SKIP = {
    "a",
    "button",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "summary",
    "script",
    "style",
    "textarea",
    "select",
    "label",
    "svg",
    "code",
    "pre",
    "dt",
}
VOID = {"br", "img", "input", "hr", "meta", "link", "wbr", "source", "col", "area", "base"}


@dataclass
class GlossaryState:
    """What one page has marked so far: terms by lower-case form, and the notes to list."""

    terms: dict[str, object]
    seen: set[str] = field(default_factory=set)
    notes: list = field(default_factory=list)

    def pattern(self) -> re.Pattern | None:
        unseen = sorted((t for t in self.terms if t not in self.seen), key=len, reverse=True)
        if not unseen:
            return None
        words = "|".join(re.escape(t) for t in unseen)
        return re.compile(rf"(?<![^\W_])({words})[^\W_]*", re.IGNORECASE)


def term_id(term: str) -> str:
    return "term-" + slugify(term)


def mark_terms(html: str, state: GlossaryState) -> str:
    out = []
    skip_depth = 0
    for part in TAG.split(html):
        if part.startswith("<"):
            match = TAG_NAME.match(part)
            if match:
                closing, name = match.group(1), match.group(2).lower()
                if name in SKIP and name not in VOID and not part.rstrip().endswith("/>"):
                    skip_depth += -1 if closing else 1
                    skip_depth = max(skip_depth, 0)
            out.append(part)
            continue
        if skip_depth or not part.strip():
            out.append(part)
            continue
        out.append(_mark_text(part, state))
    return "".join(out)


def _mark_text(text: str, state: GlossaryState) -> str:
    pattern = state.pattern()
    if pattern is None:
        return text
    pieces, last = [], 0
    for match in pattern.finditer(text):
        key = match.group(1).lower()
        if key in state.seen:
            continue
        state.seen.add(key)
        state.notes.append(state.terms[key])
        anchor = term_id(key)
        pieces.append(text[last : match.start()])
        pieces.append(
            f'<a class="term" href="#{anchor}" id="{anchor}-ref" data-term="{anchor}">'
            f"{match.group(0)}</a>"
        )
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def notes_html_items(state: GlossaryState) -> list[dict]:
    return [
        {"id": term_id(t.term), "term": t.term, "explanation": t.explanation} for t in state.notes
    ]
