"""Action plans, activities, assessments and reports for the accountability tests, built
directly on a small policy tree (no loader)."""

from __future__ import annotations

from datetime import date

from accountability.models import (
    ActionPlanPage,
    Activity,
    Assessment,
    Committee,
    Milestone,
    StatusReportPage,
)
from home.models import FocusAreaPage, LighthouseProjectPage, PolicyPage
from tests.home.factories import goal_page, home_page

_n = {"n": 0}


def _next() -> int:
    _n["n"] += 1
    return _n["n"]


def policy_page() -> PolicyPage:
    page = PolicyPage.objects.child_of(home_page()).first()
    if page is None:
        page = home_page().add_child(instance=PolicyPage(title="Politikken", slug="politik"))
    return page


def focus_area(number: str = "4.1") -> FocusAreaPage:
    page = FocusAreaPage.objects.filter(number=number).first()
    if page is None:
        n = _next()
        page = policy_page().add_child(
            instance=FocusAreaPage(title=f"Indsats {number}", slug=f"indsats-{n}", number=number)
        )
    return page


def lighthouse(area: FocusAreaPage) -> LighthouseProjectPage:
    n = _next()
    return area.add_child(
        instance=LighthouseProjectPage(title=f"Fyrtårn {n}", slug=f"fyrtaarn-{n}")
    )


def goal(number: int = 1, area: FocusAreaPage | None = None):
    return goal_page(number=number, focus_area=area, measurements=6)


def committee(name: str = "Beskæftigelses- og Integrationsudvalget") -> Committee:
    return Committee.objects.get_or_create(name=name)[0]


def plan(
    *,
    committee_name: str = "Beskæftigelses- og Integrationsudvalget",
    activities: list[dict] | None = None,
    publish: bool = True,
) -> ActionPlanPage:
    """A plan under the policy page with `activities` (field dicts; "goals" a list of goal
    pages, "milestones" a list of (title, date, reached))."""
    n = _next()
    page = ActionPlanPage(
        title=f"Handleplan {n}", slug=f"handleplan-{n}", committee=committee(committee_name)
    )
    policy_page().add_child(instance=page)
    for fields in activities or []:
        fields = dict(fields)
        goals = fields.pop("goals", [])
        stones = fields.pop("milestones", [])
        fields.setdefault("start", date(2026, 1, 1))
        fields.setdefault("end", date(2027, 12, 31))
        activity = Activity(**fields)
        page.activities.add(activity)
        activity.goals.set(goals)
        for title, due, reached in stones:
            activity.milestones.add(Milestone(title=title, due=due, reached=reached))
    revision = page.save_revision()
    if publish:
        revision.publish()
    else:
        page.unpublish()
    return ActionPlanPage.objects.get(pk=page.pk)


def republish(page: ActionPlanPage, **changes_by_title) -> ActionPlanPage:
    """Changes activities (title -> field dict) as an editor would, and publishes the plan."""
    for title, fields in changes_by_title.items():
        Activity.objects.filter(plan=page, title=title).update(**fields)
    page = ActionPlanPage.objects.get(pk=page.pk)
    page.save_revision().publish()
    return ActionPlanPage.objects.get(pk=page.pk)


def assessment(*, publish: bool = True, **fields) -> Assessment:
    fields.setdefault("verdict", "needs_revision")
    fields.setdefault("reasoning", "Planen rækker ikke.")
    fields.setdefault("assessed_on", date(2026, 6, 1))
    item = Assessment(**fields)
    item.full_clean()
    item.save()
    revision = item.save_revision()
    if publish:
        revision.publish()
    else:
        Assessment.objects.filter(pk=item.pk).update(live=False)
    return Assessment.objects.get(pk=item.pk)


def report(year: int, *, publish: bool = True, **fields) -> StatusReportPage:
    from accountability import reporting

    page = StatusReportPage(
        title=f"Statusrapport {year}",
        slug=f"statusrapport-{year}",
        year=year,
        figures=reporting.build(year),
        live=False,
        **fields,
    )
    policy_page().add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return StatusReportPage.objects.get(pk=page.pk)
