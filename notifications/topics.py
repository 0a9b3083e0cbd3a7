"""What can be followed. A topic is a string; the part before the first colon names who
describes it. Feature apps register a describer in their AppConfig.ready (this app cannot
import them: they sit above it); Wagtail pages are described here, for every page type that
says `followable = True` (a debate, a goal, a focus area, an action plan).

A describer gets the topics of its kind and returns, in the active language, a `Topic` for each
that exists and may be followed; a topic it leaves out cannot be followed (and drops off the
following page)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wagtail.models import Page

from core.locales import one_per_translation


@dataclass(frozen=True)
class Topic:
    topic: str
    title: str
    url: str
    kind_label: str


Describer = Callable[[list[str]], dict[str, Topic]]
_describers: dict[str, Describer] = {}


def register(prefix: str, describer: Describer) -> None:
    _describers[prefix] = describer


def is_well_formed(topic) -> bool:
    """A string of at most 120 printable characters with a kind before its first colon."""
    return isinstance(topic, str) and 0 < len(topic) <= 120 and ":" in topic and topic.isprintable()


def prefix_of(topic: str) -> str:
    return topic.split(":", 1)[0]


def describe(topics: Iterable[str]) -> dict[str, Topic]:
    """Each topic that exists and may be followed, described in the active language."""
    by_prefix: dict[str, list[str]] = {}
    for topic in topics:
        if is_well_formed(topic):
            by_prefix.setdefault(prefix_of(topic), []).append(topic)
    found: dict[str, Topic] = {}
    for prefix, members in by_prefix.items():
        describer = _describers.get(prefix)
        if describer is not None:
            found.update(describer(members))
    return found


def page_topic(page: Page) -> str:
    return f"page:{page.translation_key}"


def _describe_pages(topics: list[str]) -> dict[str, Topic]:
    keys = {}
    for topic in topics:
        key = topic.removeprefix("page:")
        if len(key) == 36:
            keys[key] = topic
    if not keys:
        return {}
    pages = one_per_translation(
        Page.objects.live().public().filter(translation_key__in=list(keys))
    ).specific()
    found = {}
    for page in pages:
        if not getattr(type(page), "followable", False):
            continue
        topic = keys[str(page.translation_key)]
        found[topic] = Topic(
            topic=topic,
            title=page.title,
            url=page.get_url() or "",
            kind_label=str(type(page)._meta.verbose_name),
        )
    return found


register("page", _describe_pages)
