"""Error pages share the site's look and say what happened in plain words."""

import pytest
from django.test import RequestFactory

from config import errors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("handler", "status"),
    [(errors.page_not_found, 404), (errors.permission_denied, 403), (errors.server_error, 500)],
)
def test_error_pages_render_in_the_site_look(handler, status):
    request = RequestFactory().get("/da/noget/")
    response = handler(request) if status == 500 else handler(request, Exception("x"))
    assert response.status_code == status
    html = response.content.decode()
    assert 'class="skip-link"' in html and 'class="site-header"' in html
    assert "<html lang=" in html


def test_server_error_page_needs_no_database(django_assert_num_queries):
    request = RequestFactory().get("/da/")
    with django_assert_num_queries(0):
        response = errors.server_error(request)
    assert response.status_code == 500
