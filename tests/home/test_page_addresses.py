"""A page cannot take an address the site's own views answer (core/page_addresses.py): the
site search at /da/soeg/, the take-part page at /da/deltag/, the log-in at /da/konto/login/.
Such a page could be published but never opened."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from core.page_addresses import taken_address
from home.models import ContentPage
from tests.factories import editor
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["soeg", "deltag", "privatliv", "tilgaengelighed"])
def test_a_page_below_the_home_page_cannot_take_an_address_of_the_site(slug):
    home = home_page()
    assert taken_address(slug, home) is not None
    with pytest.raises(ValidationError) as refused:
        home.add_child(instance=ContentPage(title="Søg", slug=slug))
    assert "slug" in refused.value.message_dict
    assert not ContentPage.objects.filter(slug=slug).exists()


def test_a_deeper_address_of_the_site_is_refused_too_and_free_ones_are_kept():
    home = home_page()
    account = home.add_child(instance=ContentPage(title="Konto", slug="konto"))
    assert account.url == "/da/konto/"  # allauth answers below /konto/, not /konto/ itself
    assert taken_address("login", account) == ("/da/konto/login/", "account_login")
    with pytest.raises(ValidationError):
        account.add_child(instance=ContentPage(title="Log ind", slug="login"))
    account.add_child(instance=ContentPage(title="Om kontoen", slug="om-kontoen"))
    # The event list's own page stays where the events' URLs leave room for it.
    assert taken_address("arrangementer", home) is None


def test_a_page_cannot_be_moved_to_where_the_site_answers():
    home = home_page()
    folder = home.add_child(instance=ContentPage(title="Mappe", slug="mappe"))
    page = folder.add_child(instance=ContentPage(title="Søg", slug="soeg"))
    assert not Page._slug_is_available(page.slug, home, page)


def test_the_editor_is_told_which_address_is_taken_and_keeps_what_they_typed(client):
    client.force_login(editor())
    home = home_page()
    response = client.post(
        f"/admin/pages/add/home/contentpage/{home.pk}/",
        {
            "title": "Søg i politikken",
            "slug": "soeg",
            "intro": "Min indledning",
            "plain_summary": "",
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )
    assert response.status_code == 400  # refused, the form back with what was typed
    body = response.content.decode()
    assert "/da/soeg/" in body and "home:search" in body
    assert "Choose another slug" in body or "Vælg en anden" in body
    assert 'value="Søg i politikken"' in body and "Min indledning" in body
    assert not ContentPage.objects.filter(slug="soeg").exists()


def test_no_loaded_page_sits_where_the_site_answers(policy_loaded):
    for page in Page.objects.filter(depth__gt=2):
        assert taken_address(page.slug, page.get_parent()) is None, page.url_path
