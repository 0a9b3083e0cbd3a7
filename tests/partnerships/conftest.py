import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from wagtail.models import Locale

from home.models import HomePage
from partnerships.models import PartnerIndexPage
from tests.factories import UserFactory, editor


@pytest.fixture(autouse=True)
def _english():
    """The tests read the English source strings: URLs built with reverse() get /en/."""
    with translation.override("en"):
        yield


def translated(text: str, language: str = "da") -> str:
    """E-mails go out in the organisation's language (Danish unless its admin chose another)."""
    with translation.override(language):
        return translation.gettext(text)


@pytest.fixture
def register_page(db):
    """The register in English (a translation of the Danish one, as editors make it)."""
    english = Locale.objects.get(language_code="en")
    danish_page = home_in_two_languages().add_child(
        instance=PartnerIndexPage(title="Partnere", slug="partnere")
    )
    page = danish_page.copy_for_translation(english)
    page.title, page.slug = "Partners", "partners"
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def home_in_two_languages() -> HomePage:
    home = HomePage.objects.get(depth=2, locale__language_code="da")
    english = Locale.objects.get(language_code="en")
    if home.get_translation_or_none(english) is None:
        home.copy_for_translation(english).save_revision().publish()
    return home


@pytest.fixture
def policy(db):
    """The published policy page, Danish and its English translation, as `load_policy` makes
    it (only this page: loading the whole policy takes seconds). Returns the Danish page."""
    from home.models import PolicyPage
    from home.policy_spec import page_specs

    def spec(language: str):
        return next(s for s in page_specs(language) if s.key == "policy")

    home = home_in_two_languages()
    danish = spec("da")
    page = home.add_child(
        instance=PolicyPage(title=danish.title, slug=danish.slug, **danish.fields)
    )
    page.save_revision().publish()
    english = spec("en")
    translation = page.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title, translation.slug = english.title, english.slug
    for name, value in english.fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def resident(db):
    return UserFactory()


@pytest.fixture
def staff(db):
    """City staff who review partners are editors; moderators keep to the debates."""
    return editor()


@pytest.fixture
def an_editor(db):
    return editor()


def image_upload(name="logo.png", image_format="PNG", size=(40, 20), content_type="image/png"):
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 83, 122)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def organisation_post(**overrides) -> dict:
    data = {
        "name": "Amager Bageri ApS",
        "kind": "business",
        "cvr": "12 34 56 74",
        "address": "Amagerbrogade 1, 2300 København S",
        "district": "amager-oest",
        "website": "https://bageri.example",
        "description": "We bake bread and train apprentices.",
        "contact_name": "Karin Bager",
        "contact_email": "karin@bageri.example",
        "contact_phone": "+45 12 34 56 78",
    }
    data.update(overrides)
    return data
