"""Every UI string is translated in every language, and every label Python defines at import
time is marked for translation. A string added without a translation, a fuzzy guess left by
`makemessages`, a stale .mo file or a model label typed as a plain string fails here."""

import gettext as gettext_module
import importlib
import inspect
import pkgutil
import re
from pathlib import Path

import polib
import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, ngettext, npgettext, pgettext
from wagtail.fields import StreamField

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
PROJECT_APPS = ("core", "accounts", "home", "partnerships", "events", "dialogue")
CATALOGUE_LANGUAGES = [code for code, _name in settings.LANGUAGES if code != "en"]
PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdif]|%[sdif]|</?[a-z]+")
LETTERS = re.compile(r"[^\W\d_]")

# Proper names that are the same in every language.
ALLOWED_PLAIN = {name for _code, name in settings.LANGUAGES} | {settings.WAGTAIL_SITE_NAME}


def catalogues() -> list:
    return [
        pytest.param(code, path, id=f"{code}-{path.stem}")
        for code in CATALOGUE_LANGUAGES
        for path in sorted((LOCALE_DIR / code / "LC_MESSAGES").glob("*.po"))
    ]


def test_every_language_but_english_has_a_catalogue():
    """English is the msgids' own language; every other UI language needs its django.po."""
    for code in CATALOGUE_LANGUAGES:
        assert (LOCALE_DIR / code / "LC_MESSAGES" / "django.po").exists(), code
        assert (LOCALE_DIR / code / "LC_MESSAGES" / "django.mo").exists(), code


@pytest.mark.parametrize(("code", "path"), catalogues())
def test_catalogue_has_no_untranslated_or_fuzzy_string(code, path):
    po = polib.pofile(str(path))
    assert not po.metadata_is_fuzzy, f"{path}: the header is fuzzy (msgfmt would drop it)"
    assert po.metadata.get("Language") == code
    gaps = [
        (entry.msgctxt, entry.msgid)
        for entry in po
        if not entry.obsolete and ("fuzzy" in entry.flags or not entry.translated())
    ]
    assert gaps == [], f"{len(gaps)} untranslated or fuzzy in {path}"


@pytest.mark.parametrize(("code", "path"), catalogues())
def test_translations_keep_placeholders_and_markup(code, path):
    wrong = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete:
            continue
        wanted = sorted(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        forms_ = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for form in forms_:
            got = sorted(PLACEHOLDER.findall(form))
            # A plural form may leave the number out ("one day"), never add or change one.
            if got != wanted and not (entry.msgid_plural and set(got) <= set(wanted)):
                wrong.append((entry.msgid, form))
    assert wrong == []


def plural_index(code: str):
    """The catalogue's own rule: which plural form a number takes in `code`."""
    po = polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))
    expression = po.metadata["Plural-Forms"].split("plural=", 1)[1].rstrip(";")
    return gettext_module.c2py(expression)


@pytest.mark.parametrize(("code", "path"), catalogues())
def test_compiled_catalogue_says_what_the_po_file_says(code, path):
    """A .po edited without `compilemessages` would leave the site on the old words."""
    if path.stem != "django":
        pytest.skip("the djangojs catalogue is served by JavaScriptCatalog from the same .mo")
    index = plural_index(code)
    number_for = {}
    for n in range(0, 1000):
        number_for.setdefault(index(n), n)
    stale = []
    with translation.override(code):
        for entry in polib.pofile(str(path)):
            if entry.obsolete:
                continue
            if entry.msgid_plural:
                for form_index, form in entry.msgstr_plural.items():
                    n = number_for.get(int(form_index))
                    if n is None:  # Polish's fourth form is for fractions only
                        continue
                    shown = (
                        npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
                        if entry.msgctxt
                        else ngettext(entry.msgid, entry.msgid_plural, n)
                    )
                    if shown != form:
                        stale.append((entry.msgid, n, shown, form))
            else:
                shown = (
                    pgettext(entry.msgctxt, entry.msgid) if entry.msgctxt else gettext(entry.msgid)
                )
                if shown != entry.msgstr:
                    stale.append((entry.msgid, shown, entry.msgstr))
    assert stale == []


# --- labels defined at import time ---------------------------------------------------------


def plain(value) -> bool:
    """A label a reader sees that no translation can reach."""
    return (
        isinstance(value, str)
        and not isinstance(value, Promise)
        and bool(LETTERS.search(value))
        and value not in ALLOWED_PLAIN
    )


