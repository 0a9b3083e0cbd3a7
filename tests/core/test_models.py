"""core.models.ResidentRecord: rows residents write in bulk stay out of Wagtail's reference
index, so saving a comment or a sign-up runs no index task (one query less per write)."""

import pytest
from django.apps import apps
from django.db.models.signals import post_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save

from core.models import ResidentRecord

BULK_MODELS = {
    "dialogue.Comment",
    "dialogue.CommentRevision",
    "dialogue.Reaction",
    "dialogue.Report",
    "dialogue.ModerationLogEntry",
    "events.Registration",
    "partnerships.Membership",
    "partnerships.Invitation",
    "partnerships.ReminderSent",
    "accounts.Notification",
    "notifications.Follow",
    "notifications.EmailPreference",
    "notifications.DigestSent",
    "livesessions.Participant",
    "livesessions.Question",
    "livesessions.QuestionVote",
    "livesessions.PollVote",
}


def test_the_bulk_models_are_resident_records():
    records = {m._meta.label for m in apps.get_models() if issubclass(m, ResidentRecord)}
    assert records == BULK_MODELS


@pytest.mark.parametrize("label", sorted(BULK_MODELS))
def test_saving_a_resident_record_runs_no_reference_index_task(label):
    model = apps.get_model(label)
    assert not ReferenceIndex.model_is_indexable(model)
    assert model not in ReferenceIndex.tracked_models
    sync_receivers, async_receivers = post_save._live_receivers(model)
    assert update_reference_index_on_save not in sync_receivers + async_receivers
