"""The commitment catalogue in the reader's language: each entry's name, description and unit
in English and Arabic (and any UI language an editor fills in), Danish with lang="da" where an
entry has no translation, and searchable in every language it is written in."""

import pytest
from django.utils import translation

from partnerships.models import catalogue_text
from tests.mfa import StaffMFAClient
from tests.partnerships.factories import CommitmentTypeFactory, public_partner

pytestmark = pytest.mark.django_db

DANISH = {"name": "Praktikpladser", "description": "Til nytilkomne.", "unit": "praktikpladser"}
ARABIC = {"name": "أماكن تدريب", "description": "للقادمين الجدد.", "unit": "أماكن تدريب"}


def internships():
    return CommitmentTypeFactory(
        **DANISH,
        translations={"ar": ARABIC, "en": {"name": "Internships", "unit": "internship places"}},
    )


def test_an_entry_reads_in_the_language_it_has_and_in_danish_otherwise():
    translations = {"ar": ARABIC, "tr": {"name": "Staj yerleri"}}  # Turkish lacks the unit
    assert catalogue_text(DANISH, translations, "ar").name == "أماكن تدريب"
    assert catalogue_text(DANISH, translations, "ar").lang == "ar"
    # Without the unit a counted entry would read half Turkish, half Danish: all Danish instead.
    assert catalogue_text(DANISH, translations, "tr") == catalogue_text(DANISH, {}, "tr")
    assert catalogue_text(DANISH, translations, "tr").lang == "da"
    assert catalogue_text(DANISH, None, "en").name == "Praktikpladser"
    with translation.override("ar"):
        assert catalogue_text(DANISH, translations).unit == "أماكن تدريب"


def test_a_partner_page_shows_the_catalogue_in_arabic_and_marks_danish_in_turkish(
    client, register_page
):
    organisation = public_partner(name="Bageriet", commitment_type=internships(), quantity=4)
    arabic = client.get(f"/ar/partnerskaber/partner/{organisation.slug}/").content.decode()
    assert ">أماكن تدريب</h3>" in arabic
    assert "4 <span>أماكن تدريب</span>" in arabic
    turkish = client.get(f"/tr/partnerskaber/partner/{organisation.slug}/").content.decode()
    assert 'lang="da" dir="ltr">Praktikpladser</h3>' in turkish
    assert '4 <span lang="da">praktikpladser</span>' in turkish


def test_pledge_totals_count_in_the_readers_language(client, register_page):
    public_partner(name="Bageriet", commitment_type=internships(), quantity=4)
    from partnerships.selectors import pledge_totals

    with translation.override("en"):
        assert [(r["total"], r["unit"], r["lang"]) for r in pledge_totals()] == [
            (4, "internship places", "en")
        ]
    with translation.override("pl"):
        assert [(r["unit"], r["lang"]) for r in pledge_totals()] == [("praktikpladser", "da")]


def test_an_organisation_is_found_by_its_commitment_in_english_and_arabic(client, register_page):
    public_partner(name="Bageriet", commitment_type=internships())
    for language, words in (("en", "Internships"), ("ar", "أماكن تدريب"), ("da", "praktikpladser")):
        html = client.get(f"/{language}/soeg/", {"q": words}).content.decode()
        assert "Bageriet" in html, language


def test_an_editor_writes_the_translations_in_the_catalogue_form():
    from tests.factories import editor

    entry = internships()
    client = StaffMFAClient()
    client.force_login(editor())
    url = f"/admin/snippets/partnerships/commitmenttype/edit/{entry.pk}/"
    form = client.get(url).content.decode()
    assert 'name="name_ar"' in form and 'value="أماكن تدريب"' in form
    assert 'name="unit_fa"' in form  # every UI language but Danish

    data = {
        "name": entry.name,
        "description": entry.description,
        "unit": entry.unit,
        "suitable_kinds": [],
        "is_active": "on",
        "sort_order": "0",
        "name_en": "Internships",
        "unit_en": "internship places",
        "name_so": "Meelo tababar",  # a Somali name without the unit a counted entry needs
    }
    response = client.post(url, data)
    assert response.status_code == 400  # refused, the form back with what was typed
    with translation.override("da"):  # the editor's admin language
        expected = translation.gettext("Give the unit in %(language)s too.") % {
            "language": "Soomaali"
        }
    assert expected in response.content.decode(), response.context["form"].errors
    assert 'value="Meelo tababar"' in response.content.decode()  # nothing typed is lost

    data["unit_so"] = "meelo tababar"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    entry.refresh_from_db()
    assert entry.translations == {
        "en": {"name": "Internships", "unit": "internship places"},
        "so": {"name": "Meelo tababar", "unit": "meelo tababar"},
    }  # Arabic was emptied in the form, so it is gone
