"""What this app does when something changes elsewhere:

- a plan published: its activities' history is written (services.plan_record_history), the
  plan is indexed again with its activities, and when it was published before, its followers
  hear of the new version (following.py);
- a think tank member saved: the member's account gets the think tank's badge;
- an assessment, member, committee or annual-cycle item saved or deleted: every cached page
  is retired (core/pagecache.py), since plans, goals, focus areas, the think tank page and the
  annual cycle show them (they change rarely).

Plan pages themselves retire the cache through Wagtail's publish signals (core.pagecache)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, published, unpublished

from core import pagecache


def _pages_changed(**kwargs):
    pagecache.invalidate(pagecache.PAGES)


def _plan_published(sender, instance, **kwargs):
    from wagtail.search import index

    from accountability.following import plan_republished
    from accountability.services import plan_record_history

    plan = instance.specific
    changes = plan_record_history(plan=plan)
    plan_republished(plan=plan, changes=len(changes))
    # Indexed again now that the activity rows are written (Wagtail indexes the page when it
    # saves the page row, before its child rows), so a search for an activity finds the plan.
    index.insert_or_update_object(plan)


def _member_saved(sender, instance, **kwargs):
    from accountability.services import member_grant_badge

    member_grant_badge(member=instance)


def connect() -> None:
    from accountability.models import (
        ActionPlanPage,
        AnnualCycleItem,
        Assessment,
        Committee,
        ThinkTankMember,
    )

    page_published.connect(
        _plan_published, sender=ActionPlanPage, dispatch_uid="accountability.plan_history"
    )
    post_save.connect(_member_saved, sender=ThinkTankMember, dispatch_uid="accountability.badge")
    for model in (Assessment, ThinkTankMember, Committee, AnnualCycleItem):
        for signal in (post_save, post_delete):
            signal.connect(
                _pages_changed,
                sender=model,
                dispatch_uid=f"accountability.pagecache.{model.__name__}.{signal is post_save}",
            )
    for signal in (published, unpublished):
        signal.connect(
            _pages_changed, sender=Assessment, dispatch_uid=f"accountability.{signal}.assessment"
        )
