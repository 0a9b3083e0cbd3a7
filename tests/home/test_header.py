"""The site header as served: a menu button that works without JavaScript, short menu labels,
and focusable, named scroll regions around the wide tables."""

import re

import pytest

from home.models import PolicyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(policy_loaded):
    """The policy and its demo pages (tests/home/conftest.py)."""


def main_menu(body: str) -> str:
    return re.search(r'<nav class="main-nav".*?</nav>', body, re.S).group(0)


def test_the_menu_sits_in_a_disclosure_whose_button_needs_no_script(client, loaded):
    body = client.get("/da/").content.decode()
    menu = re.search(r'<details class="site-menu".*?</details>', body, re.S).group(0)
    assert '<summary class="site-menu__toggle">' in menu
    assert "Menu" in menu
    # Search, languages, account and the main menu all fold away behind the button.
    for part in (
        'role="search"',
        'class="language-switcher"',
        'class="account-nav"',
        'class="main-nav"',
    ):
        assert part in menu


def test_the_menu_shows_the_short_label_and_the_page_keeps_its_title(client, loaded):
    body = client.get("/da/").content.decode()
    menu = main_menu(body).replace("\u00ad", "")
    assert ">Politikken</a>" in menu and ">Barometeret</a>" in menu
    assert "Københavns Kommunes integrationspolitik" not in menu
    policy = PolicyPage.objects.get(locale__language_code="da")
    assert policy.title in client.get(policy.url).content.decode()


def test_a_page_without_a_short_label_is_listed_by_its_title(client, loaded):
    policy = PolicyPage.objects.get(locale__language_code="da")
    policy.menu_title = ""
    policy.save_revision().publish()
    menu = main_menu(client.get("/da/").content.decode()).replace("\u00ad", "")
    assert f">{policy.title}</a>" in menu


def test_barometer_tables_are_named_focusable_regions_with_the_status_second(client, loaded):
    body = client.get("/da/barometer/").content.decode()
    regions = re.findall(r'<div class="table-scroll"([^>]*)>', body)
    assert regions
    for attrs in regions:
        assert 'role="region"' in attrs and 'tabindex="0"' in attrs
        caption_id = re.search(r'aria-labelledby="([^"]+)"', attrs).group(1)
        assert f'id="{caption_id}"' in body
        hint_id = re.search(r'aria-describedby="([^"]+)"', attrs).group(1)
        assert f'<p class="table-scroll__hint" id="{hint_id}">' in body
    head = re.search(r'<table class="barometer-table">.*?</thead>', body, re.S).group(0)
    columns = re.findall(r'<th scope="col">([^<]+)</th>', head)
    assert columns[:2] == ["Indikator", "Status"]
