"""The admin side of accountability (committees, think tank members and assessments, the annual
cycle, grouped under one menu item) and what this app adds to the policy pages below it: each
goal, focus area and lighthouse project lists the activities that serve it and the think tank's
assessments (core.hooks.HOME_SECTIONS)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accountability import selectors
from accountability.models import AnnualCycleItem, Assessment, Committee, ThinkTankMember
from core import pagecache
from core.admin import SafeChooserViewSet
from core.hooks import DEMO_CONTENT, HOME_SECTIONS
from events.models import EventIndexPage
from home.models import FocusAreaPage, GoalPage, LighthouseProjectPage, PolicyPage


class CommitteeViewSet(SnippetViewSet):
    model = Committee
    chooser_viewset_class = SafeChooserViewSet
    icon = "group"
    menu_label = _("Committees")
    list_display = ["name", "sort_order"]


class ThinkTankMemberViewSet(SnippetViewSet):
    model = ThinkTankMember
    chooser_viewset_class = SafeChooserViewSet
    icon = "user"
    menu_label = _("Think tank members")
    list_display = ["name", "title", "organisation", "is_active"]
    search_fields = ["name", "organisation"]


class AssessmentViewSet(SnippetViewSet):
    model = Assessment
    chooser_viewset_class = SafeChooserViewSet
    icon = "doc-full"
    menu_label = _("Think tank assessments")
    list_display = ["__str__", "verdict", "assessed_on", "live"]
    list_filter = ["verdict", "live"]


class AnnualCycleItemViewSet(SnippetViewSet):
    model = AnnualCycleItem
    chooser_viewset_class = SafeChooserViewSet
    icon = "date"
    menu_label = _("Annual cycle")
    list_display = ["__str__", "kind", "month", "date"]


class AccountabilityGroup(SnippetViewSetGroup):
    items = (CommitteeViewSet, ThinkTankMemberViewSet, AssessmentViewSet, AnnualCycleItemViewSet)
    menu_icon = "tasks"
    menu_label = _("Accountability")
    menu_order = 250


register_snippet(AccountabilityGroup)


@hooks.register(HOME_SECTIONS)
def accountability_follow_up(request, page):
    """On the policy page: the ways to follow the city's promises (the activity list, the
    think tank, the status reports, the annual cycle)."""
    if not isinstance(page, PolicyPage):
        return None
    # The same for every reader: made once per process and language while no page changes.
    return pagecache.remember(
        f"accountability:follow-up:{request.get_host()}:{get_language()}",
        lambda: render_to_string(
            "accountability/includes/follow_up.html", selectors.follow_up_pages(), request=request
        ),
    )


@hooks.register(HOME_SECTIONS)
def accountability_cycle_link(request, page):
    """On the event listing: the way to the annual cycle, which events does not know of."""
    if not isinstance(page, EventIndexPage):
        return None
    return render_to_string("accountability/includes/cycle_link.html", request=request)


@hooks.register(HOME_SECTIONS)
def accountability_serving(request, page):
    """On a goal, a focus area or a lighthouse project: the activities that serve it, with their
    status, and (on a goal) the think tank's assessments of it."""
    if not isinstance(page, GoalPage | FocusAreaPage | LighthouseProjectPage):
        return None
    # The same for every reader (activities and assessments change with a page published or a
    # snippet saved, both of which retire "pages"): made once per process, page and language.
    return pagecache.remember(
        f"accountability:serving:{request.get_host()}:{get_language()}:{page.pk}",
        lambda: _serving_section(request, page),
    )


def _serving_section(request, page) -> str:
    activities = selectors.activities_serving(page)
    assessments = selectors.assessments_of(goal=page) if isinstance(page, GoalPage) else []
    return render_to_string(
        "accountability/includes/page_section.html",
        {
            "activities": activities,
            "assessments": assessments,
            "status_counts": selectors.status_counts(activities),
            "list_url": reverse("accountability:activities"),
        },
        request=request,
    )


@hooks.register(DEMO_CONTENT)
def accountability_demo_content():
    return (60, "load_demo_accountability")
