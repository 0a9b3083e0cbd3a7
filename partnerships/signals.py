"""What partners change retires the pages that show partners (partnerships.cache_tags)."""

from django.db.models.signals import post_delete, post_save

from core import pagecache
from partnerships.cache_tags import PARTNERS


def _partners_changed(**kwargs):
    pagecache.invalidate(PARTNERS)


def connect() -> None:
    from partnerships.models import (
        Commitment,
        CommitmentProgress,
        CommitmentType,
        Organisation,
        Pledge,
        YearlyReport,
    )

    models = (Organisation, Pledge, Commitment, CommitmentType, YearlyReport, CommitmentProgress)
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _partners_changed,
                sender=model,
                dispatch_uid=f"partnerships.pagecache.{model.__name__}.{signal is post_save}",
            )
