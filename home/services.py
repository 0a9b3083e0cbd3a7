"""Writes of the policy site: loading the adopted policy into the page tree.

`policy_load` is idempotent and careful with editors' work. For every page it writes it keeps a
`LoadRecord`: a hash of the spec it wrote from (`source_hash`) and a hash of the page's content
right after writing (`written_hash`). On the next run a page whose content no longer matches
`written_hash` (or that has an unpublished draft) has been changed by an editor and is left
alone unless `force=True`; a page whose spec has not changed is not touched at all.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field

from django.apps import apps
from django.db import transaction
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page, Site

from core import pagecache
from core.indexing import deferred_index_updates
from home.models import Indicator, LoadRecord, Measurement
from home.policy_demo import demo_series
from home.policy_spec import LANGUAGES, PageSpec, page_specs
from home.signals import BAROMETER
from home.translating import is_synced_translation

INDICATOR_FIELDS = [
    "name",
    "unit",
    "higher_is_better",
    "baseline_value",
    "baseline_date",
    "target_value",
    "target_date",
    "source",
    "note",
]


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    kept_editor_changes: list[str] = field(default_factory=list)
    measurements_added: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.measurements_added)


def _digest(data) -> str:
    text = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _strip_ids(value):
    if isinstance(value, dict):
        return {k: _strip_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_strip_ids(v) for v in value]
    return value


def page_fingerprint(page, spec: PageSpec, skip: tuple[str, ...] = ()) -> str:
    """A hash of the parts of `page` that the loader writes, as they are stored now."""
    data = {"title": page.title, "slug": page.slug, "show_in_menus": page.show_in_menus}
    for name in spec.fields:
        if name in skip:
            continue
        model_field = page._meta.get_field(name)
        value = getattr(page, name)
        if hasattr(model_field, "stream_block"):
            value = _strip_ids(model_field.get_prep_value(value))
            value = json.loads(json.dumps(value, default=str))
        data[name] = value
    for name in spec.links:
        data[name] = getattr(page, f"{name}_id")
    if spec.indicators:
        data["indicators"] = [
            {name: getattr(ind, name) for name in INDICATOR_FIELDS}
            for ind in page.indicators.all().order_by("sort_order", "pk")
        ]
    return _digest(data)


def _resolve(value, pages: dict):
    """Goal keys inside stream data ("goal:2") become the ids of the pages they name."""
    if isinstance(value, dict):
        return {k: _resolve(v, pages) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, pages) for v in value]
    if isinstance(value, str) and value.startswith("goal:") and value in pages:
        return pages[value].pk
    return value


def _apply(page, spec: PageSpec, pages: dict) -> None:
    if spec.title:
        page.title = spec.title
        page.draft_title = spec.title
        page.slug = spec.slug
    page.show_in_menus = spec.show_in_menus
    for name, value in spec.fields.items():
        setattr(page, name, _resolve(value, pages))
    for name, key in spec.links.items():
        setattr(page, name, pages[key])
    if spec.indicators:
        existing = list(page.indicators.all().order_by("sort_order", "pk"))
        indicators = []
        for index, values in enumerate(spec.indicators):
            indicator = existing[index] if index < len(existing) else Indicator()
            for name, value in values.items():
                setattr(indicator, name, value)
            indicator.sort_order = index
            indicators.append(indicator)
        page.indicators = indicators


def _publish(page):
    page.save_revision(clean=True).publish()
    return type(page).objects.get(pk=page.pk)


def _source_hash(spec: PageSpec, pages: dict) -> str:
    data = asdict(spec)
    data["links"] = {name: pages[key].pk for name, key in spec.links.items()}
    data["fields"] = _resolve(data["fields"], pages)
    return _digest(data)


def _find(spec, lang, pages, da_pages, locale, record):
    if record is not None:
        return record.page.specific
    if spec.key == "home":
        home = Site.objects.get(is_default_site=True).root_page.specific
        return home if lang == "da" else home.get_translation_or_none(locale)
    if lang != "da" and spec.key in da_pages:
        return da_pages[spec.key].get_translation_or_none(locale)
    return None


def _as_written(page, spec: PageSpec, record: LoadRecord) -> bool:
    """Whether the page still holds what the loader last wrote. A field the loader has learnt
    to write since (a new `menu_title`) is still empty on the page and was not part of that
    hash; without it the page matches, so the loader fills the new field in."""
    if page_fingerprint(page, spec) == record.written_hash:
        return True
    return any(
        page_fingerprint(page, spec, skip=(name,)) == record.written_hash
        for name in spec.fields
        if getattr(page, name) in ("", None)
    )


def _load_page(spec, lang, pages, da_pages, locale, force, report) -> Page:
    model = apps.get_model(spec.model)
    name = f"{lang}:{spec.key}"
    record = LoadRecord.objects.filter(key=name).select_related("page").first()
    page = _find(spec, lang, pages, da_pages, locale, record)
    if page is not None and lang != "da" and is_synced_translation(page):
        report.unchanged.append(name)  # wagtail-localize keeps it now (home.translating)
        return page
    source_hash = _source_hash(spec, pages)
    if page is not None and record is not None:
        edited = not _as_written(page, spec, record) or page.has_unpublished_changes
        if not edited and record.source_hash == source_hash:
            report.unchanged.append(name)
            return page
        if edited and not force:
            report.kept_editor_changes.append(name)
            return page
        report.updated.append(name)
    elif page is not None:
        # A page the loader did not write (the home page, or a translation made by hand):
        # fill it in only while the fields the loader writes are still empty.
        if not force and any(getattr(page, field_name) for field_name in spec.fields):
            report.kept_editor_changes.append(name)
            return page
        report.updated.append(name)
    elif lang == "da":
        page = model(title=spec.title, slug=spec.slug, locale=locale)
        _apply(page, spec, pages)
        pages[spec.parent].add_child(instance=page)
        report.created.append(name)
    else:
        page = da_pages[spec.key].copy_for_translation(locale).specific
        report.created.append(name)
    _apply(page, spec, pages)
    page = _publish(page)
    if name in report.created:
        # The draft copy's Danish slug was never live: no redirect from it is needed.
        Redirect.objects.filter(redirect_page=page).delete()
    LoadRecord.objects.update_or_create(
        key=name,
        defaults={
            "page": page,
            "source_hash": source_hash,
            "written_hash": page_fingerprint(page, spec),
        },
    )
    return page


def _load_demo_measurements(lang: str, pages: dict, report: LoadReport) -> None:
    for key, page in pages.items():
        if not key.startswith("goal:"):
            continue
        for index, indicator in enumerate(page.indicators.all().order_by("sort_order", "pk")):
            if Measurement.objects.filter(indicator=indicator).exists():
                continue
            series = demo_series(lang, key, index, indicator.higher_is_better)
            Measurement.objects.bulk_create(
                Measurement(indicator=indicator, sort_order=i, **values)
                for i, values in enumerate(series)
            )
            report.measurements_added += len(series)
            pagecache.invalidate(BAROMETER)  # bulk_create sends no signal


@transaction.atomic
def policy_load(*, demo: bool = False, force: bool = False) -> LoadReport:
    """Load the adopted policy (Danish, then English translations) into the page tree."""
    report = LoadReport()
    locales = {code: Locale.objects.get(language_code=code) for code in LANGUAGES}
    loaded = {}
    da_pages: dict = {}
    with deferred_index_updates():  # each page is saved twice or more; indexed once
        for lang in LANGUAGES:
            pages: dict = {}
            for spec in page_specs(lang, demo=demo):
                pages[spec.key] = _load_page(
                    spec, lang, pages, da_pages, locales[lang], force, report
                )
            loaded[lang] = pages
            if lang == "da":
                da_pages = pages
        if demo:
            # Numbers live on the Danish goal pages; translations show them (home.selectors).
            _load_demo_measurements("da", loaded["da"], report)
    return report


@transaction.atomic
def glossary_load() -> int:
    """Add the seeded glossary terms (home.glossary_terms) that are missing, in each language;
    terms editors have changed or added are left alone. Returns how many were added."""
    from home.glossary_terms import GLOSSARY
    from home.models import GlossaryTerm

    added = 0
    for lang, terms in GLOSSARY.items():
        locale, _ = Locale.objects.get_or_create(language_code=lang)
        danish = {
            t.term.lower(): t for t in GlossaryTerm.objects.filter(locale__language_code="da")
        }
        for index, (term, explanation) in enumerate(terms):
            if GlossaryTerm.objects.filter(locale=locale, term__iexact=term).exists():
                continue
            term_obj = GlossaryTerm(locale=locale, term=term, explanation=explanation)
            # The English term is the translation of the Danish one in the same place.
            if lang != "da":
                source = GLOSSARY["da"][index][0].lower() if index < len(GLOSSARY["da"]) else ""
                if source in danish:
                    term_obj.translation_key = danish[source].translation_key
            term_obj.full_clean()
            term_obj.save()
            added += 1
    return added


def site_match_site_url() -> bool:
    """The default Wagtail site answers at SITE_URL's host and port, so the page URLs Wagtail
    builds itself (the API's `html_url`, `get_full_url`) agree with every other absolute link.
    Returns whether anything changed."""
    from urllib.parse import urlsplit

    from django.conf import settings

    parts = urlsplit(settings.SITE_URL)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None or not parts.hostname:
        return False
    if (site.hostname, site.port) == (parts.hostname, port):
        return False
    site.hostname, site.port = parts.hostname, port
    site.full_clean()
    site.save(update_fields=["hostname", "port"])
    return True
