"""The word list: terms that send a comment to the moderators instead of publishing it."""

import re

from core import pagecache
from dialogue.cache_tags import MODERATION_SETTINGS
from dialogue.models import ModerationSettings


def moderation_settings() -> ModerationSettings:
    """The settings of the default site, or the defaults when nobody has saved any yet.
    Reading never writes (unlike BaseSiteSetting.for_site). Every comment reads them, so each
    process remembers them until they are saved (dialogue/signals.py retires the tag)."""

    def read() -> ModerationSettings:
        found = ModerationSettings.objects.filter(site__is_default_site=True).first()
        return found or ModerationSettings()

    return pagecache.remember("dialogue:moderation-settings", read, tags=(MODERATION_SETTINGS,))


def listed_terms_in(text: str, terms: list[str]) -> list[str]:
    """The listed terms that occur in `text` as whole words, upper or lower case alike."""
    found = []
    for term in terms:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in term.split()) + r"(?!\w)"
        if re.search(pattern, text, flags=re.IGNORECASE):
            found.append(term)
    return found
