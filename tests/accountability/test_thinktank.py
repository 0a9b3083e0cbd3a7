"""The think tank: members, their badge, and assessments that show only when published."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from accountability.models import Assessment, ThinkTankMember, ThinkTankPage
from accounts.models import BadgeKind
from tests.accountability import factories as f
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_assessment_is_of_a_plan_or_a_goal_not_both_nor_neither():
    plan, goal = f.plan(), f.goal(1)
    for fields in ({}, {"plan": plan, "goal": goal}):
        with pytest.raises(ValidationError):
            Assessment(
                verdict="sufficient", reasoning="x", assessed_on=date(2026, 1, 1), **fields
            ).full_clean()
    Assessment(
        plan=plan, verdict="sufficient", reasoning="x", assessed_on=date(2026, 1, 1)
    ).full_clean()


def test_published_assessments_show_on_the_plan_the_goal_and_the_think_tank_page(client):
    plan, goal = f.plan(), f.goal(2)
    member = ThinkTankMember.objects.create(name="Anna Jensen", organisation="KU")
    f.assessment(plan=plan, reasoning="Planen skal justeres.")
    f.assessment(goal=goal, member=member, verdict="sufficient", reasoning="Målet nås.")
    f.assessment(goal=goal, reasoning="Hemmelig kladde.", publish=False)
    page = f.policy_page().add_child(instance=ThinkTankPage(title="Tænketanken", slug="tt"))
    page.save_revision().publish()

    plan_body = client.get(plan.url).content.decode()
    assert "Planen skal justeres." in plan_body and "Målet nås." not in plan_body
    goal_body = client.get(goal.url).content.decode()
    assert "Målet nås." in goal_body and "Anna Jensen" in goal_body
    tank = client.get(page.url).content.decode()
    assert "Anna Jensen" in tank and "Planen skal justeres." in tank and "Målet nås." in tank
    for body in (plan_body, goal_body, tank):
        assert "Hemmelig kladde." not in body


def test_a_member_with_an_account_gets_the_think_tank_badge():
    user = UserFactory()
    ThinkTankMember.objects.create(name="Omar", organisation="Boligselskab", account=user)
    assert user.badges.filter(kind=BadgeKind.EXPERT, note="Boligselskab").exists()
