"""Telling the people who follow an action plan (notifications/) that a new version of it is
published: once per publish of the plan in the default language (its translations follow it),
never for its first publish (nobody could follow it before). While a person's notice of an
earlier change is unread, its count goes up instead of a new notice."""

from wagtail.models import Locale

from accountability.models import ActionPlanPage
from core.links import page_url
from core.locales import localized_page
from notifications.services import after_commit, followers, notify_collapsed
from notifications.topics import page_topic


def plan_republished(*, plan: ActionPlanPage, changes: int) -> None:
    """After `plan` is published again (`changes`: activities whose status, progress or note
    changed with it): its followers hear of it, after commit. A failure is logged and never
    undoes the publish."""
    if plan.locale_id != Locale.get_default().pk:
        return
    if plan.first_published_at is None or plan.first_published_at == plan.last_published_at:
        return

    def tell():
        topic = page_topic(plan)
        title = lambda: localized_page(plan).title  # noqa: E731 (called in each language)
        notify_collapsed(
            followers(topic),
            kind="page_updated",
            template="accountability/notices/page_updated",
            context={"title": title, "changes": changes},
            topic=topic,
            link=lambda: page_url(plan),
            topic_title=title,
        )

    after_commit(f"a new version of action plan {plan.pk}", tell)
