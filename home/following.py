"""Telling the people who follow a main goal or its focus area (notifications/) that the
barometer has new figures for the goal.

The barometer's measurements are rows of the goal page (in the default language), written when
an editor publishes it. What the page held before is read as the page is saved (pre_save, one
query), and after the publish (page_published) the periods that are new for an indicator are
the news: one notice per publish, however many figures it brings, and none when a publish only
corrects a figure already there or changes the text. Example figures are nobody's news."""

from core.links import page_url
from core.locales import localized_page
from home import charts, selectors
from home.models import GoalPage, Measurement
from notifications.services import after_commit, followers, notify
from notifications.topics import page_topic

Key = tuple[int, object]  # (indicator id, period start)


def _keys(goal_id: int) -> set[Key]:
    return set(
        Measurement.objects.filter(indicator__page_id=goal_id).values_list(
            "indicator_id", "period_start"
        )
    )


def remember_measurements(sender, instance, **kwargs) -> None:
    """pre_save of a goal page: the periods measured before this save."""
    if instance._state.adding or instance.pk is None:
        return
    instance._measurements_before = _keys(instance.pk)


def goal_published(sender, instance, **kwargs) -> None:
    """page_published of a goal page: its followers hear of the periods that are new."""
    before = instance.__dict__.pop("_measurements_before", None)
    if before is None:
        return
    new = set(
        Measurement.objects.filter(indicator__page_id=instance.pk, is_example=False).values_list(
            "indicator_id", "period_start"
        )
    )
    new -= before
    if new:
        measurements_published(goal=instance, keys=new)


def _figures(goal: GoalPage, keys: set[Key]):
    """The new figures as lines, with the indicators' names in the reader's language."""

    def lines() -> list[str]:
        shown = []
        for item in selectors.goal_data(localized_page(goal)).indicators:
            unit = f" {item.indicator.unit}" if item.indicator.unit else ""
            for measurement in item.measurements:
                if (measurement.indicator_id, measurement.period_start) in keys:
                    shown.append(
                        f"{item.indicator.name}: {charts.fmt(measurement.value)}{unit}"
                        f" ({measurement.period_label})"
                    )
        return shown

    return lines


def measurements_published(*, goal: GoalPage, keys: set[Key]) -> None:
    """Tells the followers of `goal` and of its focus area, after commit; a failure is logged
    and never undoes the publish."""

    def tell():
        topic = page_topic(goal)
        wanted = [topic]
        if goal.focus_area_id is not None:
            area = goal.focus_area
            wanted.append(page_topic(area))
        notify(
            followers(wanted),
            kind="measurement",
            template="home/notices/measurement",
            context={
                "title": lambda: localized_page(goal).title,
                "count": len(keys),
                "figures": _figures(goal, keys),
            },
            topic=topic,
            link=lambda: page_url(goal),
            topic_title=lambda: localized_page(goal).title,
        )

    after_commit(f"new figures on goal {goal.pk}", tell)
