"""Word stems for the site search, the same on SQLite and PostgreSQL and in every language.

Each page (and each searchable model) indexes, besides its text, the Snowball stems of its words
by each of the site's stemmers (`search_terms`), and each searched word is looked up by its stem
in the reader's language. So "arrangement" finds "arrangementer" in the
embedded default too (SQLite's full-text index does not stem), and a word is found in every
language the reader may meet it in, whatever dictionary PostgreSQL indexed the page through
(core.search: each page's own language's).

Danish glues words together: "Integrationsbarometeret" is one word. After a linking "s" the rest
of a long word is indexed as a word of its own ("barometeret", "frekvens" in
"beskæftigelsesfrekvens"), so "barometer" finds the barometer.

Snowball (the `snowballstemmer` package, the algorithms PostgreSQL's own dictionaries use) has
stemmers for Danish, English, Arabic, Turkish, Polish and Persian; Somali and Urdu words are
indexed as they are.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.utils.html import strip_tags

ALGORITHMS = {
    "da": "danish",
    "en": "english",
    "ar": "arabic",
    "tr": "turkish",
    "pl": "polish",
    "fa": "persian",
}
WORD = re.compile(r"\w+", re.UNICODE)
COMPOUND_MIN = 10  # letters: shorter Danish words are not split
PART_MIN = 5  # letters in the part after a linking "s"


@lru_cache(maxsize=16)
def _stemmer(language: str):
    algorithm = ALGORITHMS.get((language or "").split("-")[0])
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text) if not w.isdigit()]


def compound_parts(word: str) -> list[str]:
    """The parts of a Danish compound after each linking "s": integrations|barometeret."""
    if len(word) < COMPOUND_MIN:
        return []
    return [
        word[i + 1 :]
        for i in range(3, len(word) - PART_MIN)
        if word[i] == "s" and word[i + 1] != "s"
    ]


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """(Cached: a page is indexed at each save and its words recur, so most calls repeat one.)"""
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


@lru_cache(maxsize=1024)
def terms(text: str, language: str) -> str:
    """The extra words a text is indexed under: its words' stems by every stemmer the site has
    (a reader searches with the stems of their own language, and a Danish partner's "Bakery"
    must be found from /en/ too), and in a Danish text the compounds' parts. Words the text
    already has as they are are left out."""
    own = set(words(text))
    extra = set()
    danish = (language or "").startswith("da")
    languages = list(dict.fromkeys([language, *ALGORITHMS]))
    for word in own:
        forms = [word, *(compound_parts(word) if danish else [])]
        for form in forms:
            extra.add(form)
            for each in languages:
                once = stem(form, each)
                # Snowball stems a word once: "praktikpladser" gives "praktikplads", while the
                # searched "praktikplads" gives "praktikplad". Stemming the stem again meets it.
                extra.update((once, stem(once, each)))
    return " ".join(sorted(extra - own))


def text_of(value) -> str:
    """Plain text of a field value (rich text, a StreamField, a list of blocks)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple | set):  # a StreamField's searchable content
        return " ".join(text_of(item) for item in value)
    if hasattr(value, "source"):  # RichText
        value = value.source
    return strip_tags(str(value))
