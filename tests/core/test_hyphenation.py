"""Soft hyphens in long Danish compounds, so a narrow box breaks them where a reader expects."""

from django.template import Context, Template

from core.hyphenation import SOFT_HYPHEN, soft_hyphenate


def test_known_compounds_get_a_soft_hyphen_after_their_first_part():
    assert soft_hyphenate("Integrationsbarometeret") == f"Integrations{SOFT_HYPHEN}barometeret"
    assert soft_hyphenate("Statusrapport til Borgerrepræsentationen") == (
        f"Status{SOFT_HYPHEN}rapport til Borger{SOFT_HYPHEN}repræsentationen"
    )
    assert soft_hyphenate("beskæftigelsesfrekvens") == f"beskæftigelses{SOFT_HYPHEN}frekvens"


def test_short_endings_and_other_words_are_left_whole():
    for text in ("borgere", "Integration", "integrationen", "Barometeret", "Debatter", "status"):
        assert soft_hyphenate(text) == text


def test_text_is_hyphenated_once():
    once = soft_hyphenate("Integrationskonferencen")
    assert soft_hyphenate(once) == once
    assert once.count(SOFT_HYPHEN) == 1


def test_the_filter_escapes_plain_text_and_leaves_tags_of_safe_html_alone():
    plain = Template("{% load softhyphen %}{{ value|softhyphen }}").render(
        Context({"value": "<b>Integrationsbarometeret</b>"})
    )
    assert plain == f"&lt;b&gt;Integrations{SOFT_HYPHEN}barometeret&lt;/b&gt;"
    safe = Template("{% load softhyphen %}{{ value|safe|softhyphen }}").render(
        Context({"value": '<a href="/integrationsbarometeret/">Integrationsbarometeret</a>'})
    )
    assert safe == f'<a href="/integrationsbarometeret/">Integrations{SOFT_HYPHEN}barometeret</a>'
