"""LIX (læsbarhedsindeks), the readability score Danish editors know: words per sentence plus
the share of long words. core/static/core/readability.js computes it the same way for the
Wagtail editor (tests/core/test_readability.py checks that the two agree).

Rules, kept simple so the JS can copy them exactly:

* a word is a run of letters and digits; a long word has more than 6 of them;
* a sentence ends at ".", "!", "?" or ":" followed by a space or the end, or at a line break
  (a list item or a heading without a full stop is a sentence of its own);
* HTML (rich text) is read as text: block tags end a line, other tags are dropped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import pgettext_lazy

BLOCK_TAG = re.compile(r"<\s*(?:br|/p|/li|/h[1-6]|/div|/blockquote|/tr)\b[^>]*>", re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]*>")
WORD = re.compile(r"[^\W_]+")
SENTENCE_END = re.compile(r"[.!?:]+(?=\s|$)|\n+")
LONG_WORD = 6

EASY_MAX = 35  # at most this is easy ("let"), the level asked of "Kort fortalt"
MEDIUM_MAX = 45  # below this is medium; from here on hard

VERDICTS = {
    "easy": pgettext_lazy("readability", "easy"),
    "medium": pgettext_lazy("readability", "medium"),
    "hard": pgettext_lazy("readability", "hard"),
}


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int
    score: float

    @property
    def verdict(self) -> str:
        return verdict(self.score)


def html_to_text(value: str) -> str:
    """Rich text as the reader meets it: block ends become line breaks, tags go, entities are
    read as the characters they stand for."""
    return html.unescape(ANY_TAG.sub(" ", BLOCK_TAG.sub("\n", value)))


def lix(text: str) -> Lix:
    words = WORD.findall(text)
    if not words:
        return Lix(0, 0, 0, 0.0)
    sentences = sum(1 for part in SENTENCE_END.split(text) if WORD.search(part))
    sentences = max(sentences, 1)
    long_words = sum(1 for word in words if len(word) > LONG_WORD)
    score = len(words) / sentences + 100 * long_words / len(words)
    return Lix(len(words), sentences, long_words, score)


def lix_html(value: str) -> Lix:
    return lix(html_to_text(value))


def verdict(score: float) -> str:
    """ "easy", "medium" or "hard" (translate with VERDICTS)."""
    if score <= EASY_MAX:
        return "easy"
    if score < MEDIUM_MAX:
        return "medium"
    return "hard"


def stream_text(stream_value) -> str:
    """The readable text of a StreamField value (or any block value): paragraphs, headings,
    list items, struct fields, one per line; numbers, dates and page links are skipped."""
    from wagtail.rich_text import RichText

    parts: list[str] = []

    def walk(value):
        if value is None:
            return
        if isinstance(value, RichText):
            parts.append(html_to_text(value.source))
        elif isinstance(value, str):
            parts.append(value)
        elif isinstance(value, Mapping):  # a struct block
            for child in value.values():
                walk(child)
        elif isinstance(value, Iterable):  # a stream or list block
            for child in value:
                walk(getattr(child, "value", child))

    walk(stream_value)
    return "\n".join(part.strip() for part in parts if part and part.strip())
