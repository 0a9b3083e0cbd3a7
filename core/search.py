"""The site's search backend (settings.WAGTAILSEARCH_BACKENDS): Wagtail's database backend, with
the searcher's words made safe before they reach the database.

The database backend puts each word into the query as typed: on SQLite a `"` ends FTS5's quoted
term early (`">` is a syntax error, a 500 on the site search, the pages API and the admin), and
PostgreSQL refuses a NUL in any string. Both answered 500 (issue 11). Here NUL is dropped and,
on SQLite, a `"` is doubled, which is how FTS5 writes a quote inside a quoted term. The words
still match what they say; every search path (site search, API, admin) goes through this.
"""

import copy

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend


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


class _SafeWords:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, safe_query(query), model_or_queryset, **kwargs)


def SearchBackend(params):
    backend = DatabaseSearchBackend(params)
    backend.__class__ = type(f"Safe{type(backend).__name__}", (_SafeWords, type(backend)), {})
    return backend
