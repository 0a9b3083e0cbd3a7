"""Which cached pages a change in this app retires (core/pagecache.py).

- "barometer": a measurement or indicator saved or deleted (the barometer, goal and focus-area
  pages, the front page and the open data show them);
- "pages": a UI language ticked as reviewed (the note on every page in that language); a
  glossary term added, changed or deleted (explained wherever it occurs).

Page edits themselves retire every page through Wagtail's publish signals (core.pagecache).
"""

from django.db.models.signals import post_delete, post_save

from core import pagecache

BAROMETER = "barometer"


def _barometer_changed(**kwargs):
    pagecache.invalidate(BAROMETER)


def _pages_changed(**kwargs):
    pagecache.invalidate(pagecache.PAGES)


def connect() -> None:
    from home.models import GlossaryTerm, Indicator, Measurement, UILanguageReview

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
