"""Reads: a plan's activities, the activities that serve a goal, a focus area or a lighthouse
project, the filterable list of all activities, and the think tank's members and assessments.

Activities and assessments live once, on the default-language (Danish) pages; every language
shows the same rows. Each read takes a fixed number of queries however many activities there
are: the rows come with their plan, committee, goals, milestones and history prefetched, and the
pages they link to are looked up once per distinct page (core.locales)."""

from __future__ import annotations

from collections import Counter

from django.db.models import Prefetch, QuerySet
from wagtail.models import Locale, Page

from accountability.models import (
    ActionPlanPage,
    Activity,
    ActivityStatus,
    ActivityStatusChange,
    Assessment,
    Committee,
    Milestone,
    ThinkTankMember,
)
from core import pagecache
from home.models import FocusAreaPage, GoalPage, LighthouseProjectPage


def _source(page: Page) -> Page:
    """The default-language version of `page` (the one activities point at)."""
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return (
        type(page).objects.filter(translation_key=page.translation_key, locale=default).first()
        or page
    )


def _activities() -> QuerySet[Activity]:
    pagecache.depends_on(pagecache.PAGES)
    return (
        Activity.objects.filter(plan__live=True, plan__locale=Locale.get_default())
        .select_related("plan", "plan__committee", "focus_area", "lighthouse")
        .prefetch_related(
            Prefetch("goals", queryset=GoalPage.objects.order_by("number", "path")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("due", "sort_order")),
            Prefetch(
                "history", queryset=ActivityStatusChange.objects.order_by("-recorded_at", "-pk")
            ),
        )
        .order_by("plan__committee__sort_order", "plan__path", "sort_order", "pk")
    )


def plan_activities(plan: ActionPlanPage, *, for_index: bool = False) -> list[Activity]:
    if for_index:  # the plan being indexed: its own rows, live or not yet
        return list(Activity.objects.filter(plan=_source(plan)).order_by("sort_order", "pk"))
    return list(_activities().filter(plan=_source(plan)))


def activities_serving(page: Page) -> list[Activity]:
    """The published activities that serve a goal, a focus area or a lighthouse project."""
    source = _source(page)
    qs = _activities()
    if isinstance(page, GoalPage):
        qs = qs.filter(goals=source)
    elif isinstance(page, FocusAreaPage):
        qs = qs.filter(focus_area=source)
    elif isinstance(page, LighthouseProjectPage):
        qs = qs.filter(lighthouse=source)
    else:
        return []
    return list(qs.distinct())


def status_counts(activities) -> list[tuple[str, str, int]]:
    """(status, label, number) for every status, in the order of the choices."""
    counts = Counter(a.status for a in activities)
    return [(value, label, counts.get(value, 0)) for value, label in ActivityStatus.choices]


def activity_list(*, goal=None, focus_area=None, committee=None, status=None) -> list[Activity]:
    """Every published activity, narrowed by the filters given (plain values: pages, a
    committee, a status)."""
    qs = _activities()
    if goal is not None:
        qs = qs.filter(goals=_source(goal))
    if focus_area is not None:
        qs = qs.filter(focus_area=_source(focus_area))
    if committee is not None:
        qs = qs.filter(plan__committee=committee)
    if status:
        qs = qs.filter(status=status)
    return list(qs.distinct())


def filter_choices() -> dict:
    """What the activity list can be narrowed by: the goals and focus areas in the default
    language (shown in the reader's), the committees that have a published plan."""
    default = Locale.get_default()
    return {
        "goals": GoalPage.objects.live().filter(locale=default).order_by("path"),
        "focus_areas": FocusAreaPage.objects.live().filter(locale=default).order_by("path"),
        "committees": Committee.objects.filter(
            pk__in=ActionPlanPage.objects.live().filter(locale=default).values("committee")
        ).order_by("sort_order", "name"),
    }


def assessments_of(*, plan=None, goal=None) -> list[Assessment]:
    """The published assessments of a plan, of a goal, or (neither given) all of them."""
    pagecache.depends_on(pagecache.PAGES)
    qs = Assessment.objects.filter(live=True).select_related("member", "plan", "goal")
    if plan is not None:
        qs = qs.filter(plan=_source(plan))
    if goal is not None:
        qs = qs.filter(goal=_source(goal))
    return list(qs.order_by("-assessed_on", "-pk"))


def follow_up_pages() -> dict:
    """The think tank page and the published reports, newest year first (Danish pages; links
    follow the reader's language)."""
    from accountability.models import StatusReportPage, ThinkTankPage

    pagecache.depends_on(pagecache.PAGES)
    default = Locale.get_default()
    return {
        "think_tank": ThinkTankPage.objects.live().filter(locale=default).first(),
        "reports": list(
            StatusReportPage.objects.live().filter(locale=default).order_by("-year")[:5]
        ),
    }


def think_tank_members() -> list[ThinkTankMember]:
    pagecache.depends_on(pagecache.PAGES)
    return list(ThinkTankMember.objects.filter(is_active=True).select_related("photo"))
