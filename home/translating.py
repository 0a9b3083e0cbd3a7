"""Translations of the Danish pages as wagtail-localize translations, for `translate_content`.

Danish is the source of every page. Each other language is a wagtail-localize `Translation` of
the Danish page: its text is one `StringTranslation` per Danish source segment, so when an editor
changes a Danish segment the translation shows as out of date until that segment is translated
again ("Waiting for translations" in the admin), and translators can work in PO files.

The translated text comes from two places, in this order:

1. A page that already exists in the language but is not yet a wagtail-localize translation
   (the English pages `load_policy` writes as independent copies) gives its own text, matched to
   the Danish segments field by field and position by position. This happens once, when the
   translation is made, so the English text is kept; later the translation holds the text.
2. `home/translations/<language>.json`: the text of each Danish source string in that language
   (policy, barometer, debates, events, index pages). A Danish string it does not know stays
   untranslated, so the page shows as waiting for a translation.

Segments already translated (by an earlier run or by an editor) are never overwritten, and a
translation is saved only when something changed, so running it again changes nothing.

Indicator rows are not part of the wagtail-localize source (GoalPage.override_translatable_fields):
their numbers live on the Danish goal page, and each language's goal page keeps its own rows
with the names in that language (written here from the same JSON files).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import pgettext
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from core.indexing import deferred_index_updates

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
# Every page is translated into English and Arabic; a Danish string the data does not know waits
# for a translator. Into the other UI languages only the key pages are translated: those whose
# every Danish string `home/translations/<language>.json` knows (today the home page). Their other
# pages are the Danish ones, shown under the reader's prefix with a note (core/locales.py).
FULL_CONTENT_LANGUAGES = ("en", "ar")
KEY_PAGE_LANGUAGES = ("tr", "ur", "so", "pl", "fa")
TARGET_LANGUAGES = FULL_CONTENT_LANGUAGES + KEY_PAGE_LANGUAGES
TOOL_NAME = "translate_content"
INDICATOR_TEXT_FIELDS = ("name", "unit", "source", "note")


@dataclass
class TranslateReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    missing: dict[str, int] = field(default_factory=dict)  # "ar:/politik/" -> untranslated


@cache
def translation_data(language_code: str) -> dict[str, str]:
    """Danish source string -> its text in `language_code`, from home/translations/."""
    path = TRANSLATIONS_DIR / f"{language_code}.json"
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def _strings_by_field(instance) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            out[segment.path.split(".")[0]].append(segment.string.data)
    return out


def harvest(source_page, existing_page) -> dict[tuple[str, str], str]:
    """(field, Danish string) -> the text at the same place on a page written independently in
    another language. Fields whose number of segments differs are left out (nothing is guessed)."""
    source, target = _strings_by_field(source_page), _strings_by_field(existing_page)
    found = {}
    for name, strings in source.items():
        theirs = target.get(name, [])
        if len(theirs) != len(strings):
            continue
        for danish, translated in zip(strings, theirs, strict=True):
            if translated.strip():
                found[(name, danish)] = translated
    return found


def _fill(source, locale, harvested: dict, data: dict, source_title: str) -> tuple[int, int]:
    """Adds missing StringTranslations; returns (how many were added, how many still miss)."""
    added = missing = 0
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    done = set(
        StringTranslation.objects.filter(
            locale=locale, translation_of__in=[s.string for s in segments]
        ).values_list("translation_of_id", "context_id")
    )
    for segment in segments:
        if (segment.string_id, segment.context_id) in done:
            continue
        danish = segment.string.data
        text = harvested.get((segment.context.path.split(".")[0], danish))
        if text is None or text == danish:
            # A copy still in Danish (the demo events' English pages) is no translation.
            text = data.get(danish, text)
        if segment.context.path == "slug" and not text:
            # English addresses follow the English title; others keep the Danish address,
            # whose Latin letters every reader's keyboard can type.
            title = harvested.get(("title", source_title)) or data.get(source_title)
            text = slugify(title) if title and locale.language_code == "en" else danish
        if not text:
            missing += 1
            continue
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=text,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=TOOL_NAME,
        )
        done.add((segment.string_id, segment.context_id))
        added += 1
    return added, missing


def _translate_indicators(source_page, target, data: dict) -> bool:
    """Goal pages: each indicator row of the translated page takes its words from the data,
    matched to the Danish rows by position. Returns whether anything changed."""
    if not hasattr(target, "indicators"):
        return False
    danish = list(source_page.indicators.all().order_by("sort_order", "pk"))
    changed = False
    for index, row in enumerate(target.indicators.all().order_by("sort_order", "pk")):
        if index >= len(danish):
            break
        names = []
        for name in INDICATOR_TEXT_FIELDS:
            original = getattr(danish[index], name)
            wanted = data.get(original)
            if original and getattr(row, name) == original and wanted and wanted != original:
                setattr(row, name, wanted)
                names.append(name)
        if names:
            row.save(update_fields=names)
            changed = True
    return changed


def is_synced_translation(page) -> bool:
    """The page is a wagtail-localize translation that is still kept in sync with its source."""
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists()


def _publish(page) -> None:
    page = page.specific
    revision = page.latest_revision
    if revision is not None and (page.has_unpublished_changes or not page.live):
        revision.publish()


def _canonical(value):
    """JSON data with every nested JSON text (a StreamField's value) parsed as well.

    PostgreSQL stores a StreamField as jsonb, which orders an object's keys its own way, so the
    same page read back serialises its blocks with the keys in another order than the one it
    was saved with."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {key: _canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_canonical(item) for item in value]
    return value


def source_of(page) -> TranslationSource:
    """The page's TranslationSource, updated only when its content changed.

    wagtail-localize compares the serialised StreamField texts and so takes a page read back from
    PostgreSQL for a changed one: each run would then mark every translation out of date and
    save a new revision of it."""
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id
    ).first()
    if source is not None and _canonical(source.content_json) == _canonical(page.to_json()):
        return source
    return TranslationSource.update_or_create_from_instance(page)[0]


