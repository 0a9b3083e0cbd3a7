"""The suite covers what the site has: every route, every page type, and forms are found."""

import pytest
from wagtail.models import get_page_models

from tests.robustness.world import page_models_in_tree

pytestmark = pytest.mark.django_db


def test_every_page_type_has_a_live_page_in_the_world(world):
    creatable = {model for model in get_page_models() if model._meta.app_label != "wagtailcore"}
    missing = {m.__name__ for m in creatable} - {m.__name__ for m in page_models_in_tree()}
    assert not missing, f"add a page of each type to tests/robustness/world.py: {missing}"


def test_the_site_map_finds_the_routes_and_forms(site_map):
    print(f"{len(site_map.routes)} routes, {len(site_map.forms)} forms")
    for form in site_map.forms:
        print(form.role, form.method, form.action, sorted(form.fields))
    assert len(site_map.routes) > 40
    assert any("kommenter" in form.action for form in site_map.forms)


def test_no_route_answers_any_role_with_a_server_error(site_map):
    broken = [
        f"{role} GET {path} -> {status}"
        for path, by_role in site_map.seen.items()
        for role, (status, _page) in by_role.items()
        if status >= 500
    ]
    assert not broken, broken
