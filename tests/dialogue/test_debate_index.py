"""The debate index filters with a plain GET form (core.pages.FilterableIndexMixin): a value the
form refuses answers 400 with the form refilled and the other filters still applied."""

import pytest

from dialogue.models import DebateState
from home.models import HomePage
from tests.dialogue.factories import make_debate

pytestmark = pytest.mark.django_db


@pytest.fixture
def debates():
    area = HomePage.objects.first()  # any page can be a debate's focus area
    with_area = make_debate(focus_area=area)
    closed = make_debate(state=DebateState.CLOSED, conclusion="Tak")
    return with_area, closed, area


def test_the_filters_narrow_the_list(client, debates):
    with_area, closed, area = debates
    index = with_area.get_parent()
    by_area = client.get(index.url, {"focus_area": area.pk})
    assert by_area.status_code == 200
    assert with_area.question in by_area.content.decode()
    assert closed.question not in by_area.content.decode()
    by_state = client.get(index.url, {"state": DebateState.CLOSED}).content.decode()
    assert closed.question in by_state and with_area.question not in by_state


@pytest.mark.parametrize(
    "query",
    ["focus_area=%C2%B2", "focus_area=abc", "focus_area=999999", "state=nonsense"],
)
def test_a_value_the_form_refuses_is_a_400_with_the_form_refilled(client, debates, query):
    with_area, _closed, _area = debates
    response = client.get(f"{with_area.get_parent().url}?{query}")
    assert response.status_code == 400
    page = response.content.decode()
    assert "error-summary" in page and 'aria-invalid="true"' in page
    assert with_area.question in page  # nothing else narrows the list


def test_a_refused_filter_keeps_the_valid_one(client, debates):
    with_area, closed, _area = debates
    response = client.get(
        with_area.get_parent().url, {"focus_area": "²", "state": DebateState.CLOSED}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert closed.question in page and with_area.question not in page
    assert f'<option value="{DebateState.CLOSED}" selected>' in page