def translate_page(page, locale, report: TranslateReport) -> None:
    """Makes or updates the `locale` translation of one Danish page."""
    page = page.specific
    language = locale.language_code
    name = f"{language}:{page.url_path}"
    source = source_of(page)
    existing = page.get_translation_or_none(locale)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    harvested = {}
    if translation is None:
        if existing is not None:
            harvested = harvest(page, existing.specific)
        translation = Translation.objects.create(source=source, target_locale=locale)
        is_new = True
    else:
        is_new = False
        if not translation.enabled:
            report.unchanged.append(name)  # an editor turned syncing off: hands off
            return
    data = translation_data(language)
    added, missing = _fill(source, locale, harvested, data, page.title)
    if missing:
        report.missing[name] = missing
    target = existing.specific if existing is not None else None
    source_changed = target is None or _source_newer(source, locale)
    if is_new or added or source_changed:
        with transaction.atomic():
            source.create_or_update_translation(
                locale, publish=False, copy_parent_pages=True, fallback=True
            )
        target = page.get_translation(locale).specific
        (report.created if existing is None else report.updated).append(name)
    else:
        report.unchanged.append(name)
    if _translate_indicators(page, target, data):
        target.save_revision()
    _publish(target)


def _source_newer(source, locale) -> bool:
    """The Danish source changed after the translation was last saved."""
    from wagtail_localize.models import TranslationLog

    last = TranslationLog.objects.filter(source=source, locale=locale).order_by("-pk").first()
    return last is None or (source.last_updated_at > last.created_at)


def fully_known(page, language_code: str) -> bool:
    """Every Danish string of the page (its address aside) has a text in the language's data."""
    data = translation_data(language_code)
    return all(
        segment.string.data in data
        for segment in extract_segments(page.specific)
        if isinstance(segment, StringSegmentValue) and segment.path != "slug"
    )


def content_translate(*, languages=TARGET_LANGUAGES) -> TranslateReport:
    """Every live Danish page below the root, translated into `languages` (parents first): into
    a key-page language only the pages its data fully knows, and those already translated."""
    report = TranslateReport()
    danish = Locale.objects.get(language_code="da")
    locales = [Locale.objects.get_or_create(language_code=code)[0] for code in languages]
    pages = Page.objects.filter(locale=danish, depth__gt=1).live().order_by("path")
    with deferred_index_updates():  # each translation is saved several times; indexed once
        for page in pages:
            for locale in locales:
                code = locale.language_code
                if (
                    code in FULL_CONTENT_LANGUAGES
                    or fully_known(page, code)
                    or page.get_translation_or_none(locale) is not None
                ):
                    translate_page(page, locale, report)
    return report


HALF_YEAR = re.compile(r"^(\d{4}),\s*([12])\.\s*halvår$")


def period_label(label: str, language: str) -> str | None:
    """A Danish half-year label ("2013, 2. halvår") in `language`, or None when the label has
    another form or the UI catalogue has no translation for the language yet."""
    match = HALF_YEAR.match(label.strip())
    if match is None:
        return None
    year, half = match.groups()
    with translation.override(language):
        if half == "1":
            text = pgettext("half-year period", "%(year)s, 1st half")
        else:
            text = pgettext("half-year period", "%(year)s, 2nd half")
    english = "%(year)s, 1st half" if half == "1" else "%(year)s, 2nd half"
    if text == english and not language.startswith("en"):
        return None
    return text % {"year": year}


def localize_measurements(measurements, language: str) -> bool:
    """Shows the Danish page's measurements on a translated goal page in `language`: when the
    catalogue knows every period label and the data every source and note, they are replaced
    in memory (nothing is saved) and True is returned; otherwise nothing changes, and the page
    keeps marking them as Danish."""
    data = translation_data(language)
    changes = []
    for measurement in measurements:
        label = period_label(measurement.period_label, language)
        if label is None:
            return False
        values = {"period_label": label}
        for name in ("source", "note"):
            value = getattr(measurement, name)
            if value and value not in data:
                return False
            values[name] = data.get(value, value)
        changes.append((measurement, values))
    for measurement, values in changes:
        for name, value in values.items():
            setattr(measurement, name, value)
    return True
