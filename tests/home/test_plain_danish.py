"""Plain Danish on the policy pages: "Kort fortalt" summaries in easy words (LIX at most 35),
the glossary marking terms with an explanation that works without JavaScript, the place of the
read-aloud button, and the live LIX score in the page editor."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from core.readability import EASY_MAX, lix
from home.glossary import GlossaryState, mark_terms
from home.models import (
    BarometerPage,
    ContentPage,
    FocusAreaPage,
    GlossaryTerm,
    GoalPage,
    HomePage,
    LighthouseProjectPage,
    PolicyPage,
)
from home.services import glossary_load

pytestmark = pytest.mark.django_db

SUMMARY_MODELS = [
    HomePage,
    PolicyPage,
    BarometerPage,
    FocusAreaPage,
    GoalPage,
    LighthouseProjectPage,
    ContentPage,
]


@pytest.fixture
def loaded(policy_loaded):
    """The policy and its demo pages (tests/home/conftest.py)."""
    glossary_load()


def page_in(model, code="da", **filters):
    return model.objects.get(locale=Locale.objects.get(language_code=code), **filters)


def test_every_summary_the_loader_writes_is_easy_danish():
    """What load_policy and the demo debates write, before any database: the home page, every
    policy page, the barometer, focus area, goal, lighthouse project and debate has a summary,
    each at most LIX 35."""
    from dialogue.management.commands.load_demo_debates import DEBATES
    from home.policy_spec import LANGUAGES, page_specs

    wanted = {f"home.{m.__name__}" for m in SUMMARY_MODELS}
    texts = []
    for lang in LANGUAGES:
        specs = [s for s in page_specs(lang, demo=True) if s.model in wanted]
        # home + policy + barometer + 4 focus areas + 1 content page + 7 goals + 4 lighthouses
        assert len(specs) == 19
        texts += [(f"{lang}:{s.key}", s.fields.get("plain_summary", "")) for s in specs]
    texts += [(f"debate:{d['slug']}", d.get("summary", "")) for d in DEBATES]
    for name, text in texts:
        assert text.strip(), f"{name} has no “Kort fortalt”"
        score = lix(text).score
        assert score <= EASY_MAX, f"{name}: LIX {score:.1f} > {EASY_MAX}"


def test_loaded_pages_show_summary_glossary_and_read_aloud_place(client, loaded):
    for model in SUMMARY_MODELS:
        for page in model.objects.all():
            assert page.plain_summary.strip(), page.title

    goal = page_in(GoalPage, number=2)  # "Overledigheden blandt etniske minoriteter ..."
    body = client.get(goal.url).content.decode()
    box = body.index('class="in-short"')
    with translation.override("da"):
        assert gettext("In short") in body[box : box + 300]
    assert goal.plain_summary.split(".")[0] in body[box : box + 800]
    assert box < body.index("goal-statement"), "the summary comes first"
    assert 'aria-labelledby="in-short-title"' in body

    # Glossary: each term marked once, explained in a list the mark links to.
    marks = re.findall(r'<a class="term" href="#(term-[a-z0-9-]+)"', body)
    assert "term-overledighed" in marks
    assert len(marks) == len(set(marks)), "a term is marked more than once"
    assert '<dt id="term-overledighed">overledighed</dt>' in body
    explanation = GlossaryTerm.objects.get(locale__language_code="da", term="overledighed")
    assert explanation.explanation.split(".")[0] in body
    assert 'href="#term-overledighed-ref"' in body
    assert "home/plain.js" in body

    # Read aloud: only an empty, hidden place for the script; no button without JavaScript.
    holder = re.search(r'<div class="read-aloud"[^>]*>', body).group(0)
    assert " hidden" in holder
    assert 'data-lang="da"' in holder
    assert body[body.index(holder) + len(holder) :].startswith("</div>")

    english = page_in(LighthouseProjectPage, "en", title__startswith="Integration")
    body = client.get(english.url).content.decode()
    with translation.override("en"):
        assert gettext("In short") in body
    assert english.plain_summary[:30] in body
    assert 'data-lang="en"' in body


def test_loader_seeds_the_glossary_once_and_keeps_editors_changes(loaded):
    danish = GlossaryTerm.objects.filter(locale__language_code="da")
    assert danish.count() >= 12
    for term in (
        "overledighed",
        "beskæftigelsesfrekvens",
        "fyrtårnsprojekt",
        "handleplan",
        "integrationsbarometer",
        "medborgerskab",
    ):
        assert danish.filter(term=term).exists(), term
    for term in danish:
        assert lix(term.explanation).score <= EASY_MAX, term.term
    edited = danish.get(term="handleplan")
    edited.explanation = "Redaktørens egen forklaring."
    edited.save()
    assert glossary_load() == 0
    edited.refresh_from_db()
    assert edited.explanation == "Redaktørens egen forklaring."
    english = GlossaryTerm.objects.get(locale__language_code="en", term="action plan")
    assert english.translation_key == edited.translation_key


def test_example_debates_have_a_summary_and_marked_terms(client, loaded):
    from dialogue.models import DebatePage

    call_command("load_demo_debates", stdout=StringIO())
    for debate in DebatePage.objects.all():
        assert debate.plain_summary.strip(), debate.title
    debate = DebatePage.objects.get(slug="tryghed-i-boligomraadet")
    body = client.get(debate.url).content.decode()
    assert 'class="in-short"' in body
    assert debate.plain_summary.split(".")[0] in body
    assert 'href="#term-hovedm' in body  # "Et af politikkens hovedmål ..."
    assert "data-read-aloud " in body


def _state(*pairs):
    return GlossaryState(terms={t: GlossaryTerm(term=t, explanation=e) for t, e in pairs})


def test_only_the_first_occurrence_of_a_term_is_marked():
    state = _state(("handleplan", "En plan."))
    html = mark_terms("<p>Handleplanen er klar.</p><p>En handleplan mere.</p>", state)
    assert html.count('class="term"') == 1
    assert '<a class="term" href="#term-handleplan" id="term-handleplan-ref"' in html
    assert ">Handleplanen</a>" in html
    # The state is per page: a second block on the same page marks nothing more.
    assert mark_terms("<p>handleplan</p>", state) == "<p>handleplan</p>"


def test_terms_in_links_headings_and_inside_other_words_are_left_alone():
    state = _state(("handleplan", "En plan."), ("fleksjob", "Et job."))
    html = mark_terms(
        '<h2>Handleplan</h2><p><a href="/x">handleplan</a> udvalgshandleplan</p>'
        "<p>fleksjobpulje og handleplan</p>",
        state,
    )
    assert "<h2>Handleplan</h2>" in html
    assert '<a href="/x">handleplan</a>' in html
    assert " udvalgshandleplan" in html
    assert ">fleksjobpulje</a>" in html
    assert ">handleplan</a></p>" in html


def test_page_editor_has_the_live_lix_script_and_the_glossary_snippet(client, loaded):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    goal = page_in(GoalPage, number=2)
    body = client.get(f"/admin/pages/{goal.pk}/edit/").content.decode()
    assert 'id="lix-config"' in body
    assert "core/lix_editor.js" in body
    assert '"plain_summary"' in body
    # The script finds the fields by their content paths.
    assert 'data-contentpath="plain_summary"' in body
    assert 'data-contentpath="body"' in body

    response = client.get("/admin/snippets/home/glossaryterm/")
    assert response.status_code == 200
    assert "beskæftigelsesfrekvens" in response.content.decode()


def test_an_editors_change_to_a_term_shows_on_the_next_page_view(client):
    from tests.home.factories import goal_page

    goal = goal_page(indicators=0, target_text="Handleplanen for skolerne")
    term = GlossaryTerm.objects.create(
        locale=goal.locale, term="handleplan", explanation="En plan for et udvalg."
    )
    body = client.get(goal.url).content.decode()
    assert ">Handleplanen</a>" in body
    assert "En plan for et udvalg." in body
    term.explanation = "En ny forklaring."
    term.save()
    body = client.get(goal.url).content.decode()
    assert "En ny forklaring." in body
    term.delete()
    body = client.get(goal.url).content.decode()
    assert 'class="term"' not in body


@pytest.mark.parametrize("model", [HomePage, BarometerPage])
def test_the_home_page_and_the_barometer_open_with_their_summary(client, loaded, model):
    """Their introductions quote the adopted policy (LIX 51 and 62): the easy summary comes
    first."""
    page = page_in(model)
    body = client.get(page.url).content.decode()
    box = body.index('class="in-short"')
    assert page.plain_summary.split(".")[0] in body[box : box + 800]
    assert box < body.index('class="lead"')
    assert lix(page.plain_summary).score <= EASY_MAX < lix(page.intro).score
