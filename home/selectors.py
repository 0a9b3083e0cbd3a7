"""Reads for the policy pages and the barometer, shaped so that the number of queries does
not grow with the number of goals, indicators or measurements."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.translation import get_language
from wagtail.models import Locale

from core import pagecache
from core.hooks import SITE_SEARCH, run_hooks
from core.locales import active_locale, one_per_translation
from home import barometer
from home.models import GoalPage, Indicator, Measurement, PolicyPage
from home.signals import BAROMETER
from home.translating import localize_measurements


@dataclass
class IndicatorData:
    indicator: Indicator
    points: list[barometer.Point]
    summary: barometer.Summary
    measurements: list[Measurement] = field(default_factory=list)
    # The language of the measurements' words when they come from the original goal page.
    numbers_lang: str = ""

    @property
    def measurements_newest_first(self) -> list[Measurement]:
        return list(reversed(self.measurements))


@dataclass
class GoalData:
    goal: GoalPage
    indicators: list[IndicatorData]

    @property
    def has_examples(self) -> bool:
        return any(item.summary.has_examples for item in self.indicators)


def indicators_queryset():
    # Every read of measurements comes through here: the page shows the barometer.
    pagecache.depends_on(BAROMETER)
    measurements = Measurement.objects.order_by("period_start", "sort_order")
    return Indicator.objects.order_by("sort_order", "pk").prefetch_related(
        Prefetch("measurements", queryset=measurements)
    )


def spec_for(indicator: Indicator) -> barometer.Spec:
    return barometer.Spec(
        higher_is_better=indicator.higher_is_better,
        baseline_value=indicator.baseline_value,
        baseline_date=indicator.baseline_date,
        target_value=indicator.target_value,
        target_date=indicator.target_date,
    )


NUMBER_FIELDS = (
    "higher_is_better",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
)


def indicator_data(
    indicator: Indicator, numbers: Indicator | None = None, numbers_lang: str = ""
) -> IndicatorData:
    """`indicator` gives the words; `numbers` (the same indicator on the goal page in the
    default language, when this is a translation) gives direction, baseline, target and
    measurements. Expects `measurements` prefetched (see `indicators_queryset`)."""
    if numbers is not None and numbers is not indicator:
        for name in NUMBER_FIELDS:
            setattr(indicator, name, getattr(numbers, name))
    measurements = list((numbers or indicator).measurements.all())
    translated = numbers is not None and numbers is not indicator
    if translated and localize_measurements(measurements, get_language()):
        numbers_lang = ""  # labels, sources and notes all read in the page's language now
    points = [
        barometer.Point(m.period_label, m.period_start, m.value, m.is_example) for m in measurements
    ]
    return IndicatorData(
        indicator=indicator,
        points=points,
        summary=barometer.summarize(spec_for(indicator), points),
        measurements=measurements,
        numbers_lang=numbers_lang if translated else "",
    )


def goals_data(goals) -> list[GoalData]:
    """Every goal in `goals` with its indicators, in at most four queries whatever the number
    of goals, indicators and measurements.

    The barometer's numbers are entered once, on the goal page in the default language
    (Danish); a translated goal page shows them under its own indicator names, matched by
    position. A translation without a default-language original keeps its own numbers."""
    goals = list(goals)
    default = Locale.get_default()
    translated = [g.translation_key for g in goals if g.locale_id != default.pk]
    originals = {}
    if translated:
        originals = dict(
            GoalPage.objects.filter(locale=default, translation_key__in=translated).values_list(
                "translation_key", "pk"
            )
        )
    page_ids = {g.pk for g in goals} | set(originals.values())
    by_page: dict[int, list[Indicator]] = defaultdict(list)
    for indicator in indicators_queryset().filter(page_id__in=page_ids):
        by_page[indicator.page_id].append(indicator)
    result = []
    for goal in goals:
        own = by_page[goal.pk]
        original = originals.get(goal.translation_key)
        source = by_page[original] if original and original != goal.pk else own
        items = [
            indicator_data(ind, source[i] if i < len(source) else ind, default.language_code)
            for i, ind in enumerate(own)
        ]
        result.append(GoalData(goal=goal, indicators=items))
    return result


def _remembered(name: str, compute):
    """The barometer's figures are the same for every reader: made once per process and
    language (measurements are translated into it) and kept while neither a page nor a
    measurement changes (core.pagecache.remember). Read-only for whoever gets them."""
    return pagecache.remember(
        f"barometer:{name}:{get_language()}", compute, tags=(pagecache.PAGES, BAROMETER)
    )


def goal_data(goal: GoalPage) -> GoalData:
    return _remembered(f"goal:{goal.pk}", lambda: goals_data([goal])[0])


def _by_number(data: list[GoalData]) -> list[GoalData]:
    """The six main goals first and the overall goal last."""
    return sorted(data, key=lambda item: (item.goal.is_overall, item.goal.number or 0))


def barometer_goals(barometer_page) -> list[GoalData]:
    """The goals on a barometer page, the six main goals first and the overall goal last."""
    return _remembered(
        f"barometer-page:{barometer_page.pk}",
        lambda: _by_number(
            goals_data(GoalPage.objects.child_of(barometer_page).live().order_by("path"))
        ),
    )


def goals_for_locale(locale) -> list[GoalData]:
    return _remembered(
        f"locale:{locale.pk}",
        lambda: _by_number(
            goals_data(GoalPage.objects.live().filter(locale=locale).order_by("path"))
        ),
    )


def home_overview(home_page) -> dict:
    """What the front page links to directly: every focus area, goal and lighthouse project
    below it, and the barometer. One query each (and one to see that the home has pages below
    it), once per process while no page changes (the same for every reader; read-only)."""
    return pagecache.remember(
        f"home:overview:{home_page.pk}:{get_language()}", lambda: _home_overview(home_page)
    )


def _home_overview(home_page) -> dict:
    from home.models import BarometerPage, FocusAreaPage, LighthouseProjectPage

    if not home_page.get_children().live().exists():
        # A language only the key pages are translated into: the Danish home's pages.
        home_page = home_page.get_translation_or_none(Locale.get_default()) or home_page
    below = {"path__startswith": home_page.path, "depth__gt": home_page.depth}
    return {
        "focus_areas": list(FocusAreaPage.objects.live().filter(**below).order_by("path")),
        "goals": sorted(
            GoalPage.objects.live().filter(**below),
            key=lambda goal: (goal.is_overall, goal.number or 0),
        ),
        "lighthouse_projects": list(
            LighthouseProjectPage.objects.live().filter(**below).order_by("path")
        ),
        "barometer": BarometerPage.objects.live().filter(**below).first(),
    }


def localized(page):
    """The page in the active language when it has been translated, else the page itself."""
    if page is None:
        return None
    return page.localized


def policy_page(locale: Locale | None = None) -> PolicyPage | None:
    """The published policy page in `locale` (the active one by default), else the one in the
    default language (Danish); None before the policy is loaded. For pages that quote the
    policy, such as the partnership pledge and its three principles."""
    locale = locale or active_locale()

    def find():
        pages = PolicyPage.objects.live()
        return (
            pages.filter(locale=locale).first() or pages.filter(locale=Locale.get_default()).first()
        )

    # Once per process and locale while no page changes (read-only for whoever gets it).
    return pagecache.remember(f"policy-page:{getattr(locale, 'pk', None)}", find)


def goals_for_active_locale() -> list[GoalData]:
    """The barometer in the active language; the default language's when that has none."""
    locale = active_locale()
    data = goals_for_locale(locale)
    if not data and locale != Locale.get_default():
        data = goals_for_locale(Locale.get_default())
    return data


SEARCH_MAX_LENGTH = 200
SEARCH_LIMIT = 30


def search_pages(query: str) -> list:
    """Pages in the reader's language, and the Danish pages not translated into it (all of
    them in a language only the key pages are translated into)."""
    from wagtail.models import Page

    language = get_language()

    def candidates() -> list[int]:
        locales = {active_locale(), Locale.get_default()}
        pages = one_per_translation(
            Page.objects.live().filter(locale__in=locales).exclude(depth=1), language
        )
        return list(pages.values_list("pk", flat=True))

    # Which pages a reader of this language searches: the same for everyone until a page is
    # published, unpublished, moved or deleted (core.pagecache.remember).
    ids = pagecache.remember(f"search-candidates:{language}", candidates)
    pages = Page.objects.live().filter(id__in=ids)
    return list(pages.search(query)[:SEARCH_LIMIT])


def search_groups(query: str) -> list[dict]:
    """Results that are not pages (organisations, for one), a group per app that offers them
    through the core.hooks.SITE_SEARCH hook."""
    return [group for group in run_hooks(SITE_SEARCH, query, SEARCH_LIMIT) if group]
