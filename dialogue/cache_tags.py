"""The cached pages a debate's changes retire (core/pagecache.py): its own page, comment lists
and threads depend on "debate:<id>"; the indexes that show counts and activity on "debates".
Pages name them while they render (dialogue.selectors); every write that open pages hear of
retires them (dialogue.services.live.publish_after_commit)."""

from accounts.cache_tags import PEOPLE

DEBATES = "debates"
# The moderation settings (the word list every new comment is checked against), remembered per
# process (dialogue.services.words) and retired when they or the sites are saved.
MODERATION_SETTINGS = "moderation-settings"


def debate_tag(debate_id: int) -> str:
    return f"debate:{debate_id}"


def debate_tags(debate_id: int) -> tuple[str, ...]:
    """What a page showing the debate's comments depends on: the debate, and the names and
    badges of the people who wrote them."""
    return (debate_tag(debate_id), PEOPLE)
