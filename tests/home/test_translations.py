"""Content translation with wagtail-localize: every Danish page the loaders make has an English
and an Arabic translation that knows its Danish source, editors can translate, and nothing is
lost or done twice."""

import io
import json
import re

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.translation import override
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.models import ContentPage, GoalPage, PolicyPage
from home.services import policy_load
from home.translating import (
    KEY_PAGE_LANGUAGES,
    content_translate,
    period_label,
    source_of,
    translation_data,
)
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def pages_in(code):
    return Page.objects.filter(locale=locale(code), depth__gt=1)


def counts():
    return {
        code: (pages_in(code).count(), pages_in(code).live().count())
        for code, _name in settings.LANGUAGES
        if Locale.objects.filter(language_code=code).exists()
    }


LANGS = ("da", "en", "ar")


def visible_text(html: str) -> str:
    main = html[html.find("<main") : html.find("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


@pytest.mark.timeout(600)  # the whole demo content, loaded twice, on a shared machine
def test_load_content_translates_every_danish_page_and_a_second_run_changes_nothing(client):
    call_command("load_content", demo=True, stdout=io.StringIO())

    # Every published Danish page (a draft, such as the demo's 2013 status report, waits).
    danish = list(pages_in("da").live().specific())
    assert len(danish) >= 31
    for code in ("en", "ar"):
        for page in danish:
            translated = page.get_translation_or_none(locale(code))
            assert translated is not None and translated.live, f"{code}: {page.url_path}"
            translation = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=locale(code)
            )
            total, done = translation.get_progress()
            assert total == done, f"{code}: {page.url_path} has {total - done} untranslated"

    # The API lists as many Arabic and English pages as Danish ones.
    for code in LANGS:
        response = client.get(f"/api/v2/pages/?locale={code}")
        assert response.json()["meta"]["total_count"] == len(danish), code
    # The other UI languages have their key pages: the home page (test_key_page_languages.py).
    for code in KEY_PAGE_LANGUAGES:
        response = client.get(f"/api/v2/pages/?locale={code}")
        assert [page["meta"]["type"] for page in response.json()["items"]] == ["home.HomePage"]

    # The English policy written before wagtail-localize kept its English text.
    policy_en = PolicyPage.objects.get(locale=locale("en"))
    assert policy_en.title == "One City – the City of Copenhagen's integration policy 2011-14"
    assert "Get involved in the city" in str(policy_en.body)
    assert "vision is one city" in str(policy_en.body)

    # Arabic pages read in Arabic, right to left, with the note about the Danish original.
    home = client.get("/ar/")
    html = home.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "دعوة إلى جميع سكان كوبنهاغن" in visible_text(html)
    assert 'class="translation-note wrap" lang="ar"' in html
    assert 'href="/da/" hreflang="da"' in html

    goal = GoalPage.objects.get(locale=locale("ar"), number=2)
    html = client.get(goal.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    text = visible_text(html)
    assert "يجب ألا تتجاوز البطالة الزائدة بين الأقليات العرقية 5.8 % في عام 2014." in text
    assert "البطالة الزائدة بين الأقليات العرقية" in text  # the indicator's name
    assert "Merledigheden" not in text
    danish_goal = goal.get_translation(locale("da"))
    assert f'href="{danish_goal.url}" hreflang="da"' in html

    # The English goal page shows the Danish page's numbers with English period labels.
    text = visible_text(client.get(goal.get_translation(locale("en")).url).content.decode())
    assert "2014, 1st half" in text and "halvår" not in text
    assert "Example data" in text and "Eksempeldata" not in text

    # Running everything again adds no page, no translation and no revision.
    before = counts()
    revisions = {p.pk: p.latest_revision_id for p in Page.objects.all()}
    strings = StringTranslation.objects.count()
    call_command("load_content", demo=True, stdout=io.StringIO())
    assert counts() == before
    assert StringTranslation.objects.count() == strings
    assert {p.pk: p.latest_revision_id for p in Page.objects.all()} == revisions


def test_a_page_read_back_with_its_block_keys_in_another_order_is_not_a_changed_source():
    """PostgreSQL's jsonb hands a StreamField back with its keys in its own order; that alone
    must not mark every translation out of date (each run would save a new revision)."""
    policy_load()
    page = PolicyPage.objects.get(locale=locale("da"))
    source = source_of(page)
    stored = json.loads(source.content_json)
    blocks = json.loads(stored["body"])
    assert blocks and list(blocks[0]) != list(reversed(blocks[0]))
    stored["body"] = json.dumps([dict(reversed(list(block.items()))) for block in blocks])
    TranslationSource.objects.filter(pk=source.pk).update(content_json=json.dumps(stored))
    source.refresh_from_db()
    before = source.last_updated_at

    assert source_of(page).last_updated_at == before
    page.title = f"{page.title} (ændret)"
    assert source_of(page).last_updated_at > before


def test_every_arabic_text_is_arabic_except_names_numbers_and_addresses():
    """The data file holds a translation, not a copy: most entries are written in Arabic
    letters; the few that are not are names, numbers and addresses."""
    arabic = re.compile(r"[\u0600-\u06ff]")
    not_arabic = [
        danish for danish, text in translation_data("ar").items() if not arabic.search(text)
    ]
    assert not_arabic and len(not_arabic) <= 10
    for text in not_arabic:
        assert translation_data("ar")[text] == text  # kept as it is, never half-translated


def test_half_year_labels_read_in_the_reader_s_language():
    assert period_label("2013, 2. halvår", "en") == "2013, 2nd half"
    assert period_label("2012, 1. halvår", "en") == "2012, 1st half"
    assert period_label("Skoleåret 2012/13", "en") is None  # another form stays as written
    arabic = period_label("2013, 1. halvår", "ar")
    # Arabic once the catalogue has the string; until then the Danish label stays, marked da.
    assert arabic is None or ("2013" in arabic and re.search(r"[\u0600-\u06ff]", arabic))


def test_changing_a_danish_segment_marks_the_translation_out_of_date():
    policy_load()
    content_translate(languages=("ar",))
    goal = GoalPage.objects.get(locale=locale("da"), number=6)
    translation = Translation.objects.get(
        source__object_id=goal.translation_key, target_locale=locale("ar")
    )
    total, done = translation.get_progress()
    assert total == done
    with override("en"):
        assert translation.get_status_display() == "Up to date"

    goal.statement = "Tryghedsindekset skal stige hvert år."
    goal.save_revision().publish()
    # What "Sync translated pages" does in the admin, and `translate_content` on its next run.
    TranslationSource.update_or_create_from_instance(goal)
    translation.refresh_from_db()
    total_after, done_after = translation.get_progress()
    assert total_after == total and done_after == done - 1
    with override("en"):
        assert translation.get_status_display() == "Waiting for translations"
    missing = StringSegment.objects.filter(source=translation.source).exclude(
        string__translations__locale=locale("ar")
    )
    assert [s.string.data for s in missing] == ["Tryghedsindekset skal stige hvert år."]

    # A rerun of the loader's step does not invent a translation for it.
    report = content_translate(languages=("ar",))
    assert report.missing == {f"ar:{goal.url_path}": 1}
    assert translation.get_progress() == (total_after, done_after)


@pytest.fixture
def editor(db):
    from tests.factories import editor as make_editor

    return make_editor()


def test_an_editor_can_translate_a_page_publish_it_and_use_po_files(
    client, editor, django_capture_on_commit_callbacks
):
    page = home_page("da").add_child(
        instance=ContentPage(title="Om tolkning", slug="om-tolkning", intro="Vi tilbyder tolke.")
    )
    page.save_revision().publish()
    client.force_login(editor)

    # Start the translation: the "Translate" action of the page.
    url = f"/admin/localize/submit/page/{page.pk}/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locale("ar").pk]})
    assert response.status_code == 302
    arabic = page.get_translation(locale("ar"))
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale("ar")
    )

    # The translation editor opens for the editor, without machine translation.
    editor_page = client.get(f"/admin/pages/{arabic.pk}/edit/")
    assert editor_page.status_code == 200
    html = editor_page.content.decode()
    assert "editTranslation" in html or "translation-editor" in html
    assert "&quot;machineTranslator&quot;: null" in html
    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")

    # One string typed in the editor, the others through a PO file.
    segments = {s.string.data: s for s in StringSegment.objects.filter(source=translation.source)}
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segments['Om tolkning'].pk}/edit/",
        "value=" + "عن الترجمة الفورية",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 201, response.content

    po = polib.pofile(
        client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/").content.decode()
    )
    by_id = {entry.msgid: entry for entry in po}
    assert by_id["Om tolkning"].msgstr == "عن الترجمة الفورية"
    by_id["Vi tilbyder tolke."].msgstr = "نوفر مترجمين فوريين."
    by_id["om-tolkning"].msgstr = "om-tolkning"
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {
            "file": SimpleUploadedFile("ar.po", str(po).encode(), "text/x-gettext-translation"),
            "next": f"/admin/pages/{arabic.pk}/edit/",
        },
    )
    assert response.status_code == 302
    assert translation.get_progress() == (3, 3)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{arabic.pk}/edit/", {"action": "publish"})
    assert response.status_code in (200, 302)
    arabic = ContentPage.objects.get(pk=arabic.pk)
    assert arabic.live and not arabic.has_unpublished_changes
    assert arabic.title == "عن الترجمة الفورية"
    assert arabic.intro == "نوفر مترجمين فوريين."


def test_a_resident_cannot_start_or_edit_a_translation(client):
    from tests.factories import UserFactory

    page = home_page("da").add_child(instance=ContentPage(title="Side", slug="side"))
    resident = UserFactory()
    client.force_login(resident)
    response = client.get(f"/admin/localize/submit/page/{page.pk}/")
    assert response.status_code in (302, 403)
    assert not resident.has_perm("wagtail_localize.submit_translation")
