"""The word list: terms that send a comment to the moderators instead of publishing it."""

import re

from dialogue.models import ModerationSettings


def moderation_settings() -> ModerationSettings:
    """The settings of the default site, or the defaults when nobody has saved any yet.
    Reading never writes (unlike BaseSiteSetting.for_site)."""
    found = ModerationSettings.objects.filter(site__is_default_site=True).first()
    return found or ModerationSettings()


def listed_terms_in(text: str, terms: list[str]) -> list[str]:
    """The listed terms that occur in `text` as whole words, upper or lower case alike."""
    found = []
    for term in terms:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in term.split()) + r"(?!\w)"
        if re.search(pattern, text, flags=re.IGNORECASE):
            found.append(term)
    return found
