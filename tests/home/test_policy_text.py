"""Checks on the structured policy text in home.policy_text (plain data, no Django needed)."""

import re

import pytest

from home.policy_text import POLICY

LANGS = ("da", "en")
SLUGS = [
    "alle-unge-god-start",
    "mangfoldighed-i-arbejdslivet",
    "den-inddragende-by",
    "saerlig-haand-til-udsatte",
]


def walk_strings(value, path=()):
    """Yield (path, string) for every string in a nested structure of dicts and lists."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk_strings(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_strings(item, (*path, index))


def shape(value):
    """The structure of a value: dict keys, list lengths and leaf types, without the text."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(item) for item in value]
    return type(value).__name__


def test_both_languages_present():
    assert set(POLICY) == set(LANGS)


def test_languages_have_the_same_structure():
    assert shape(POLICY["da"]) == shape(POLICY["en"])


@pytest.mark.parametrize("lang", LANGS)
def test_counts(lang):
    policy = POLICY[lang]
    assert len(policy["principles"]) == 3
    assert [p["number"] for p in policy["principles"]] == [1, 2, 3]
    assert len(policy["responsibilities"]) == 4
    assert [r["actor"] for r in policy["responsibilities"]] == [
        "municipality",
        "business",
        "residents",
        "civil_society",
    ]
    assert len(policy["focus_areas"]) == 4
    assert len(policy["goals"]) == 6
    assert len(policy["overall_goal"]["icc_dimensions"]) == 9
    assert len(policy["reality"]["actors"]) == 3
    assert len(policy["section5"]["instruments"]) == 3
    assert len(policy["section5"]["dialogue"]) == 4


def test_list_lengths_match_between_languages():
    da, en = POLICY["da"], POLICY["en"]
    for da_area, en_area in zip(da["focus_areas"], en["focus_areas"], strict=True):
        assert len(da_area["actions"]) == len(en_area["actions"])
        assert len(da_area["strategy"]) == len(en_area["strategy"])
        assert len(da_area["paragraphs"]) == len(en_area["paragraphs"])
    for da_resp, en_resp in zip(da["responsibilities"], en["responsibilities"], strict=True):
        assert len(da_resp["items"]) == len(en_resp["items"])
        assert bool(da_resp["note"]) == bool(en_resp["note"])


@pytest.mark.parametrize("lang", LANGS)
def test_strings_are_single_clean_paragraphs(lang):
    for path, text in walk_strings(POLICY[lang]):
        assert text.strip() or path[-1] == "note", path
        assert "\n" not in text, path
        assert text == text.strip(), path
        assert "  " not in text, path


@pytest.mark.parametrize("lang", LANGS)
def test_focus_areas_and_lighthouses(lang):
    areas = POLICY[lang]["focus_areas"]
    assert [a["slug"] for a in areas] == SLUGS
    assert [a["number"] for a in areas] == ["4.1", "4.2", "4.3", "4.4"]
    assert [a["goals"] for a in areas] == [[1], [2, 3], [4], [5, 6]]
    lighthouses = [a["lighthouse"] for a in areas]
    assert len(lighthouses) == 4
    for lighthouse in lighthouses:
        assert lighthouse["title"]
        assert lighthouse["summary"]
    # Only 4.4 has strategy bullets; every area has actions.
    assert [bool(a["strategy"]) for a in areas] == [False, False, False, True]
    assert len(areas[3]["strategy"]) == 3
    assert all(a["actions"] for a in areas)


@pytest.mark.parametrize("lang", LANGS)
def test_goals_point_to_their_focus_area(lang):
    policy = POLICY[lang]
    by_slug = {a["slug"]: a for a in policy["focus_areas"]}
    for goal in policy["goals"]:
        assert goal["number"] in by_slug[goal["focus_area"]]["goals"]
    assert [g["number"] for g in policy["goals"]] == [1, 2, 3, 4, 5, 6]


@pytest.mark.parametrize("lang", LANGS)
def test_goal_targets(lang):
    goals = POLICY[lang]["goals"]
    goal2 = goals[1]["indicator"]
    assert goal2["target_value"] == 5.8
    assert isinstance(goal2["target_value"], float)
    assert goal2["target_year"] == 2014
    assert goal2["higher_is_better"] is False
    for goal in goals:
        assert isinstance(goal["indicator"]["higher_is_better"], bool)
        if goal["number"] != 2:
            assert goal["indicator"]["target_value"] is None
            assert goal["indicator"]["target_year"] is None


