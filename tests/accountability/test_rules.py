"""Only editors publish plans, reports and assessments; residents and moderators see only what
is published, and never the admin screens of this app."""

import pytest

from tests.accountability import factories as f
from tests.factories import UserFactory, editor, moderator

pytestmark = pytest.mark.django_db

SNIPPETS = ["committee", "thinktankmember", "assessment", "annualcycleitem"]


def test_editors_may_add_change_and_publish_everything_of_this_app():
    user = editor()
    for model in SNIPPETS:
        for action in ("add", "change", "delete"):
            assert user.has_perm(f"accountability.{action}_{model}"), (action, model)
    assert user.has_perm("accountability.publish_assessment")
    plan = f.plan()
    assert plan.permissions_for_user(user).can_publish()


@pytest.mark.parametrize("make", [UserFactory, moderator], ids=["resident", "moderator"])
def test_residents_and_moderators_cannot_publish_or_open_the_admin_screens(client, make):
    user = make()
    assert not user.has_perm("accountability.publish_assessment")
    plan = f.plan()
    assert not plan.permissions_for_user(user).can_publish()
    client.force_login(user)
    for model in SNIPPETS:
        response = client.get(f"/admin/snippets/accountability/{model}/")
        assert response.status_code in (302, 403), model
        if response.status_code == 302:
            assert not response["Location"].startswith("/admin/snippets/")


def test_a_draft_plan_is_not_public(client):
    plan = f.plan(publish=False)
    assert client.get(plan.url).status_code == 404
