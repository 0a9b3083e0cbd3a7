"""The "How to take part" page: a key page in every UI language, with each way to take part
that the apps offer (core.hooks.TAKE_PART), linked from the home page and the footer."""

import re

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import Locale

from home.models import PolicyPage
from partnerships.models import PartnerIndexPage
from tests.dialogue.factories import debate_index
from tests.events.factories import event_index
from tests.home.factories import home_page

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def every_way():
    home = home_page()
    home.add_child(instance=PolicyPage(title="En hel by", slug="politik"))
    debate_index()
    event_index()
    home.add_child(instance=PartnerIndexPage(title="Partnere", slug="partnere"))


def links(html: str) -> list[str]:
    return re.findall(r'<a [^>]*href="([^"]+)"', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_page_reads_in_every_ui_language_and_its_links_stay_in_it(client, every_way, language):
    with translation.override(language):
        heading = translation.gettext("How to take part")
        steps = [
            translation.gettext("Join a debate"),
            translation.gettext("Come to a meeting"),
            translation.gettext("Sign the pledge as an organisation"),
            translation.gettext("Read the policy and follow the goals"),
        ]
    if language != "en":
        assert heading != "How to take part", f"{language}: not translated"
    response = client.get(f"/{language}/deltag/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert '<bdi lang="da">“Bland dig i byen”</bdi>' in html  # the name, marked as Danish
    for step in steps:
        assert f">{step}</h2>" in html, (language, step)
    main = html[html.find("<main") : html.find("</main>")]
    for href in links(main):
        if href.startswith("/"):
            assert href.startswith(f"/{language}/"), (language, href)
    for path in (
        "/politik/",
        "/debatter/",
        "/arrangementer/",
        "/partnere/",
        "/partnerskaber/registrer/",
    ):
        assert f'href="/{language}{path}"' in main, (language, path)


def test_the_ways_come_in_their_order_and_an_app_without_its_page_offers_none(client):
    home_page().add_child(instance=PolicyPage(title="En hel by", slug="politik"))
    debate_index()
    html = client.get("/en/deltag/").content.decode()
    assert html.index(">Read the policy and follow the goals<") < html.index(">Join a debate<")
    assert ">Come to a meeting<" not in html  # no event index page yet


def test_a_resident_who_is_logged_in_is_not_asked_to_create_an_account(client, every_way):
    from tests.factories import UserFactory

    assert "/konto/signup/" in client.get("/da/deltag/").content.decode()
    client.force_login(UserFactory())
    main = client.get("/da/deltag/").content.decode().split("<main", 1)[1]
    assert "/konto/signup/" not in main


@pytest.mark.parametrize("language", ["da", "ar", "fa"])
def test_the_home_page_and_the_footer_link_to_it(client, every_way, language):
    Locale.objects.get_or_create(language_code=language)
    html = client.get(f"/{language}/").content.decode()
    assert html.count(f'href="/{language}/deltag/"') >= 2