def inherited_from_outside(model, field) -> bool:
    """Fields an abstract model of Wagtail or Django adds (Orderable.sort_order,
    BaseSiteSetting.site): their labels are those libraries' own, translated by them."""
    for base in model.__mro__[1:]:
        meta = getattr(base, "_meta", None)
        if meta is None or not meta.abstract or base.__module__.split(".")[0] in PROJECT_APPS:
            continue
        if any(f.name == field.name for f in meta.local_fields):
            return True
    return False


def project_models():
    return [m for m in apps.get_models() if m._meta.app_label in PROJECT_APPS]


def model_labels():
    for model in project_models():
        name = model._meta.label
        yield f"{name} verbose_name", model._meta.verbose_name
        yield f"{name} verbose_name_plural", model._meta.verbose_name_plural
        for field in model._meta.get_fields(include_parents=False):
            if field.auto_created or not getattr(field, "concrete", False):
                continue
            if inherited_from_outside(model, field):
                continue
            where = f"{name}.{field.name}"
            yield f"{where} verbose_name", field.verbose_name
            yield f"{where} help_text", field.help_text
            for _value, label in field.flatchoices or ():
                yield f"{where} choice", label


def block_labels():
    def walk(block, where, seen):
        if id(block) in seen:
            return
        seen.add(id(block))
        yield f"{where} label", block.label
        yield f"{where} help_text", getattr(block.meta, "help_text", None)
        for choice in getattr(block.meta, "choices", None) or ():
            if isinstance(choice, tuple | list):
                yield f"{where} choice", choice[1]
        for child_name, child in (getattr(block, "child_blocks", None) or {}).items():
            yield from walk(child, f"{where}.{child_name}", seen)
        if getattr(block, "child_block", None) is not None:
            yield from walk(block.child_block, f"{where}[]", seen)

    for model in project_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                yield from walk(field.stream_block, f"{model._meta.label}.{field.name}", set())


def project_modules():
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            yield importlib.import_module(info.name)


def form_labels():
    seen = set()
    for module in project_modules():
        for obj in vars(module).values():
            if not (inspect.isclass(obj) and issubclass(obj, forms.BaseForm)):
                continue
            if obj.__module__ != module.__name__ or obj in seen:
                continue
            seen.add(obj)
            for name, field in getattr(obj, "base_fields", {}).items():
                where = f"{obj.__module__}.{obj.__name__}.{name}"
                if field.label is None and not field.widget.is_hidden:
                    # Django would make one from the field's name, in English, for everyone.
                    yield f"{where} label (none given)", name
                yield f"{where} label", field.label
                yield f"{where} help_text", field.help_text
                if isinstance(field, forms.ModelChoiceField):
                    continue
                for choice in getattr(field, "choices", None) or ():
                    if isinstance(choice, tuple | list) and not isinstance(choice[1], list | tuple):
                        yield f"{where} choice", choice[1]


def settings_labels():
    for code, name in settings.LANGUAGES:
        yield f"LANGUAGES {code}", name
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        yield f"WAGTAIL_CONTENT_LANGUAGES {code}", name


@pytest.mark.parametrize(
    "labels", [model_labels, block_labels, form_labels, settings_labels], ids=lambda f: f.__name__
)
def test_every_label_defined_at_import_time_is_marked_for_translation(labels):
    unmarked = [(where, value) for where, value in labels() if plain(value)]
    assert unmarked == []


def test_the_label_check_catches_a_plain_label():
    assert plain("status")
    assert plain("1 dage")
    assert not plain(gettext_lazy_probe())
    assert not plain("Dansk")  # a language's own name
    assert not plain("12345674")


def gettext_lazy_probe():
    from django.utils.translation import gettext_lazy

    return gettext_lazy("status")


def test_labels_are_shown_in_the_readers_language():
    from dialogue.moderation.forms import BlockForm

    with translation.override("da"):
        choices = dict(BlockForm().fields["period"].choices)
        assert choices["1"] == "1 dag"
        assert choices["7"] == "7 dage"
    with translation.override("pl"):
        choices = dict(BlockForm().fields["period"].choices)
        assert choices["7"] == "7 dni"
    with translation.override("en"):
        assert dict(BlockForm().fields["period"].choices)["1"] == "1 day"
