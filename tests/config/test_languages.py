import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "lang", "direction"),
    [("/da/", "da", "ltr"), ("/en/", "en", "ltr"), ("/ar/", "ar", "rtl")],
)
def test_every_language_has_its_prefix_lang_and_direction(client, path, lang, direction):
    response = client.get(path)
    assert response.status_code == 200
    assert f'<html lang="{lang}" dir="{direction}">' in response.content.decode()


def test_the_bare_address_sends_a_visitor_to_danish(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/da/"


def test_a_browser_asking_for_arabic_is_sent_to_arabic(client):
    response = client.get("/", headers={"accept-language": "ar"})
    assert response["Location"] == "/ar/"


def test_language_switcher_links_to_the_same_page_in_each_language(client):
    content = client.get("/da/tilgaengelighed/").content.decode()
    assert 'href="/en/tilgaengelighed/"' in content
    assert 'href="/ar/tilgaengelighed/"' in content
    assert 'aria-current="true"' in content


def test_django_admin_is_not_exposed_and_wagtail_admin_is(client):
    assert client.get("/django-admin/", follow=True).status_code == 404
    assert client.get("/da/django-admin/").status_code == 404
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_error_pages_use_the_site_look(client):
    response = client.get("/da/findes-ikke/")
    assert response.status_code == 404
    assert b"skip-link" in response.content
