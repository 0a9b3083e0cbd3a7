"""What an editor meets in the admin: a plan's activities and milestones checked as typed, the
form back with a 400 and nothing lost; a report made for a year; the snippets' screens."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from accountability.models import ActionPlanPage, StatusReportPage
from tests.accountability import factories as f
from tests.factories import editor

pytestmark = pytest.mark.django_db


def plan_post(committee, goal, activity: dict, milestones: list[dict]) -> dict:
    row = {
        "title": "Mentorer",
        "description": "",
        "focus_area": "",
        "lighthouse": "",
        "responsible_unit": "Jobcenter",
        "start": "2026-01-01",
        "end": "2026-12-31",
        "status": "under_way",
        "status_date": "",
        "status_note": "Godt i gang",
        "progress": "40",
        **activity,
        "milestones": inline_formset(milestones),
    }
    data = nested_form_data(
        {
            "title": "Handleplan for udvalget",
            "slug": "handleplan-udvalget",
            "committee": committee.pk,
            "plain_summary": "",
            "intro": "Vores plan.",
            "activities": inline_formset([row]),
            "action-publish": "publish",
        }
    )
    data["activities-0-goals"] = [goal.pk]  # a multiple choice: one key, several values
    return data


@pytest.fixture
def admin_client(client):
    client.force_login(editor())
    return client


def add_url():
    return reverse(
        "wagtailadmin_pages:add", args=("accountability", "actionplanpage", f.policy_page().pk)
    )


@pytest.mark.parametrize(
    ("activity", "milestones", "message"),
    [
        (
            {},
            [{"title": "For tidligt", "due": "2025-06-01", "reached": ""}],
            "A milestone cannot be before the activity starts.",
        ),
        (
            {},
            [{"title": "For sent", "due": "2027-06-01", "reached": ""}],
            "A milestone cannot be after the activity ends.",
        ),
        ({"end": "2025-01-01"}, [], "The end cannot be before the start."),
        ({"progress": "140"}, [], "Progress is a per cent between 0 and 100."),
    ],
)
def test_bad_activity_input_is_a_400_with_the_message_and_nothing_lost(
    admin_client, activity, milestones, message
):
    goal = f.goal(2)
    response = admin_client.post(add_url(), plan_post(f.committee(), goal, activity, milestones))
    assert response.status_code == 400
    body = response.content.decode()
    with translation.override("da"):  # the admin speaks the editor's language, Danish here
        assert gettext(message) in body
    assert "Godt i gang" in body and "Vores plan." in body  # what the editor typed
    assert not ActionPlanPage.objects.exists()


def test_an_editor_publishes_a_plan_and_the_history_starts(admin_client):
    goal = f.goal(2)
    milestones = [{"title": "Halvvejs", "due": "2026-06-01", "reached": "on"}]
    response = admin_client.post(add_url(), plan_post(f.committee(), goal, {}, milestones))
    assert response.status_code == 302
    plan = ActionPlanPage.objects.get()
    assert plan.live
    activity = plan.activities.get()
    assert list(activity.goals.all()) == [goal]
    assert activity.milestones.get().title == "Halvvejs"
    assert activity.history.get().status == "under_way"


def test_an_editor_makes_a_report_for_a_year_and_gets_its_figures(admin_client):
    plan = f.plan(activities=[{"title": "Mentorer", "status": "planned"}])
    f.republish(plan, Mentorer={"status": "done", "progress": 100})
    url = reverse(
        "wagtailadmin_pages:add",
        args=("accountability", "statusreportpage", f.policy_page().pk),
    )
    data = nested_form_data(
        {
            "title": "Statusrapport 2026",
            "slug": "statusrapport-2026",
            "year": "2026",
            "plain_summary": "",
            "foreword": rich_text("<p>Forord</p>"),
            "conclusions": rich_text(""),
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    report = StatusReportPage.objects.get()
    assert not report.live  # a draft until the editor publishes it
    assert report.figures["year"] == 2026 and report.figures["has_data"]
    again = admin_client.post(url, {**data, "slug": "statusrapport-2026-b"})
    assert again.status_code == 400
    with translation.override("da"):
        expected = gettext("There is already a report for %(year)s.") % {"year": 2026}
    assert expected in again.content.decode()


@pytest.mark.parametrize("model", ["committee", "thinktankmember", "assessment", "annualcycleitem"])
def test_the_snippet_screens_open_for_editors(admin_client, model):
    assert admin_client.get(f"/admin/snippets/accountability/{model}/").status_code == 200
    assert admin_client.get(f"/admin/snippets/accountability/{model}/add/").status_code == 200


def test_the_edit_screens_of_a_plan_and_a_report_open(admin_client):
    goal = f.goal(1)
    plan = f.plan(
        activities=[
            {"title": "Mentorer", "goals": [goal], "milestones": [("M", date(2026, 5, 1), True)]}
        ]
    )
    body = admin_client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    assert "Mentorer" in body
    report = f.report(2026)
    response = admin_client.get(f"/admin/pages/{report.pk}/edit/")
    assert response.status_code == 200
    assert 'name="rebuild_figures"' in response.content.decode()


@pytest.mark.parametrize("published", [True, False], ids=["published", "draft"])
def test_build_the_figures_again_only_while_the_report_is_a_draft(admin_client, published):
    plan = f.plan(activities=[{"title": "Mentorer", "status": "planned"}])
    report = f.report(2026, publish=published)
    before = report.figures
    f.republish(plan, Mentorer={"status": "done", "progress": 100})
    data = nested_form_data(
        {
            "title": report.title,
            "slug": report.slug,
            "year": "2026",
            "plain_summary": "",
            "foreword": rich_text("<p>Nyt forord</p>"),
            "conclusions": rich_text(""),
            "rebuild_figures": "on",
        }
    )
    response = admin_client.post(f"/admin/pages/{report.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:1500]
    draft = StatusReportPage.objects.get(pk=report.pk).get_latest_revision_as_object()
    rows = draft.figures["sections"][1]["tables"][0]["rows"]
    if published:
        assert draft.figures == before
    else:
        assert rows[0][2] == "Done"
