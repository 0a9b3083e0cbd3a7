"""Site search in every language: words are found by their stems in the reader's language (and
in Danish), Danish compounds by their parts, on SQLite and on PostgreSQL alike; partners are
found by what they commit to."""

import re

import pytest
from wagtail.models import Locale

from core import stemming
from home.models import HomePage
from tests.events.factories import EventPageFactory
from tests.partnerships.factories import CommitmentTypeFactory, public_partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(policy_loaded):
    """The policy and its demo pages (tests/home/conftest.py)."""


def results(client, language, query):
    """The result lists of the search page (the menu names pages too)."""
    response = client.get(f"/{language}/soeg/", {"q": query})
    assert response.status_code == 200
    lists = re.findall(r'<ol class="search-results">(.*?)</ol>', response.content.decode(), re.S)
    return "".join(lists)


def test_stems_and_danish_compound_parts():
    assert stemming.stem("arrangementer", "da") == stemming.stem("arrangement", "da")
    assert "barometeret" in stemming.compound_parts("integrationsbarometeret")
    assert "frekvens" in stemming.compound_parts("beskæftigelsesfrekvens")
    assert stemming.compound_parts("skoler") == []
    assert stemming.stem("schools", "en") == stemming.stem("school", "en")
    assert stemming.stem("المدينة", "ar") == stemming.stem("مدينة", "ar")
    assert stemming.stem("dhismaha", "so") == "dhismaha"  # no Somali stemmer: the word as is


def test_danish_barometer_finds_the_integration_barometer(client, loaded):
    assert "Integrationsbarometeret" in results(client, "da", "barometer")


def test_danish_singular_finds_the_plural(client, loaded):
    EventPageFactory(title="Fællesspisning for nye naboer", venue="Beboerhuset")
    body = results(client, "da", "fællesspisninger")
    assert "Fællesspisning for nye naboer" in body
    body = results(client, "da", "naboen")
    assert "Fællesspisning for nye naboer" in body


def test_every_word_must_be_found(client, loaded):
    body = results(client, "da", "barometer xylofonorkester")
    assert "Integrationsbarometeret" not in body


def test_english_search_stems_english_and_stays_in_english(client, loaded):
    body = results(client, "en", "school")
    assert "weakest schools" in body
    assert "svageste skoler" not in body


def test_arabic_search_finds_arabic_pages_by_their_stems(client, loaded):
    danish_home = HomePage.objects.get(locale__language_code="da")
    arabic = Locale.objects.get(language_code="ar")
    home = HomePage.objects.filter(locale=arabic).first()
    if home is None:
        home = danish_home.copy_for_translation(arabic)
    home.intro = "مرحبا بكم في المدينة: شاركوا في الحوار"
    home.save_revision().publish()
    assert home.title in results(client, "ar", "مدينة")
    assert home.title not in results(client, "da", "مدينة")  # Danish readers get Danish pages


def test_partners_are_found_by_what_they_commit_to(client, loaded):
    internships = CommitmentTypeFactory(name="Praktikpladser til nyankomne")
    public_partner(name="Bageriet Ved Søerne", commitment_type=internships)
    body = results(client, "da", "praktikplads")
    assert "Bageriet Ved Søerne" in body
