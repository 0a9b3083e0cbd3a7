"""The site's search backend (settings.WAGTAILSEARCH_BACKENDS): Wagtail's database backend, with
the searcher's words made safe before they reach the database, and looked up by their stems in
the reader's language (core.stemming; the models index their stems through
`StemmedSearch`). On PostgreSQL each object is indexed through its own language's dictionary and
a search matches through all of them (`POSTGRES_CONFIGS`, below).

The database backend puts each word into the query as typed: on SQLite a `"` ends FTS5's quoted
term early (`">` is a syntax error, a 500 on the site search, the pages API and the admin), and
PostgreSQL refuses a NUL in any string. Both answered 500 (issue 11). Here NUL is dropped and,
on SQLite, a `"` is doubled, which is how FTS5 writes a quote inside a quoted term. The words
still match what they say; every search path (site search, API, admin) goes through this.
"""

import copy
from collections import defaultdict
from functools import reduce

from django.conf import settings
from django.db import connection
from django.utils.translation import get_language
from modelsearch import index
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from core import stemming

SEARCH_TERMS = "search_terms"


def _safe_words(text: str) -> str:
    text = text.replace("\x00", "")
    if connection.vendor == "sqlite":
        text = text.replace('"', '""')
    return text


def safe_query(query):
    """The query (a string or a tree of search query objects) with every string made safe."""
    if isinstance(query, str):
        return _safe_words(query)
    query = copy.copy(query)
    if isinstance(getattr(query, "query_string", None), str):
        query.query_string = _safe_words(query.query_string)
    for name in ("subquery", "subquery_a", "subquery_b"):
        if getattr(query, name, None) is not None:
            setattr(query, name, safe_query(getattr(query, name)))
    if getattr(query, "subqueries", None) is not None:
        query.subqueries = [safe_query(sub) for sub in query.subqueries]
    return query


def stemmed_query(text: str) -> str:
    """The searched words as their stems in the reader's language. Every indexed text also
    holds its words' stems (`StemmedSearch`), so a stem finds each form of the word. (One plain
    query, not an OR of forms: the SQLite backend does not combine sub-queries correctly.)"""
    language = get_language() or settings.LANGUAGE_CODE
    return " ".join(stemming.stem(word, language) for word in stemming.words(text)) or text


class _SafeWords:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        query = safe_query(query)
        if isinstance(query, str):
            query = stemmed_query(query)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


class StemmedSearch:
    """Indexes a model's searchable text once more as the stems of its words (core.stemming; the
    model's own language, its Wagtail locale or else Danish, decides whether Danish compounds
    are split). Put it before `Page` or `index.Indexed` in the bases."""

    @classmethod
    def get_search_fields(cls):
        fields = [f for f in super().get_search_fields() if f.field_name != SEARCH_TERMS]
        return [*fields, index.SearchField(SEARCH_TERMS)]

    def search_terms(self) -> str:
        locale = getattr(self, "locale", None) if getattr(self, "locale_id", None) else None
        language = locale.language_code if locale is not None else settings.LANGUAGE_CODE
        texts = [
            stemming.text_of(field.get_value(self))
            for field in type(self).get_search_fields()
            if isinstance(field, index.SearchField) and field.field_name != SEARCH_TERMS
        ]
        return stemming.terms(" ".join(texts), language)


# PostgreSQL's text-search configuration for each content language: its own Snowball dictionary
# where PostgreSQL has one, else "simple" (words as written; our own stems, `StemmedSearch`, still
# find the other forms). A model without a locale uses the backend's SEARCH_CONFIG.
POSTGRES_CONFIGS = {"da": "danish", "en": "english", "ar": "arabic", "tr": "turkish"}
POSTGRES_FALLBACK_CONFIG = "simple"


def postgres_config(language_code: str | None, default: str) -> str:
    if not language_code:
        return default
    return POSTGRES_CONFIGS.get(language_code.split("-")[0], POSTGRES_FALLBACK_CONFIG)


class _ConfigPerLanguageIndex:
    """PostgreSQL index: each object's text goes into the index through the configuration of
    its own language (a Danish page through "danish", its English translation through
    "english")."""

    def add_items(self, model, objs):
        from wagtail.models import Locale

        codes = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(list)
        for obj in objs:
            code = codes.get(getattr(obj, "locale_id", None))
            groups[postgres_config(code, self.backend.config)].append(obj)
        for config, group in groups.items():
            backend = copy.copy(self.backend)
            backend.config = config  # what the index reads for each object's vector
            index = copy.copy(self)
            index.backend = backend
            super(_ConfigPerLanguageIndex, index).add_items(model, group)


class _EveryConfigQuery:
    """PostgreSQL query: the searched words through every configuration the index uses, any of
    them matching. A search may cover pages in several languages (the reader's and the Danish
    ones not translated), each indexed through its own language's configuration."""

    def build_tsquery(self, query, config=None):
        configs = dict.fromkeys(
            [c for c in (config, *POSTGRES_CONFIGS.values(), POSTGRES_FALLBACK_CONFIG) if c]
        )
        build = super().build_tsquery
        parts = [build(query, config=name) for name in configs]
        parts = [part for part in parts if part is not None]
        return reduce(lambda a, b: a | b, parts) if parts else None


def SearchBackend(params):
    backend = DatabaseSearchBackend(params)
    cls = type(backend)
    attrs = {}
    if connection.vendor == "postgresql":
        attrs["index_class"] = type(
            "ConfigPerLanguageIndex", (_ConfigPerLanguageIndex, cls.index_class), {}
        )
        attrs["query_compiler_class"] = type(
            "EveryConfigQueryCompiler", (_EveryConfigQuery, cls.query_compiler_class), {}
        )
    backend.__class__ = type(f"Safe{cls.__name__}", (_SafeWords, cls), attrs)
    return backend
