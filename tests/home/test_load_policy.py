"""`load_policy`: the adopted policy in the page tree, in Danish and English, idempotent and
careful with editors' changes."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from home.models import (
    BarometerPage,
    ContentPage,
    FocusAreaPage,
    GoalPage,
    Indicator,
    LighthouseProjectPage,
    Measurement,
    PolicyPage,
)
from home.services import policy_load
from tests.home.test_policy_text import SCAN_SUBSTRINGS, SCAN_WORDS
from tests.shared_db import rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def policy_loaded_without_demo(django_db_setup, django_db_blocker):
    """The policy as `load_policy` (without --demo) writes it, loaded once for the tests that
    only read it; they run after this module's other tests (tests/conftest.py), which load
    their own."""
    with rolled_back(django_db_blocker):
        policy_load()
        yield


def locale(code):
    return Locale.objects.get(language_code=code)


def snapshot():
    pages = sorted(
        (p.pk, p.title, p.slug, p.live, p.latest_revision_id, p.last_published_at)
        for p in Page.objects.all()
    )
    indicators = sorted(Indicator.objects.values_list("pk", "name", "target_value"))
    return pages, indicators, Measurement.objects.count()


def page_text(page) -> str:
    """Everything the loader wrote to a page, as one string."""
    from wagtail.models import Page as BasePage

    parts = [page.title]
    for field in page._meta.get_fields():
        if field.concrete and field.model is not BasePage and hasattr(page, field.attname):
            value = getattr(page, field.attname)
            if hasattr(value, "raw_data"):
                value = str(list(value.raw_data))
            if isinstance(value, str):
                parts.append(value)
    parts += [i.name for i in getattr(page, "indicators", Indicator.objects.none()).all()]
    return "\n".join(parts)


def test_the_policy_is_loaded_with_its_numbers_right(policy_loaded_without_demo):
    da = locale("da")
    assert GoalPage.objects.filter(locale=da, is_overall=False).count() == 6
    assert GoalPage.objects.filter(locale=da, is_overall=True).count() == 1
    assert FocusAreaPage.objects.filter(locale=da).count() == 4
    assert LighthouseProjectPage.objects.filter(locale=da).count() == 4
    assert PolicyPage.objects.filter(locale=da).count() == 1
    assert BarometerPage.objects.filter(locale=da).count() == 1
    assert ContentPage.objects.filter(locale=da, title="En samlet integrationsindsats").exists()
    overall = GoalPage.objects.get(locale=da, is_overall=True)
    assert overall.indicators.count() == 10  # the ICC index and its nine dimensions


def test_only_goal_2_has_a_target_and_it_is_five_point_eight(policy_loaded_without_demo):
    goal2 = GoalPage.objects.get(locale=locale("da"), number=2)
    indicator = goal2.indicators.get()
    assert indicator.target_value == Decimal("5.8")
    assert indicator.higher_is_better is False
    assert indicator.target_date.year == 2014
    others = Indicator.objects.exclude(page__number=2)
    assert others.exists()
    assert not others.filter(target_value__isnull=False).exists()


def test_goals_link_to_their_focus_area_and_lighthouses_to_their_goal_in_each_language(
    policy_loaded_without_demo,
):
    for code in ("da", "en"):
        for goal in GoalPage.objects.filter(locale=locale(code), is_overall=False):
            assert goal.focus_area.locale.language_code == code
        for project in LighthouseProjectPage.objects.filter(locale=locale(code)):
            assert project.goal.locale.language_code == code
            assert project.goal.focus_area_id == project.get_parent().pk


def test_no_scan_errors_in_any_loaded_danish_text():
    policy_load(demo=True)
    for page in Page.objects.filter(locale=locale("da")).specific():
        text = page_text(page)
        for bad in SCAN_SUBSTRINGS:
            assert bad not in text, (page.title, bad)
        lowered = text.lower()
        for bad in SCAN_WORDS:
            assert bad not in lowered, (page.title, bad)


def test_english_translations_exist_for_every_policy_page(policy_loaded_without_demo):
    en = locale("en")
    for page in Page.objects.filter(locale=locale("da"), depth__gt=1).specific():
        if not isinstance(page, (PolicyPage, FocusAreaPage, GoalPage, LighthouseProjectPage)):
            continue
        translation = page.get_translation(en)
        assert translation.live
        assert translation.title != page.title or page.title.startswith("Bland dig")
    goal2 = GoalPage.objects.get(locale=en, number=2)
    assert "5.8 %" in goal2.statement
    assert goal2.url_path.startswith(goal2.get_parent().url_path)


def test_running_twice_changes_nothing():
    call_command("load_policy", "--demo")
    before = snapshot()
    report = policy_load(demo=True)
    assert not report.changed
    assert snapshot() == before


def test_demo_measurements_are_marked_as_examples_and_only_added_with_demo():
    policy_load()
    assert Measurement.objects.count() == 0
    policy_load(demo=True)
    assert Measurement.objects.exists()
    assert not Measurement.objects.filter(is_example=False).exists()


def test_an_editors_change_is_kept_unless_forced():
    policy_load()
    page = FocusAreaPage.objects.get(locale=locale("da"), number="4.1")
    page.intro = "Redaktørens egen indledning."
    page.save_revision().publish()

    report = policy_load()
    assert "da:focus:alle-unge-god-start" in report.kept_editor_changes
    page.refresh_from_db()
    assert page.intro == "Redaktørens egen indledning."

    report = policy_load(force=True)
    assert "da:focus:alle-unge-god-start" in report.updated
    page.refresh_from_db()
    assert page.intro.startswith("I lyset af en svindende arbejdskraftstyrke")
    assert not policy_load().changed


def test_an_unpublished_draft_is_an_editors_change_too():
    policy_load()
    goal = GoalPage.objects.get(locale=locale("da"), number=1)
    goal.statement = "Kladde"
    goal.save_revision()
    report = policy_load()
    assert "da:goal:1" in report.kept_editor_changes
    goal.refresh_from_db()
    assert goal.get_latest_revision_as_object().statement == "Kladde"


def test_the_main_sections_are_in_the_menu(policy_loaded_without_demo):
    for code in ("da", "en"):
        assert PolicyPage.objects.get(locale=locale(code)).show_in_menus
        assert BarometerPage.objects.get(locale=locale(code)).show_in_menus


def test_load_content_still_loads_the_policy():
    call_command("load_content", "--demo")
    # Danish, English and (wagtail-localize, tests/home/test_translations.py) Arabic.
    assert GoalPage.objects.filter(number=2).count() == 3
    assert Measurement.objects.filter(is_example=True).exists()


def test_a_home_page_intro_written_before_the_first_load_is_kept():
    from tests.home.factories import home_page

    home = home_page()
    home.intro = "Velkommen fra redaktionen."
    home.save_revision().publish()
    report = policy_load()
    assert "da:home" in report.kept_editor_changes
    home.refresh_from_db()
    assert home.intro == "Velkommen fra redaktionen."
    assert PolicyPage.objects.filter(locale=locale("da")).exists()


def test_the_menu_uses_short_labels_for_the_long_titles(policy_loaded_without_demo):
    for code, policy_label, barometer_label in (
        ("da", "Politikken", "Barometeret"),
        ("en", "The policy", "Barometer"),
    ):
        policy = PolicyPage.objects.get(locale=locale(code))
        assert len(policy.title) > 50 and policy.menu_title == policy_label
        assert BarometerPage.objects.get(locale=locale(code)).menu_title == barometer_label


def test_a_page_loaded_before_it_had_a_menu_title_gets_one_on_the_next_load():
    """A site loaded before `menu_title` existed: the page holds what the loader wrote then
    (its hash knew no menu title), so the next load fills the new field in."""
    from home.models import LoadRecord
    from home.policy_spec import page_specs
    from home.services import page_fingerprint

    policy_load()
    policy = PolicyPage.objects.get(locale=locale("da"))
    policy.menu_title = ""
    policy.save_revision().publish()
    spec = next(s for s in page_specs("da") if s.key == "policy")
    record = LoadRecord.objects.get(key="da:policy")
    record.written_hash = page_fingerprint(policy, spec, skip=("menu_title",))
    record.source_hash = "from before menu titles"
    record.save()

    report = policy_load()
    assert "da:policy" in report.updated
    policy.refresh_from_db()
    assert policy.menu_title == "Politikken"


def test_an_editors_own_menu_title_is_kept():
    policy_load()
    policy = PolicyPage.objects.get(locale=locale("da"))
    policy.menu_title = "Integrationspolitik"
    policy.save_revision().publish()
    report = policy_load()
    assert "da:policy" in report.kept_editor_changes
    policy.refresh_from_db()
    assert policy.menu_title == "Integrationspolitik"
