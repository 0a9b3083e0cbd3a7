"""The barometer as CSV and JSON at stable URLs, and the charts drawn on the server."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from home import charts
from home.models import Measurement
from home.opendata import CSV_COLUMNS
from home.selectors import goal_data
from tests.home.factories import goal_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    translation.deactivate()


@pytest.fixture
def loaded(policy_loaded):
    """The policy and its demo pages (tests/home/conftest.py)."""


def test_csv_has_one_row_per_measurement_with_the_real_target(client, loaded):
    response = client.get("/da/barometer/data.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert list(rows[0]) == CSV_COLUMNS
    goal2 = [r for r in rows if r["goal_number"] == "2"]
    assert len(goal2) == 6
    assert {r["target_value"] for r in goal2} == {"5.8"}
    assert {r["higher_is_better"] for r in goal2} == {"false"}
    assert {r["is_example"] for r in rows} == {"true"}
    goal1 = [r for r in rows if r["goal_number"] == "1"]
    assert {r["target_value"] for r in goal1} == {""}
    assert {r["status"] for r in goal1} == {"target_not_set"}
    overall = [r for r in rows if r["is_overall_goal"] == "true"]
    assert len({r["indicator"] for r in overall}) == 10
    assert goal2[0]["value"] == "9.1"  # dot decimals, whatever the language


def test_json_nests_goals_indicators_and_measurements(client, loaded):
    response = client.get("/en/barometer/data.json")
    assert response.status_code == 200
    data = response.json()
    assert len(data["goals"]) == 7
    goal2 = next(g for g in data["goals"] if g["number"] == 2)
    assert "5.8 %" in goal2["statement"]
    indicator = goal2["indicators"][0]
    assert indicator["target"] == {"value": "5.8", "date": "2014-12-31"}
    assert indicator["status"] in {"on_track", "off_track"}
    assert indicator["distance_to_target"] == "1.2"
    assert indicator["change_since_previous"] == "-0.4"
    assert indicator["direction"] == "better"
    # The numbers come from the Danish goal page, where editors enter them; the period label
    # reads in the page's language.
    assert indicator["measurements"][0]["period"] == "2011, 2nd half"
    assert all(m["is_example"] for m in indicator["measurements"])
    goal1 = next(g for g in data["goals"] if g["number"] == 1)
    assert goal1["indicators"][0]["target"]["value"] is None
    assert goal1["url"].endswith("/en/barometer/main-goal-1/")


def test_open_data_in_a_language_without_pages_falls_back_to_danish(client, loaded):
    data = client.get("/ar/barometer/data.json").json()
    assert len(data["goals"]) == 7


def test_open_data_without_any_goals_is_empty_not_an_error(client):
    assert client.get("/da/barometer/data.json").json() == {"goals": []}
    assert client.get("/da/barometer/data.csv").content.decode().startswith("goal_number,")


def test_chart_has_title_summary_and_no_colour_only_signals(client):
    translation.activate("en")
    item = goal_data(goal_page(indicators=1, measurements=8)).indicators[0]
    chart = charts.line_chart(item, "chart-x")
    assert chart["has_data"] and len(chart["points"]) == 8
    assert "Target" in chart["summary"] and "Status" in chart["summary"]
    assert "example" in chart["summary"]
    assert all("," not in p["x"] and "," not in p["y"] for p in chart["points"])


def test_chart_svg_scales_with_its_box(client):
    goal = goal_page(indicators=1, measurements=4)
    body = client.get(goal.url).content.decode()
    assert 'viewBox="0 0 400 260"' in body and 'width="100%"' in body
    assert "<rect" in body  # example points are hollow squares, not just another colour
    assert "style=" not in body


def test_empty_chart_says_no_measurements():
    translation.activate("en")
    goal = goal_page(indicators=1, measurements=0)
    item = goal_data(goal).indicators[0]
    chart = charts.line_chart(item, "c")
    assert not chart["has_data"]
    assert "no measurements yet" in chart["summary"]


def test_csv_text_cells_cannot_run_as_formulas_but_numbers_stay_numbers(client):
    goal = goal_page(indicators=1, measurements=0)
    goal.title = '=HYPERLINK("http://evil.example")'
    goal.save()
    indicator = goal.indicators.get()
    indicator.name = "@SUM(A1:A9)"
    indicator.unit = "+%"
    indicator.save()
    Measurement.objects.create(
        indicator=indicator,
        period_label="-2014 (revised)",
        period_start=date(2014, 1, 1),
        value=Decimal("-3.5"),
        source="=cmd|' /C calc'!A0",
        note="-0.5 lower than last year",
    )
    rows = list(csv.DictReader(io.StringIO(client.get("/da/barometer/data.csv").content.decode())))
    row = next(r for r in rows if r["period_start"] == "2014-01-01")
    assert row["goal_title"] == '\'=HYPERLINK("http://evil.example")'
    assert row["indicator"] == "'@SUM(A1:A9)"
    assert row["unit"] == "'+%"
    assert row["period"] == "'-2014 (revised)"
    assert row["source"] == "'=cmd|' /C calc'!A0"
    assert row["note"] == "'-0.5 lower than last year"
    assert row["value"] == "-3.5"  # a negative number is data, not a formula
    assert row["target_value"] == "5.8"
