"""Addresses no link of the site makes: a NUL in the query, a snippet id that is not a number.
Each is refused with a page (400) or read as naming nothing, on every snippet of the admin."""

import pytest
from django.test import Client
from wagtail.snippets.models import get_snippet_models

from core.admin import SafeChooserViewSet
from tests.factories import UserFactory
from tests.mfa import prove_second_factor

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client():
    user = UserFactory(is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(user)
    prove_second_factor(client, user)
    return client


def snippet_url(model, action: str) -> str:
    return f"/admin/snippets/{action}{model._meta.app_label}/{model._meta.model_name}/"


@pytest.mark.parametrize("path", ["/da/", "/ar/", "/da/soeg/", "/healthz"])
def test_a_nul_in_the_query_gets_the_400_page_in_the_readers_language(client, path):
    response = client.get(path, {"q": "a\x00b"})
    assert response.status_code == 400
    if path != "/healthz":
        assert b"<h1>" in response.content
    if path.startswith("/ar/"):
        assert 'lang="ar" dir="rtl"' in response.content.decode()


def test_a_nul_in_a_parameter_name_gets_the_400_page(client):
    assert client.get("/da/", QUERY_STRING="a%00b=1").status_code == 400


def test_every_snippet_chooser_reads_an_id_that_is_not_a_number_as_naming_nothing():
    from wagtail.snippets.views.snippets import SnippetViewSet

    for model in get_snippet_models():
        viewset = model.snippet_viewset
        assert isinstance(viewset, SnippetViewSet)
        assert issubclass(viewset.chooser_viewset_class, SafeChooserViewSet), model


@pytest.mark.parametrize("bad_id", ["1.2499904818207736e+16", "¹²³", "^", "9" * 40, "-1"])
def test_chosen_multiple_of_every_snippet_answers_without_an_error(superuser_client, bad_id):
    for model in get_snippet_models():
        response = superuser_client.get(
            f"/admin/snippets/choose/{model._meta.app_label}/{model._meta.model_name}/"
            "chosen-multiple/",
            {"id": ["1", bad_id]},
        )
        assert response.status_code == 200, (model, response.status_code)


def test_a_nul_as_the_admin_locale_filter_gets_the_400_page(superuser_client):
    for model in get_snippet_models():
        response = superuser_client.get(snippet_url(model, ""), {"locale": "a\x00b"})
        assert response.status_code == 400, model
