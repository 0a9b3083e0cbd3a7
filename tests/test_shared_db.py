"""Data built once per test process and copied back for the next module (tests/shared_db.py):
the copy has every row the build left, with the same keys and values, the build's value is
handed out as a copy, new rows still get fresh keys, and nothing outlives the transaction."""

import uuid

import pytest
from wagtail.models import Page

from dialogue.models import Comment
from dialogue.services import comment_create
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory
from tests.shared_db import rolled_back_once

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_second_use_restores_the_rows_of_the_first(django_db_blocker):
    name = f"test {uuid.uuid4()}"
    builds = []

    def build():
        builds.append(1)
        debate = make_debate()
        person = UserFactory(display_name="Kept Person")
        comment, _ = comment_create(user=person, debate=debate, body="Kept æøå ✓")
        return {"debate": debate, "comment": comment}

    pages_before = Page.objects.count()
    with rolled_back_once(django_db_blocker, name, build) as first:
        built = {
            "pages": Page.objects.count(),
            "comment": Comment.objects.values(
                "pk", "body", "created_at", "author__display_name"
            ).get(),
            "debate": first["debate"].specific.title,
        }
    assert Page.objects.count() == pages_before and not Comment.objects.exists()

    with rolled_back_once(django_db_blocker, name, build) as second:
        assert builds == [1]  # not built again
        assert second is not first and second["comment"].pk == first["comment"].pk
        assert Page.objects.count() == built["pages"]
        assert (
            Comment.objects.values("pk", "body", "created_at", "author__display_name").get()
            == built["comment"]
        )
        debate = Page.objects.get(pk=second["debate"].pk).specific
        assert debate.title == built["debate"] and debate.live
        # The search index came back too (on SQLite its full-text table is filled by triggers).
        found = Page.objects.live().search(debate.title)
        assert debate.pk in [page.pk for page in found]
        # New rows get keys after the copied ones.
        another, _ = comment_create(user=UserFactory(), debate=debate, body="New")
        assert another.pk > second["comment"].pk
    assert not Comment.objects.exists()
