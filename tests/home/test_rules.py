"""Who may work on the policy pages (goals with their measurements) in the admin: the role table
gives the City editors page rights on the whole tree; comment moderators get none, and no page
task either. One row per role, as in meinBerlin's rules tests."""

import pytest
from wagtail.models import TaskState

from tests.home.factories import goal_page
from tests.roles import make_user, matrix

pytestmark = pytest.mark.django_db

ACTIONS = ("edit", "publish", "lock", "unlock", "translate", "open_editor")

#              edit   publish lock   unlock translate open editor
GOAL_PAGE = {
    "anonymous": (False, False, False, False, False, False),
    "unverified": (False, False, False, False, False, False),
    "resident": (False, False, False, False, False, False),
    "blocked": (False, False, False, False, False, False),
    "partner": (False, False, False, False, False, False),
    "editor": (True, True, True, True, True, True),
    "moderator": (False, False, False, False, False, False),
    "superuser": (True, True, True, True, True, True),
}


def may(client, user, page, action: str) -> bool:
    if action == "open_editor":
        if user.is_authenticated:
            client.force_login(user)
        return client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    if action == "translate":
        if user.is_authenticated:
            client.force_login(user)
        response = client.get(f"/admin/localize/submit/page/{page.pk}/")
        return response.status_code == 200 and user.has_perm("wagtail_localize.submit_translation")
    if not user.is_authenticated:
        return False
    perms = page.permissions_for_user(user)
    return {
        "edit": perms.can_edit,
        "publish": perms.can_publish,
        "lock": perms.can_lock,
        "unlock": perms.can_unlock,
    }[action]()


@pytest.mark.parametrize("role, action, expected", matrix(ACTIONS, GOAL_PAGE))
def test_who_may_work_on_a_goal_page(client, role, action, expected):
    page = goal_page()
    assert may(client, make_user(role), page, action) is expected


def test_a_page_submitted_for_approval_goes_to_the_city_editors_not_the_comment_moderators():
    page = goal_page()
    author = make_user("editor")
    page.save_revision(user=author)
    workflow = page.get_workflow()
    assert workflow.name == "City editors approval"
    workflow.start(page, author)
    waiting = TaskState.objects.filter(workflow_state__object_id=str(page.pk))
    for role, reviews in (("editor", True), ("moderator", False), ("superuser", True)):
        assert (
            TaskState.objects.reviewable_by(make_user(role)).filter(pk__in=waiting).exists()
            is reviews
        ), role
    reviewer = make_user("editor")
    task_state = page.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state.specific, reviewer, "approve")
    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None


def test_a_comment_moderator_is_refused_the_page_editor_even_while_a_task_waits(client):
    page = goal_page()
    author = make_user("editor")
    page.save_revision(user=author)
    page.get_workflow().start(page, author)
    client.force_login(make_user("moderator"))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in (302, 403)
    assert client.get("/admin/moderation/").status_code == 200
