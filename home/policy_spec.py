"""What `load_policy` writes: the adopted policy (home.policy_text) turned into page specs.

Pure data, no database: a flat list of `PageSpec` in an order where every page comes after
its parent and after the pages it links to. The few words that are not policy text (page
titles such as "Integrationsbarometeret", the "Det gør vi ved, at" lead-in, the example
data) live here, per language.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.text import slugify as django_slugify

from home.plain_summaries import PLAIN_SUMMARIES
from home.policy_text import POLICY

LANGUAGES = ("da", "en")

WORDS = {
    "da": {
        "actions_heading": "Det gør vi ved, at",
        "barometer": "Integrationsbarometeret",
        "policy_menu": "Politikken",
        "barometer_menu": "Barometeret",
        "goal": "Hovedmål {n}",
        "policy_slug": "politik",
        "goal_slug": "hovedmaal-{n}",
        "overall_slug": "overordnet-maalsaetning",
        "icc_overall": "Interkulturelt byindeks (ICC), samlet",
        "icc_source": "Europarådets Intercultural Cities Index",
        "half": ["1. halvår", "2. halvår"],
        "example_source": "Eksempeldata",
        "example_note": "Eksempel – ikke en rigtig måling.",
    },
    "en": {
        "actions_heading": "We do this as follows. We will:",
        "barometer": "The integration barometer",
        "policy_menu": "The policy",
        "barometer_menu": "Barometer",
        "goal": "Main goal {n}",
        "policy_slug": "policy",
        "goal_slug": "main-goal-{n}",
        "overall_slug": "overall-target",
        "icc_overall": "Intercultural Cities Index (ICC), overall",
        "icc_source": "Council of Europe Intercultural Cities Index",
        "half": ["1st half", "2nd half"],
        "example_source": "Example data",
        "example_note": "Example – not a real measurement.",
    },
}


def slugify(text: str) -> str:
    """Danish letters spelled out as Danes do in URLs (æ -> ae, ø -> oe, å -> aa)."""
    for letter, spelled in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        text = text.replace(letter, spelled).replace(letter.upper(), spelled.capitalize())
    return django_slugify(text)


@dataclass
class PageSpec:
    key: str
    model: str
    parent: str | None
    slug: str
    title: str
    fields: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)  # field name -> key of the page it links to
    indicators: list[dict] = field(default_factory=list)
    show_in_menus: bool = False
    demo_only: bool = False


def _p(text: str) -> dict:
    from django.utils.html import escape

    return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}


def _h(text: str) -> dict:
    return {"type": "heading", "value": text}


def block_items(items: list[str]) -> list[dict]:
    """List items in Wagtail's block format (with stable ids), the only format wagtail-localize
    extracts for translation."""
    return [
        {"type": "item", "value": text, "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{i}:{text}"))}
        for i, text in enumerate(items)
    ]


def _list(items: list[str], title: str = "") -> dict:
    return {"type": "list", "value": {"title": title, "items": block_items(items)}}


def _indicator(name, unit, higher_is_better, target_value=None, target_year=None, source=""):
    return {
        "name": name,
        "unit": unit,
        "higher_is_better": higher_is_better,
        "target_value": None if target_value is None else Decimal(str(target_value)),
        "target_date": date(target_year, 12, 31) if target_year else None,
        "source": source,
    }


def page_specs(lang: str, demo: bool = False) -> list[PageSpec]:
    text, words = POLICY[lang], WORDS[lang]
    reality, call, vision = text["reality"], text["call"], text["vision"]
    specs = [
        PageSpec("home", "home.HomePage", None, "", "", {"intro": call["paragraphs"][0]}),
        PageSpec(
            "policy",
            "home.PolicyPage",
            "home",
            words["policy_slug"],
            text["title"],
            {
                "menu_title": words["policy_menu"],
                "intro": "",
                "body": [_h(call["title"])]
                + [_p(t) for t in call["paragraphs"]]
                + [_h(vision["title"])]
                + [_p(t) for t in vision["paragraphs"]]
                + [_h(reality["title"])]
                + [_p(t) for t in reality["paragraphs"]]
                + [_list(reality["actors"])]
                + [_p(t) for t in reality["closing"]],
                "principles": [
                    {
                        "type": "principle",
                        "value": {
                            "number": p["number"],
                            "title": p["title"],
                            "text": "".join(_p(t)["value"] for t in p["paragraphs"]),
                        },
                    }
                    for p in text["principles"]
                ],
                "responsibilities": [
                    {"type": "responsibility", "value": dict(r, items=block_items(r["items"]))}
                    for r in text["responsibilities"]
                ],
                "targets": [_h(text["targets"]["title"])]
                + [_p(t) for t in text["targets"]["paragraphs"] + text["targets"]["structure"]],
            },
            show_in_menus=True,
        ),
    ]
    for area in text["focus_areas"]:
        body = [_p(t) for t in area["paragraphs"][1:]]
        if area["strategy"]:
            body.append(_list(area["strategy"]))
        specs.append(
            PageSpec(
                f"focus:{area['slug']}",
                "home.FocusAreaPage",
                "policy",
                area["slug"],
                area["title"],
                {
                    "number": area["number"],
                    "intro": area["paragraphs"][0],
                    "body": body,
                    "actions_heading": words["actions_heading"],
                    "actions": [{"type": "action", "value": a} for a in area["actions"]],
                },
            )
        )
    section5 = text["section5"]
    specs.append(
        PageSpec(
            "section5",
            "home.ContentPage",
            "policy",
            slugify(section5["title"]),
            section5["title"],
            {
                "intro": section5["paragraphs"][0],
                "body": [_list(section5["instruments"]), _p(section5["status_meeting"])]
                + [_list(section5["dialogue"], section5["dialogue_intro"])],
            },
        )
    )
    specs.append(
        PageSpec(
            "barometer",
            "home.BarometerPage",
            "home",
            "barometer",
            words["barometer"],
            {
                "menu_title": words["barometer_menu"],
                "intro": section5["instruments"][2][:1].upper() + section5["instruments"][2][1:],
            },
            show_in_menus=True,
        )
    )
    overall = text["overall_goal"]
    specs.append(
        PageSpec(
            "goal:overall",
            "home.GoalPage",
            "barometer",
            words["overall_slug"],
            overall["title"],
            {
                "number": None,
                "is_overall": True,
                "short_title": "",
                "statement": overall["statement"],
                "target_text": "",
                "body": [_p(t) for t in overall["paragraphs"]] + [_list(overall["icc_dimensions"])],
            },
            indicators=[_indicator(words["icc_overall"], "", True, source=words["icc_source"])]
            + [
                _indicator(name, "", True, source=words["icc_source"])
                for name in overall["icc_dimensions"]
            ],
        )
    )
    for goal in text["goals"]:
        ind = goal["indicator"]
        specs.append(
            PageSpec(
                f"goal:{goal['number']}",
                "home.GoalPage",
                "barometer",
                words["goal_slug"].format(n=goal["number"]),
                words["goal"].format(n=goal["number"]),
                {
                    "number": goal["number"],
                    "is_overall": False,
                    "short_title": goal["short_title"],
                    "statement": goal["statement"],
                    "target_text": goal["target_text"],
                },
                links={"focus_area": f"focus:{goal['focus_area']}"},
                indicators=[
                    _indicator(
                        ind["name"],
                        ind["unit"],
                        ind["higher_is_better"],
                        ind["target_value"],
                        ind["target_year"],
                    )
                ],
            )
        )
    for area in text["focus_areas"]:
        lighthouse = area["lighthouse"]
        specs.append(
            PageSpec(
                f"lighthouse:{area['slug']}",
                "home.LighthouseProjectPage",
                f"focus:{area['slug']}",
                slugify(lighthouse["title"])[:80],
                lighthouse["title"],
                {"summary": lighthouse["summary"]},
                links={"goal": f"goal:{area['goals'][0]}"},
            )
        )
    summaries = PLAIN_SUMMARIES[lang]
    for spec in specs:
        if spec.key in summaries:
            spec.fields["plain_summary"] = summaries[spec.key]
    return specs
