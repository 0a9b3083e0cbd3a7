"""Page-tree rules, rendering, navigation, search, the API and the query budget."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import (
    BarometerPage,
    ContentPage,
    FocusAreaPage,
    GoalPage,
    HomePage,
    LighthouseProjectPage,
    PolicyPage,
)
from tests.home.factories import barometer_page, goal_page, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(policy_loaded):
    """The policy and its demo pages (tests/home/conftest.py)."""


def page_in(model, code="da", **filters):
    return model.objects.get(locale=Locale.objects.get(language_code=code), **filters)


def test_page_types_only_go_where_they_belong():
    assert PolicyPage.can_create_at(home_page())
    assert BarometerPage.can_create_at(home_page())
    assert not GoalPage.can_create_at(home_page())
    assert not FocusAreaPage.can_create_at(home_page())
    assert GoalPage.can_create_at(barometer_page())
    assert not LighthouseProjectPage.can_create_at(barometer_page())
    assert set(FocusAreaPage.allowed_parent_page_models()) == {PolicyPage}
    assert set(LighthouseProjectPage.allowed_parent_page_models()) == {FocusAreaPage}
    assert GoalPage.allowed_subpage_models() == []
    assert {m._meta.label for m in HomePage.allowed_subpage_models()} >= {
        "dialogue.DebateIndexPage",
        "events.EventIndexPage",
        "partnerships.PartnerIndexPage",
    }
    assert set(ContentPage.allowed_parent_page_models()) == {HomePage, PolicyPage, FocusAreaPage}


def test_only_one_barometer_per_home_page():
    barometer_page()
    assert not BarometerPage.can_create_at(home_page())


@pytest.mark.parametrize("code", ["da", "en"])
def test_every_page_type_renders_with_breadcrumbs(client, loaded, code):
    pages = [
        page_in(HomePage, code),
        page_in(PolicyPage, code),
        page_in(FocusAreaPage, code, number="4.1"),
        page_in(GoalPage, code, number=2),
        page_in(GoalPage, code, is_overall=True),
        page_in(BarometerPage, code),
        LighthouseProjectPage.objects.filter(locale__language_code=code).first(),
        ContentPage.objects.filter(locale__language_code=code).first(),
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        body = response.content.decode()
        assert f'lang="{code}"' in body
        if page.depth > 2:
            assert 'class="breadcrumbs' in body, page.url
            assert 'aria-current="page"' in body


def test_from_the_home_page_every_focus_area_goal_lighthouse_and_the_barometer_is_one_click(
    client, loaded
):
    body = client.get("/da/").content.decode()
    targets = (
        list(FocusAreaPage.objects.filter(locale__language_code="da"))
        + list(GoalPage.objects.filter(locale__language_code="da"))
        + list(LighthouseProjectPage.objects.filter(locale__language_code="da"))
        + [page_in(BarometerPage)]
    )
    assert len(targets) == 4 + 7 + 4 + 1
    for page in targets:
        assert f'href="{page.url}"' in body, page.title


def test_goal_page_shows_status_distance_chart_table_and_example_notice(client, loaded):
    body = client.get(page_in(GoalPage, "en", number=2).url).content.decode()
    assert "<svg" in body and "<title id=" in body and "aria-labelledby=" in body
    assert "<table" in body and '<th scope="col"' in body
    assert "Off track" in body or "On track" in body
    assert "1.2 %" in body  # 7.0 % against the 5.8 % target
    assert "example-notice" in body


def test_goal_without_target_says_not_yet_set(client, loaded):
    body = client.get(page_in(GoalPage, "en", number=1).url).content.decode()
    assert "Target not set" in body


def test_a_goal_without_measurements_says_no_data(client):
    goal = goal_page(indicators=1, measurements=0)
    body = client.get(goal.url).content.decode()
    assert 'status--none"><span aria-hidden="true">?</span>' in body
    assert "example-notice" not in body


def test_barometer_shows_every_goal_newest_half_year_first_with_change(client, loaded):
    body = client.get(page_in(BarometerPage).url).content.decode()
    for number in range(1, 7):
        assert page_in(GoalPage, number=number).url in body
    assert page_in(GoalPage, is_overall=True).url in body
    assert "2014, 1. halvår" in body
    assert body.index("2014, 1. halvår") < body.index("2013, 2. halvår")
    assert "−0,4" in body
    assert "example-notice" in body


def render_count(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_goal_page_queries_do_not_grow_with_indicators_and_measurements(client, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the render, not the page cache
    small = goal_page(indicators=1, measurements=8)
    large = goal_page(indicators=10, measurements=8)
    # Warm what later views reuse (site, locales, menu, each page's language links).
    client.get(small.url)
    client.get(large.url)
    small_count = render_count(client, small.url)
    large_count = render_count(client, large.url)
    assert small_count == large_count
    # The budget grew with the merged language work: the UI-language review note, the reader's
    # locale for links, and the menu's translations (24 measured; issue 14 is to cut it back).
    assert small_count <= 24
    print(f"goal page queries: {small_count}")


def test_barometer_page_queries_do_not_grow_with_goals_indicators_and_measurements(
    client, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # the render, not the page cache
    goal_page(indicators=1, measurements=8)
    barometer = barometer_page()
    client.get(barometer.url)
    small_count = render_count(client, barometer.url)
    for _ in range(3):
        goal_page(indicators=10, measurements=8)
    client.get(barometer.url)  # new pages retired the remembered shell: made again once
    large_count = render_count(client, barometer.url)
    assert small_count == large_count
    assert small_count <= 22  # see the goal page's budget above (22 measured)
    print(f"barometer page queries: {small_count}")


def test_search_finds_policy_pages_in_the_current_language(client, loaded):
    body = client.get("/da/soeg/", {"q": "skoler"}).content.decode()
    assert "Integrationsløft på de 10 svageste skoler" in body
    english = client.get("/en/soeg/", {"q": "schools"}).content.decode()
    assert "weakest schools" in english
    assert "svageste skoler" not in english


def test_search_with_an_overlong_query_is_a_clear_400(client):
    response = client.get("/da/soeg/", {"q": "x" * 500})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.content.decode()


def test_header_has_a_labelled_search_field(client, loaded):
    body = client.get("/da/").content.decode()
    assert 'for="site-search-q"' in body and 'id="site-search-q"' in body


def test_wagtail_api_lists_goal_pages_with_their_fields(client, loaded):
    response = client.get(
        "/api/v2/pages/",
        {"type": "home.GoalPage", "fields": "statement,target_text,number,indicators"},
    )
    assert response.status_code == 200
    items = response.json()["items"]
    goal2 = next(i for i in items if i["number"] == 2 and "5,8" in i["statement"])
    assert goal2["target_text"] == "max 5,8 % i 2014"
    indicator = goal2["indicators"][0]
    assert float(indicator["target_value"]) == 5.8
    assert indicator["measurements"][0]["is_example"] is True


def test_organisations_are_a_separate_result_group(client, loaded):
    response = client.get("/en/soeg/", {"q": "schools"})
    assert response.status_code == 200
    from partnerships.models import Organisation

    label = str(Organisation._meta.verbose_name_plural).capitalize()
    assert f"<h2>{label}</h2>" in response.content.decode()


def test_editors_edit_indicators_and_measurements_inline_in_the_admin(client, loaded):
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    goal = page_in(GoalPage, number=2)
    response = client.get(f"/admin/pages/{goal.pk}/edit/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "indicators-0-name" in body
    assert "indicators-0-measurements-0-period_label" in body


def test_numbers_entered_on_the_danish_goal_show_on_its_translation(client, loaded):
    from datetime import date
    from decimal import Decimal

    from home.models import Measurement

    danish = page_in(GoalPage, number=2)
    english = page_in(GoalPage, "en", number=2)
    Measurement.objects.create(
        indicator=danish.indicators.get(),
        period_label="2014, 2. halvår",
        period_start=date(2014, 7, 1),
        value=Decimal("5.7"),
    )
    body = client.get(english.url).content.decode()
    assert "2014, 2nd half" in body  # the Danish label, in the page's language
    assert "Extra unemployment among ethnic minorities" in body
    assert "target reached" in body


def test_an_editors_translation_still_linking_to_danish_pages_is_found(client, loaded):
    area = page_in(FocusAreaPage, number="4.1")
    goal = page_in(BarometerPage).add_child(
        instance=GoalPage(title="Hovedmål 7", slug="hovedmaal-7", number=7, focus_area=area)
    )
    english = goal.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Main goal 7"
    english.save_revision().publish()
    assert english.focus_area_id == area.pk  # Wagtail does not remap the link
    body = client.get(page_in(FocusAreaPage, "en", number="4.1").url).content.decode()
    assert "Main goal 7" in body


def test_danish_period_labels_read_in_english_on_english_pages(client, loaded):
    body = client.get(page_in(GoalPage, "en", number=2).url).content.decode()
    assert '<th scope="row">2014, 1st half</th>' in body
    assert "halvår" not in body


def test_period_labels_of_another_form_stay_danish_and_are_marked_so(client, loaded):
    from home.models import Measurement

    danish = page_in(GoalPage, number=2)
    Measurement.objects.filter(indicator__page=danish).update(period_label="Skoleåret 2012/13")
    body = client.get(page_in(GoalPage, "en", number=2).url).content.decode()
    assert '<th scope="row" lang="da">Skoleåret 2012/13</th>' in body


def test_the_danish_barometer_shows_no_english_status_or_direction_words(client, loaded):
    body = client.get("/da/barometer/").content.decode()
    assert "(bedre)" in body or "(dårligere)" in body or "(uændret)" in body
    for english in ("(better)", "(worse)", "(unchanged)", "On track", "Off track", "No data yet"):
        assert english not in body


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/da/debatter/", "page"),
        ("/da/debatter/boliger/", "true"),
        ("/da/debatter-arkiv/", ""),
        ("/da/", ""),
    ],
)
def test_the_menu_marks_the_current_item_by_path_prefix(rf, path, expected):
    from home.templatetags.site_shell import menu_current

    assert menu_current({"request": rf.get(path)}, "/da/debatter/") == expected
