"""What this app does when an editor publishes a debate page: closing a debate in the page
editor (rather than with the moderators' state form, services.debate_set_state) tells its
followers too. What the page was before is read as it is saved (pre_save), since Wagtail's
publish signal does not say. And the cached moderation settings are dropped when they or the
sites are saved."""

from django.db.models.signals import post_delete, post_save, pre_save
from wagtail.signals import page_published


def _remember_state(sender, instance, **kwargs):
    if instance._state.adding or instance.pk is None:
        return
    instance._state_before_save = (
        sender.objects.filter(pk=instance.pk).values_list("state", flat=True).first()
    )


def _debate_published(sender, instance, **kwargs):
    from dialogue.models import DebateState
    from dialogue.services.following import debate_was_closed

    before = getattr(instance, "_state_before_save", None)
    if before is not None and before != DebateState.CLOSED and instance.is_closed:
        debate_was_closed(instance)


def _moderation_settings_changed(sender, **kwargs):
    from core import pagecache
    from dialogue.cache_tags import MODERATION_SETTINGS

    pagecache.invalidate(MODERATION_SETTINGS)


def connect() -> None:
    from wagtail.models import Site

    from dialogue.models import DebatePage, ModerationSettings

    # The cached moderation settings (services/words.py) go when they or the sites change.
    for model in (ModerationSettings, Site):
        for signal in (post_save, post_delete):
            signal.connect(
                _moderation_settings_changed,
                sender=model,
                dispatch_uid=f"dialogue.moderation_settings.{signal is post_save}.{model.__name__}",
            )

    pre_save.connect(_remember_state, sender=DebatePage, dispatch_uid="dialogue.debate_state")
    page_published.connect(
        _debate_published, sender=DebatePage, dispatch_uid="dialogue.debate_closed"
    )
