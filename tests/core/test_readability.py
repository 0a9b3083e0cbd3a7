"""LIX as core.readability computes it (the admin's JS twin is checked against it in
tests/e2e/test_plain_danish.py)."""

import pytest

from core.readability import html_to_text, lix, lix_html, stream_text, verdict

# Shared with tests/e2e/test_plain_danish.py, which runs the same texts through the JS.
TEXTS = [
    "",
    "Hej.",
    "Det her er byens plan. Alle skal være med.",
    "Integrationspolitikken understøtter beskæftigelsesfrekvensen: overledigheden falder!",
    "En liste uden punktum\nAnden linje uden punktum\n\nTredje afsnit. Med to sætninger.",
    "Tal som 5,8 % og 2011-14 tæller som ord. Hvad så? Ja!",
    "Københavnerne mødes på tværs – i gårdforeninger, klubber og på nettet.",
    "Le Conseil municipal décide. Élèves bilingues.",
    "يجب أن يشعر الجميع بالأمان في المدينة. هذا هو الهدف.",
    "snake_case_word og e-mail: adresse… slut",
]
HTML = [
    "<p>Første afsnit.</p><p>Andet afsnit uden punktum</p>",
    "<ul><li>Punkt et</li><li>Punkt to med <b>fed</b> tekst</li></ul>",
    "<h2>Overskrift</h2><p>Tekst &amp; mere tekst&nbsp;her.<br>Ny linje</p>",
]


def test_lix_counts_words_sentences_and_long_words():
    result = lix("Det her er byens plan. Alle skal være med.")
    assert (result.words, result.sentences, result.long_words) == (9, 2, 0)
    assert result.score == pytest.approx(4.5)
    result = lix("Integrationspolitikken understøtter beskæftigelsen.")
    assert (result.words, result.sentences, result.long_words) == (3, 1, 3)
    assert result.score == pytest.approx(103)


def test_a_line_break_ends_a_sentence_and_empty_text_scores_zero():
    assert lix("Første punkt\nAndet punkt").sentences == 2
    assert lix("").score == 0
    assert lix("   \n ").words == 0


def test_rich_text_is_read_without_tags():
    assert html_to_text("<p>Et.</p><p>To &amp; tre</p>").split() == ["Et.", "To", "&", "tre"]
    assert lix_html("<p>Et afsnit</p><p>Et andet afsnit</p>").sentences == 2


def test_verdicts_follow_the_danish_scale():
    assert [verdict(s) for s in (20, 35, 35.1, 44.9, 45, 60)] == [
        "easy",
        "easy",
        "medium",
        "medium",
        "hard",
        "hard",
    ]


def test_stream_text_reads_paragraphs_headings_and_lists():
    from wagtail.blocks import StreamValue

    from home.blocks import BodyBlock

    block = BodyBlock()
    value = StreamValue(
        block,
        [
            ("heading", "Overskrift"),
            ("paragraph", "<p>Et afsnit.</p>"),
            ("list", {"title": "Liste", "items": ["Et", "To"]}),
        ],
    )
    text = stream_text(value)
    for part in ("Overskrift", "Et afsnit.", "Liste", "Et", "To"):
        assert part in text
    assert "<p>" not in text
