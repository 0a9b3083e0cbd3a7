"""The yearly status report: built from the platform's data for one year, frozen when it is
first published, and the same figures on the page, in the DOCX, the CSV tables and the JSON."""

import csv
import io
import json
from datetime import date

import pytest
from django.urls import reverse

from accountability import reporting
from accountability.models import StatusReportPage
from home.models import Measurement
from tests.accountability import factories as f
from tests.factories import editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_data():
    goal = f.goal(2)  # measurements 2010-2012, half-yearly
    plan = f.plan(activities=[{"title": "Mentorer", "goals": [goal], "status": "planned"}])
    f.republish(plan, Mentorer={"status": "under_way", "progress": 30})
    f.assessment(plan=plan, assessed_on=date(2026, 3, 1), reasoning="Justér planen.")
    return {"goal": goal, "plan": plan}


def section(figures, key):
    return next(s for s in figures["sections"] if s["key"] == key)


def test_the_figures_cover_goals_activities_assessments_partners_dialogue_and_events(year_data):
    figures = reporting.build(2011)
    assert figures["has_data"]
    assert [s["key"] for s in figures["sections"]] == [
        "goals",
        "activities",
        "assessments",
        "partnerships",
        "dialogue",
        "events",
    ]
    goals = section(figures, "goals")
    item = goals["goals"][0]["indicators"][0]
    # Measurements up to the end of 2011 only: 2010 1st half to 2011 2nd half.
    assert [p["start"][:4] for p in item["points"]] == ["2010", "2010", "2011", "2011"]
    assert item["latest_value"] == "3.5" and item["change_over_year"] == "-1"
    assert json.loads(json.dumps(figures)) == figures
    in_2026 = reporting.build(2026)
    changes = section(in_2026, "activities")["tables"][1]["rows"]
    assert [(row[2], row[3], row[4]) for row in changes] == [
        ("Mentorer", "", "Planned"),
        ("Mentorer", "Planned", "Under way"),
    ]
    assert section(in_2026, "assessments")["tables"][0]["rows"][0][4] == "Justér planen."


def test_a_year_with_no_data_is_refused_and_the_editors_text_kept(client, year_data):
    client.force_login(editor())
    policy = f.policy_page()
    url = reverse("wagtailadmin_pages:add", args=("accountability", "statusreportpage", policy.pk))
    response = client.post(
        url,
        {
            "title": "Statusrapport 1999",
            "slug": "statusrapport-1999",
            "year": "2019",
            "foreword": json.dumps(
                {"blocks": [{"key": "a", "type": "unstyled", "text": "Mit forord", "depth": 0,
                             "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}
            ),
        },
    )  # fmt: skip
    assert response.status_code == 400  # the form again, refused
    body = response.content.decode()
    assert "no data for 2019" in body or "ingen data for 2019" in body
    assert "Mit forord" in body and "Statusrapport 1999" in body
    assert not StatusReportPage.objects.exists()


def activities_table(html: str) -> str:
    return html.split('id="caption-activities"')[1].split("</table>")[0]


def test_a_published_report_keeps_its_figures_when_the_data_changes(client, year_data, settings):
    settings.PAGE_CACHE_SECONDS = 0
    report = f.report(2026)
    before = client.get("/da/statusrapporter/2026.json").json()["figures"]
    table_before = activities_table(client.get(report.url).content.decode())
    assert "Mentorer" in table_before
    f.republish(year_data["plan"], Mentorer={"status": "done", "progress": 100})
    Measurement.objects.all().delete()
    report = StatusReportPage.objects.get(pk=report.pk)
    report.save_revision().publish()  # the editor fixes a typo and publishes again
    after = client.get("/da/statusrapporter/2026.json").json()["figures"]
    assert after == before
    assert activities_table(client.get(report.url).content.decode()) == table_before
    # A new report of the same year's data would show the change.
    assert section(reporting.build(2026), "activities")["tables"][0]["rows"][0][2] == "Done"


def test_the_report_downloads_as_docx_and_each_table_as_csv(client, year_data):
    f.report(2026)
    docx = client.get("/da/statusrapporter/2026.docx")
    assert docx.status_code == 200
    from docx import Document

    document = Document(io.BytesIO(docx.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Statusrapport 2026" in text
    assert len(document.tables) >= 2
    figures = StatusReportPage.objects.get(year=2026).figures
    for name in reporting.table_names(figures):
        response = client.get(f"/da/statusrapporter/2026/{name}.csv")
        assert response.status_code == 200, name
        header = next(csv.reader(io.StringIO(response.content.decode())))
        assert header == reporting.table(figures, name)["columns"]
    assert client.get("/da/statusrapporter/2026/nope.csv").status_code == 404
    assert client.get("/da/statusrapporter/2025.docx").status_code == 404


def test_a_draft_report_is_not_public(client, year_data):
    report = f.report(2026, publish=False)
    assert client.get(report.url).status_code == 404
    assert client.get("/da/statusrapporter/2026.json").status_code == 404
    assert client.get("/da/statusrapporter/2026/goals.csv").status_code == 404


def test_the_report_page_shows_the_sections_the_chart_and_a_print_stylesheet(client, year_data):
    report = f.report(2026, foreword="<p>Forord her</p>")
    body = client.get(report.url).content.decode()
    assert "Forord her" in body
    assert 'class="chart__svg"' in body
    assert "accountability/accountability.css" in body
    for key in ("goals", "activities", "assessments", "partnerships", "dialogue", "events"):
        assert f'id="section-{key}"' in body
    assert "/da/statusrapporter/2026/activities.csv" in body


@pytest.mark.parametrize("year", ["0", "99999999999999999999", "2026"])
def test_a_strange_or_missing_year_is_a_404(client, year):
    for suffix in (".json", ".docx", "/goals.csv"):
        assert client.get(f"/da/statusrapporter/{year}{suffix}").status_code == 404
