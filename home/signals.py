"""Which cached pages a change in this app retires (core/pagecache.py).

- "barometer": a measurement or indicator saved or deleted (the barometer, goal and focus-area
  pages, the front page and the open data show them);
- "pages": a UI language ticked as reviewed (the note on every page in that language); a
  glossary term added, changed or deleted (explained wherever it occurs).

Page edits themselves retire every page through Wagtail's publish signals (core.pagecache).

A goal page published with new barometer figures tells the goal's and its focus area's
followers (following.py).
"""

from django.db.models.signals import post_delete, post_save, pre_save

from core import pagecache

BAROMETER = "barometer"


def _barometer_changed(**kwargs):
    pagecache.invalidate(BAROMETER)


def _pages_changed(**kwargs):
    pagecache.invalidate(pagecache.PAGES)


def connect() -> None:
    from wagtail.signals import page_published

    from home import following
    from home.models import GlossaryTerm, GoalPage, Indicator, Measurement, UILanguageReview

    pre_save.connect(
        following.remember_measurements, sender=GoalPage, dispatch_uid="home.measurements_before"
    )
    page_published.connect(
        following.goal_published, sender=GoalPage, dispatch_uid="home.measurements_published"
    )

    for model in (Measurement, Indicator):
        for signal in (post_save, post_delete):
            signal.connect(
                _barometer_changed,
                sender=model,
                dispatch_uid=f"home.pagecache.{model.__name__}.{signal is post_save}",
            )
    for model in (UILanguageReview, GlossaryTerm):
        for signal in (post_save, post_delete):
            signal.connect(
                _pages_changed,
                sender=model,
                dispatch_uid=f"home.pagecache.{model.__name__}.{signal is post_save}",
            )
