"""The accessibility statement as Danish rules ask: `/was` leads to the statement in the WAS
tool, every page's footer links to it as "Tilgængelighedserklæring", and the site's own page
lists what does not work yet and how to report a problem by phone and in writing."""

import pytest
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext

from home.accessibility import KNOWN_PROBLEMS

pytestmark = pytest.mark.django_db


@override_settings(ACCESSIBILITY_STATEMENT_URL="https://www.was.digst.dk/example-dk")
def test_was_redirects_to_the_configured_statement(client):
    response = client.get("/was")
    assert response.status_code == 302
    assert response["Location"] == "https://www.was.digst.dk/example-dk"


@override_settings(ACCESSIBILITY_STATEMENT_URL="")
def test_was_without_an_address_leads_to_the_sites_own_page(client):
    response = client.get("/was", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("/tilgaengelighed/")


def test_was_defaults_to_a_statement_in_the_was_tool(settings):
    assert settings.ACCESSIBILITY_STATEMENT_URL.startswith("https://www.was.digst.dk/")


@pytest.mark.parametrize("path", ["/da/tilgaengelighed/", "/da/kontakt/", "/en/privatliv/"])
def test_every_footer_links_to_the_statement(client, path):
    body = client.get(path).content.decode()
    footer = body[body.index('<footer class="site-footer">') :]
    language = path.split("/")[1]
    with translation.override(language):
        label = gettext("Accessibility statement")
    assert f'<a href="/was">{label}</a>' in footer
    assert 'href="/' + language + '/tilgaengelighed/"' in footer


def test_danish_footer_says_tilgaengelighedserklaering(client):
    with translation.override("da"):
        assert gettext("Accessibility statement") == "Tilgængelighedserklæring"
    body = client.get("/da/kontakt/").content.decode()
    assert '<a href="/was">Tilgængelighedserklæring</a>' in body


@override_settings(
    ACCESSIBILITY_CONTACT_PHONE="12 34 56 78", ACCESSIBILITY_CONTACT_EMAIL="hjaelp@example.dk"
)
def test_page_lists_what_does_not_work_and_how_to_report_it(client):
    response = client.get("/da/tilgaengelighed/")
    assert response.status_code == 200
    body = response.content.decode()
    with translation.override("da"):
        for problem in KNOWN_PROBLEMS:
            assert str(problem) in body
    assert KNOWN_PROBLEMS
    assert '<a href="tel:12345678">12 34 56 78</a>' in body
    assert '<a href="mailto:hjaelp@example.dk">hjaelp@example.dk</a>' in body
    assert 'href="/was"' in body
    # The old claim that every page works with the keyboard is not made any more.
    assert "Every page can be used with the keyboard alone" not in body
