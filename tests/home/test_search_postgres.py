"""On PostgreSQL each page is indexed through its own language's text-search configuration
(core.search: Danish through "danish", English through "english", Arabic through "arabic"), and a
search matches through any of them, so one search covers the reader's pages and the Danish ones.
Runs on PostgreSQL only (CI sets DATABASE_URL); locally on SQLite it skips with the reason."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from core.search import postgres_config
from devtools import services
from home.models import ContentPage, PolicyPage
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _postgres(db):
    services.require_postgres_database()


def indexed_lexemes(page) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title, body FROM wagtailsearch_indexentry "
            "WHERE object_id = %s AND content_type_id = %s",
            [str(page.pk), page.content_type_id],
        )
        title, body = cursor.fetchone()
    return {part.split("':")[0].strip("'") for part in f"{title} {body}".split() if "':" in part}


def lexemes(config: str, text: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector(%s::regconfig, %s)::text", [config, text])
        vector = cursor.fetchone()[0]
    return {part.split("':")[0].strip("'") for part in vector.split()}


def test_the_configuration_follows_the_language():
    assert postgres_config("da", "danish") == "danish"
    assert postgres_config("en", "danish") == "english"
    assert postgres_config("ar", "danish") == "arabic"
    assert postgres_config("tr", "danish") == "turkish"
    assert postgres_config("pl", "danish") == "simple"  # PostgreSQL has no Polish dictionary
    assert postgres_config(None, "danish") == "danish"  # a model without a locale


def test_each_page_is_indexed_through_its_own_languages_dictionary(policy_loaded):
    danish = PolicyPage.objects.get(locale__language_code="da")
    english = PolicyPage.objects.get(locale__language_code="en")
    assert lexemes("danish", danish.title) <= indexed_lexemes(danish)
    assert lexemes("english", english.title) <= indexed_lexemes(english)
    # "City" and "policy" as the English dictionary stems them, not as the Danish one would.
    assert {"citi", "polici"} <= indexed_lexemes(english)
    assert not lexemes("danish", english.title) <= indexed_lexemes(english)

    arabic = Locale.objects.get_or_create(language_code="ar")[0]
    home_ar = home_page().copy_for_translation(arabic)
    page = home_ar.add_child(instance=ContentPage(title="المدن والمكتبات", slug="mudun"))
    assert lexemes("arabic", page.title) <= indexed_lexemes(page)
    assert lexemes("arabic", page.title) != lexemes("danish", page.title)


def test_a_search_matches_through_every_configuration_in_one_query(policy_loaded):
    with CaptureQueriesContext(connection) as queries:
        found = list(Page.objects.live().search("policies"))
    english = PolicyPage.objects.get(locale__language_code="en")
    assert english.page_ptr in found
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    for config in ("danish", "english", "arabic", "turkish", "simple"):
        assert f"'{config}'" in sql
    danish = PolicyPage.objects.get(locale__language_code="da")
    assert danish.page_ptr in list(Page.objects.live().search("integrationspolitikken"))