def test_goal_wording_in_danish():
    goals = POLICY["da"]["goals"]
    assert "5,8 %" in goals[1]["statement"]
    assert "surveybaseret" in goals[3]["statement"]
    assert "(daginstitutioner, sociale tilbud, fritidsfaciliteter)" in goals[4]["statement"]
    assert goals[5]["target_text"] == "positiv retning"
    assert "5.8 %" in POLICY["en"]["goals"][1]["statement"]


def test_civil_society_footnote():
    note = POLICY["da"]["responsibilities"][3]["note"]
    assert note.startswith("Ved civilsamfundet forstår vi her")
    assert all(not r["note"] for r in POLICY["da"]["responsibilities"][:3])


# Scan (OCR) errors that must not survive in the Danish text.
SCAN_SUBSTRINGS = [
    "Kebenhavn",
    "Kobenhavn",
    "Kegbenhavn",
    "Keobenhavn",
    "Kagbenhavn",
    "kebenhavn",
    "veare",
    "vaere",
    " fé ",
    "@",
    "»",
    "Side 9",
    " pd ",
    " pa ",
    " p4 ",
    " pé ",
    "|",
    "Malsætning",
    "Malsztning",
    "mél",
    "herer",
    "meder",
]
SCAN_WORDS = [
    # "ae" where "æ" belongs
    "faelles",
    "fzlles",
    "laering",
    "saerlig",
    "serlig",
    "maessig",
    "massig",
    "vaesentlig",
    "veasentlig",
    "vasentlig",
    "kraeve",
    "tvaers",
    "faerdes",
    "raekke",
    "rekke",
    "beskaftig",
    "repreesent",
    "reprasent",
    "forudsatning",
    "sammenhangskraft",
    # "oe"/"e" where "ø" belongs
    "boern",
    "foele",
    "bern ",
    "foreldre",
    "foraldre",
    "hjemlese",
    "hjemlose",
    "nedvendig",
    "lefte",
    "lofte",
    "ensker",
    "storste",
    "starste",
    "okonomisk",
    "gkonomisk",
    "opfolgning",
    "bekampe",
    "bekaempe",
    # "a"/"e" where "å" belongs
    "hand i hand",
    "omrader",
    "omrdder",
    " arlig",
    "halvarlig",
    "malrettet",
]
SCAN_PATTERNS = [
    r"\b1 (et|sit|den|det|de|byens|forhold|stigende|klasselokalerne|kultur|grupper)\b",
    r"\bfa\b",
    r"\bma\b",
    r"\bsa\b",
    r"\bga\b",
    r"\bsd\b",
    r"[>»]\s",
    r"\S-\s+\S+-\s",  # a leftover line-break hyphen in the middle of a word
]


# ASCII identifiers, not Danish prose.
IDENTIFIER_KEYS = {"slug", "focus_area", "actor"}


def danish_strings():
    return [
        (path, text) for path, text in walk_strings(POLICY["da"]) if path[-1] not in IDENTIFIER_KEYS
    ]


def test_no_scan_substrings_in_danish():
    for path, text in danish_strings():
        for bad in SCAN_SUBSTRINGS:
            assert bad not in text, (path, bad)


def test_no_misspelt_danish_letters():
    for path, text in danish_strings():
        lowered = text.lower()
        for bad in SCAN_WORDS:
            assert bad not in lowered, (path, bad)


def test_no_scan_patterns_in_danish():
    for path, text in danish_strings():
        for pattern in SCAN_PATTERNS:
            assert not re.search(pattern, text), (path, pattern)


def test_danish_letters_present():
    text = " ".join(text for _, text in danish_strings())
    assert "København" in text
    for word in ("være", "på", "få", "børn", "forældre", "hånd", "særlig", "fællesskab"):
        assert word in text, word


def test_titles():
    assert POLICY["da"]["title"] == "En hel by – Københavns Kommunes integrationspolitik 2011-14"
    assert POLICY["en"]["title"] == "One City – the City of Copenhagen's integration policy 2011-14"
    assert POLICY["da"]["call"]["title"] == "Bland dig i byen"
    assert POLICY["da"]["overall_goal"]["statement"] == (
        "At København er den bedst integrerende storby i Europa i 2015"
    )
