"""Action plans: activities with status, progress and milestones, a history written when the
plan is published, the checks an editor meets, and who sees what."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from accountability.models import Activity, ActivityStatusChange
from accountability.selectors import activities_serving, plan_activities
from tests.accountability import factories as f

pytestmark = pytest.mark.django_db


def test_publishing_a_plan_writes_each_activitys_status_once_and_again_only_when_it_changes():
    goal = f.goal(2)
    plan = f.plan(activities=[{"title": "Mentorer", "goals": [goal], "status": "planned"}])
    activity = Activity.objects.get(plan=plan)
    assert [(h.previous_status, h.status) for h in activity.history.all()] == [("", "planned")]

    plan = f.republish(plan)  # nothing changed: nothing written
    assert activity.history.count() == 1

    f.republish(
        plan,
        Mentorer={
            "status": "delayed",
            "progress": 20,
            "status_note": "Venter på budgettet.",
            "status_date": date(2026, 9, 1),
        },
    )
    latest = activity.history.first()
    assert (latest.previous_status, latest.status, latest.progress) == ("planned", "delayed", 20)
    assert latest.note == "Venter på budgettet."
    assert latest.when == date(2026, 9, 1)
    assert activity.history.count() == 2


def test_the_plan_page_shows_activities_status_progress_milestones_and_history(client):
    goal = f.goal(2)
    plan = f.plan(
        activities=[
            {
                "title": "Mentorer for ledige",
                "goals": [goal],
                "status": "under_way",
                "progress": 45,
                "status_note": "40 mentorer er i gang.",
                "responsible_unit": "Jobcenter København",
                "milestones": [("20 mentorer klar", date(2026, 3, 1), True)],
            }
        ]
    )
    body = client.get(plan.url).content.decode()
    assert "Mentorer for ledige" in body
    assert "Under way" in body or "I gang" in body
    assert 'value="45"' in body  # the progress bar, with its text beside it
    assert "20 mentorer klar" in body
    assert "40 mentorer er i gang." in body
    assert "Jobcenter København" in body
    assert goal.url in body


def test_activity_checks_end_progress_and_milestones():
    plan = f.plan()
    with pytest.raises(ValidationError) as error:
        Activity(plan=plan, title="x", start=date(2026, 5, 1), end=date(2026, 1, 1)).full_clean()
    assert "end" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Activity(plan=plan, title="x", progress=101).full_clean()
    assert "progress" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        Activity(plan=plan, title="x", status="done", progress=50).full_clean()
    assert "progress" in error.value.message_dict
    activity = Activity(plan=plan, title="x", start=date(2026, 1, 1), end=date(2026, 6, 30))
    assert activity.milestone_outside_span(date(2025, 12, 31))
    assert activity.milestone_outside_span(date(2026, 7, 1))
    assert activity.milestone_outside_span(date(2026, 3, 1)) is None


def test_a_draft_plan_and_an_unpublished_change_are_not_shown():
    goal = f.goal(1)
    f.plan(activities=[{"title": "Kladde", "goals": [goal]}], publish=False)
    live = f.plan(activities=[{"title": "Offentlig", "goals": [goal], "status": "planned"}])
    # An editor changes the status in a draft: the public keeps seeing the published one.
    live.activities.first()
    draft = live.get_latest_revision_as_object()
    draft.activities.all()[0].status = "done"
    draft.save_revision()
    assert [a.title for a in activities_serving(goal)] == ["Offentlig"]
    assert activities_serving(goal)[0].status == "planned"
    assert not ActivityStatusChange.objects.filter(status="done").exists()


def test_a_translated_plan_shows_the_danish_activities_once(client):
    from wagtail.models import Locale

    goal = f.goal(3)
    plan = f.plan(activities=[{"title": "Praktik", "goals": [goal]}])
    en = Locale.objects.get(language_code="en")
    f.policy_page().copy_for_translation(en, copy_parents=True).save_revision().publish()
    translated = plan.copy_for_translation(en)
    translated.save_revision().publish()
    assert [a.title for a in plan_activities(translated)] == ["Praktik"]
    assert [a.title for a in activities_serving(goal)] == ["Praktik"]  # the copy is not counted


def test_policy_words_in_a_plans_introduction_are_explained_in_place(client):
    from wagtail.models import Locale

    from home.models import GlossaryTerm

    GlossaryTerm.objects.create(
        term="handleplan",
        explanation="En plan for, hvad et udvalg gør.",
        locale=Locale.get_default(),
    )
    plan = f.plan()
    plan.intro = "Denne handleplan viser, hvad udvalget gør."
    plan.save_revision().publish()
    body = client.get(plan.url).content.decode()
    assert 'href="#term-handleplan"' in body
    assert "En plan for, hvad et udvalg gør." in body
