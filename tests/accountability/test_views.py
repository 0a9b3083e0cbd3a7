"""The activity list with its filters, the pages that list what serves them, the open data and
the API: the same activities through every door."""

import csv
import io
import json
from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from accountability.models import Activity
from tests.accountability import factories as f

pytestmark = pytest.mark.django_db
LIST = "/da/handleplaner/aktiviteter/"


@pytest.fixture
def data():
    area = f.focus_area("4.1")
    other_area = f.focus_area("4.2")
    light = f.lighthouse(area)
    g1, g2 = f.goal(1, area), f.goal(2, other_area)
    f.plan(
        committee_name="Børne- og Ungdomsudvalget",
        activities=[
            {"title": "Lektiecafé", "goals": [g1], "focus_area": area, "lighthouse": light,
             "status": "done", "progress": 100},
            {"title": "Sprogstart", "goals": [g1], "focus_area": area, "status": "under_way"},
        ],
    )  # fmt: skip
    f.plan(
        activities=[
            {"title": "Mentorer", "goals": [g2], "focus_area": other_area, "status": "delayed"}
        ]
    )
    return {"area": area, "other_area": other_area, "light": light, "g1": g1, "g2": g2}


def titles(response) -> list[str]:
    return [a.title for a in response.context["activities"]]


def test_the_list_filters_by_goal_focus_area_committee_and_status(client, data):
    assert sorted(titles(client.get(LIST))) == ["Lektiecafé", "Mentorer", "Sprogstart"]
    assert sorted(titles(client.get(LIST, {"goal": data["g1"].pk}))) == [
        "Lektiecafé",
        "Sprogstart",
    ]
    assert titles(client.get(LIST, {"focus_area": data["other_area"].pk})) == ["Mentorer"]
    committee = Activity.objects.get(title="Mentorer").plan.committee
    assert titles(client.get(LIST, {"committee": committee.pk})) == ["Mentorer"]
    assert titles(client.get(LIST, {"status": "done"})) == ["Lektiecafé"]


@pytest.mark.parametrize(
    "query", [{"goal": "abc"}, {"status": "finished"}, {"committee": "9" * 30}, {"goal": "999999"}]
)
def test_a_bad_filter_is_a_400_with_the_form_refilled_and_the_rest_applied(client, data, query):
    response = client.get(LIST, {**query, "focus_area": data["other_area"].pk})
    assert response.status_code == 400
    body = response.content.decode()
    assert 'role="alert"' in body or "error" in body
    assert titles(response) == ["Mentorer"]  # the valid filter still applies


def test_goal_focus_area_and_lighthouse_pages_list_the_activities_that_serve_them(client, data):
    goal_body = client.get(data["g1"].url).content.decode()
    assert "Lektiecafé" in goal_body and "Sprogstart" in goal_body
    assert "Mentorer" not in goal_body
    area_body = client.get(data["other_area"].url).content.decode()
    assert "Mentorer" in area_body and "Lektiecafé" not in area_body
    light_body = client.get(data["light"].url).content.decode()
    assert "Lektiecafé" in light_body and "Sprogstart" not in light_body


def _queries(client, url) -> int:
    """Queries of the second request (the first makes what every later one reuses)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_stay_the_same_with_5_and_200_activities(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    area = f.focus_area("4.3")
    goal = f.goal(4, area)

    def add(count):
        # Wagtail indexes a plan's references again after each activity saved, each time the
        # whole plan: here once, when the plan is done (the same index in the end).
        with disable_reference_index_auto_update():
            plan = f.plan(
                activities=[
                    {"title": f"A{i}", "goals": [goal], "focus_area": area, "status": "under_way",
                     "milestones": [("M", date(2026, 6, 1), False)]}
                    for i in range(count)
                ]
            )  # fmt: skip
        with transaction.atomic():
            ReferenceIndex.create_or_update_for_object(plan)

    add(5)
    plan = Activity.objects.first().plan
    urls = [LIST, goal.url, area.url, plan.url, "/da/handleplaner/aktiviteter.json"]
    small = {url: _queries(client, url) for url in urls}
    add(195)
    f.republish(plan)
    large = {url: _queries(client, url) for url in urls}
    assert large == small


def test_open_data_csv_and_json_carry_every_activity_with_its_history(client, data):
    f.republish(
        Activity.objects.get(title="Mentorer").plan, Mentorer={"status": "stopped", "progress": 5}
    )
    response = client.get("/da/handleplaner/aktiviteter.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {r["title"] for r in rows} == {"Lektiecafé", "Sprogstart", "Mentorer"}
    mentors = next(r for r in rows if r["title"] == "Mentorer")
    assert mentors["status"] == "stopped"
    assert "delayed -> stopped" in mentors["history"]
    data_json = json.loads(client.get("/da/handleplaner/aktiviteter.json").content)
    item = next(a for a in data_json["activities"] if a["title"] == "Mentorer")
    assert [h["status"] for h in item["history"]] == ["stopped", "delayed"]
    assert client.get("/da/handleplaner/aktiviteter.json?status=nope").status_code == 400


def test_the_pages_api_exposes_plans_with_their_activities(client, data):
    response = client.get(
        "/api/v2/pages/?type=accountability.ActionPlanPage&fields=committee,activities"
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == 2
    assert {a["title"] for i in items for a in i["activities"]} >= {"Mentorer", "Lektiecafé"}


def test_site_search_finds_a_plan_by_an_activity(client, data):
    response = client.get("/da/soeg/", {"q": "Lektiecafé"})
    assert response.status_code == 200
    assert "Handleplan" in response.content.decode()


def test_the_policy_page_leads_to_the_activities_the_think_tank_the_reports_and_the_cycle(client):
    from accountability.models import ThinkTankPage

    tank = f.policy_page().add_child(instance=ThinkTankPage(title="Tænketanken", slug="tt"))
    tank.save_revision().publish()
    report = f.report(2026)
    body = client.get(f.policy_page().url).content.decode()
    for url in (LIST, tank.url, report.url, "/da/arrangementer/aarshjul/"):
        assert f'href="{url}"' in body, url


def test_the_serving_section_is_made_once_and_follows_a_change_at_once(client, data, settings):
    # The page cache off: what is reused is the section remembered per process and language
    # (accountability.wagtail_hooks.accountability_serving), retired with the page versions.
    settings.PAGE_CACHE_SECONDS = 0
    url = data["g1"].url
    assert "Lektiecafé" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not any('"accountability_activity"' in q["sql"] for q in queries.captured_queries)

    f.assessment(goal=data["g1"], reasoning="Tænketanken er bekymret.")
    plan = f.plan(activities=[{"title": "Nattecafé", "goals": [data["g1"]], "status": "done"}])
    body = client.get(url).content.decode()
    assert "Tænketanken er bekymret." in body and "Nattecafé" in body
    plan.unpublish()
    assert "Nattecafé" not in client.get(url).content.decode()
    english = client.get(url.replace("/da/", "/en/", 1)).content.decode()
    assert "What the committees do for this" in english
