"""The word list: terms that send a comment to the moderators instead of publishing it."""

import contextlib
import re

from django.core.cache import cache
from django.db import transaction

from dialogue.models import ModerationSettings

# Every comment reads the settings, so they are kept in the shared cache (Redis in production)
# and dropped there whenever they are saved (`forget_moderation_settings`, dialogue/signals.py).
CACHE_KEY = "dialogue:moderation-settings"
CACHE_SECONDS = 600


def moderation_settings() -> ModerationSettings:
    """The settings of the default site, or the defaults when nobody has saved any yet.
    Reading never writes (unlike BaseSiteSetting.for_site)."""
    try:
        found = cache.get(CACHE_KEY)
    except Exception:  # the cache is away: read the database
        found = None
    if found is None:
        found = ModerationSettings.objects.filter(site__is_default_site=True).first()
        found = found or ModerationSettings()
        with contextlib.suppress(Exception):  # the cache is away: read again next time
            cache.set(CACHE_KEY, found, CACHE_SECONDS)
    return found


def forget_moderation_settings() -> None:
    """At once and again after commit, so that a read between the two cannot keep the old
    settings past the commit."""

    def forget():
        with contextlib.suppress(Exception):  # the cache is away: nothing kept to forget
            cache.delete(CACHE_KEY)

    forget()
    transaction.on_commit(forget)


def listed_terms_in(text: str, terms: list[str]) -> list[str]:
    """The listed terms that occur in `text` as whole words, upper or lower case alike."""
    found = []
    for term in terms:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in term.split()) + r"(?!\w)"
        if re.search(pattern, text, flags=re.IGNORECASE):
            found.append(term)
    return found
