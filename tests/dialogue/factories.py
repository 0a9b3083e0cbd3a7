from wagtail.models import Locale

from dialogue.models import DebateIndexPage, DebatePage, DebateState
from home.models import HomePage

_counter = {"n": 0}


def debate_index() -> DebateIndexPage:
    home = HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code="da"))
    index = DebateIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=DebateIndexPage(title="Debatter", slug="debatter"))
    return index


def make_debate(state=DebateState.OPEN, **fields) -> DebatePage:
    _counter["n"] += 1
    n = _counter["n"]
    return debate_index().add_child(
        instance=DebatePage(
            title=f"Debat {n}",
            slug=f"debat-{n}",
            question=f"Spørgsmål {n}?",
            state=state,
            **fields,
        )
    )
