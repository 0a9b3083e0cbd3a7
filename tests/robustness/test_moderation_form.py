"""Issue 11: the moderator's hide form came back empty when the reason was refused."""

import pytest

from tests.robustness import crawl
from tests.robustness.conftest import client_for

pytestmark = pytest.mark.django_db


def test_the_hide_form_comes_back_with_the_typed_note_when_the_reason_is_refused(world):
    moderator = client_for(world, "moderator")
    url = f"/admin/moderation/comment/{world.comment.pk}/"
    note = "Gentagne personangreb – se også #12 <b>"
    response = moderator.post(url, {"action": "hide", "reason": "not-a-reason", "note": note})
    assert response.status_code == 400
    page = crawl.parse(response.content.decode(), url)
    hide = next(f for f in page.forms if f.fields.get("action") == "hide")
    assert hide.fields["note"] == note
    assert "not-a-reason" not in hide.fields["reason"]
