"""The example content `make run` shows: enough of everything to see every view, in plain
Danish, loaded once (a second run changes nothing)."""

import logging

import pytest
from django.core.management import call_command

from accountability.management.commands.load_demo_accountability import PLANS, THINK_TANK
from accountability.models import (
    ActionPlanPage,
    Activity,
    ActivityStatus,
    ActivityStatusChange,
    Assessment,
    StatusReportPage,
)
from core.readability import EASY_MAX, lix
from home.models import GoalPage
from home.services import policy_load
from tests.shared_db import rolled_back

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        logging.disable(logging.INFO)
        try:
            policy_load(demo=True)
            call_command("load_demo_accountability", verbosity=0)
        finally:
            logging.disable(logging.NOTSET)
        yield


def test_the_demo_has_plans_activities_across_goals_and_statuses_assessments_and_reports(demo):
    assert ActionPlanPage.objects.live().count() >= 3
    activities = Activity.objects.all()
    assert activities.count() >= 15
    assert set(activities.values_list("status", flat=True)) == set(ActivityStatus.values)
    served = set(GoalPage.objects.filter(activities__isnull=False).values_list("number", flat=True))
    assert served >= {1, 2, 3, 4, 5, 6}
    assert ActivityStatusChange.objects.exclude(previous_status="").exists()  # some history
    assert Assessment.objects.filter(live=True).count() >= 2
    reports = StatusReportPage.objects.all()
    assert reports.filter(live=True).exists() and reports.filter(live=False).exists()
    assert all(r.figures["has_data"] for r in reports)
    assert all(p.is_example for p in ActionPlanPage.objects.all())


def test_a_second_run_changes_nothing(demo):
    counts = (
        Activity.objects.count(),
        Assessment.objects.count(),
        StatusReportPage.objects.count(),
    )
    call_command("load_demo_accountability", verbosity=0)
    assert counts == (
        Activity.objects.count(),
        Assessment.objects.count(),
        StatusReportPage.objects.count(),
    )


def test_the_demo_summaries_are_easy_danish():
    summaries = [plan[2] for plan in PLANS] + [THINK_TANK["plain_summary"]]
    for text in summaries:
        assert lix(text).score <= EASY_MAX, text
