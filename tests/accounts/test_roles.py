"""The role table (accounts/roles.py) is what the database says: after the migrations, after
sync_roles, and after someone changed rights by hand."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)

from accounts.roles import (
    CITY_EDITORS,
    DEBATE_MODERATORS,
    EDITOR,
    GROUPS,
    STOCK_EDITORS,
    STOCK_MODERATORS,
    WORKFLOWS,
    apply_roles,
    move_members_from_stock_groups,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def sync_roles(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("sync_roles", *args, stdout=out)
    return out.getvalue()


def test_after_the_migrations_the_database_is_exactly_the_table():
    assert apply_roles(apps, dry_run=True) == []
    for role in GROUPS:
        group = Group.objects.get(name=role.group)
        granted = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        }
        assert granted == role.model_permissions(), role.group
        page_actions = {
            row.permission.codename.removesuffix("_page")
            for row in GroupPagePermission.objects.filter(group=group, page__depth=1)
        }
        assert page_actions == {a for spec in role.pages for a in spec.actions}, role.group
    root = Page.objects.get(depth=1)
    assert WorkflowPage.objects.get(page=root).workflow.name == WORKFLOWS[0].name


def test_sync_roles_is_idempotent_and_says_so():
    assert "nothing changed" in sync_roles()
    assert "nothing changed" in sync_roles()


def test_sync_roles_puts_back_what_was_changed_by_hand_and_takes_away_what_was_added():
    editors = Group.objects.get(name=CITY_EDITORS)
    moderators = Group.objects.get(name=DEBATE_MODERATORS)
    editors.permissions.remove(Permission.objects.get(codename="submit_translation"))
    GroupPagePermission.objects.filter(group=editors, permission__codename="publish_page").delete()
    GroupPagePermission.objects.create(
        group=moderators, page=Page.objects.get(depth=1), permission_type="change"
    )
    moderators.permissions.add(Permission.objects.get(codename="review_organisation"))
    task = GroupApprovalTask.objects.get(name="City editors approve")
    task.groups.add(moderators)

    assert "dry run" in sync_roles("--dry-run")
    assert apply_roles(apps, dry_run=True) != []

    out = sync_roles()
    assert "City editors: grant wagtail_localize.submit_translation" in out
    assert "grant City editors: page publish_page" in out
    assert "revoke Debate moderators: page change_page" in out
    assert "Debate moderators: revoke partnerships.review_organisation" in out
    assert "task City editors approve: approved by City editors" in out
    assert list(task.groups.all()) == [editors]
    assert "nothing changed" in sync_roles()


def test_a_fresh_database_without_the_groups_gets_them():
    Group.objects.filter(name__in=[CITY_EDITORS, DEBATE_MODERATORS]).delete()
    Workflow.objects.filter(name=WORKFLOWS[0].name).delete()
    out = sync_roles()
    assert f"create group {CITY_EDITORS}" in out
    assert f"create workflow {WORKFLOWS[0].name}" in out
    assert apply_roles(apps, dry_run=True) == []


def test_people_the_project_put_in_wagtails_stock_groups_move_to_the_projects_groups():
    old_moderator = UserFactory(groups=[STOCK_MODERATORS])
    old_editor = UserFactory(groups=[STOCK_EDITORS])
    move_members_from_stock_groups(apps)
    assert list(old_moderator.groups.values_list("name", flat=True)) == [DEBATE_MODERATORS]
    assert list(old_editor.groups.values_list("name", flat=True)) == [CITY_EDITORS]


def test_wagtails_stock_groups_keep_their_stock_meaning():
    home = Page.objects.get(depth=2)
    stock_moderator = UserFactory(groups=[STOCK_MODERATORS])
    stock_editor = UserFactory(groups=[STOCK_EDITORS])
    assert home.permissions_for_user(stock_moderator).can_publish()
    assert home.permissions_for_user(stock_editor).can_edit()
    assert not home.permissions_for_user(stock_editor).can_publish()


@pytest.mark.parametrize(
    "role, group, staff, superuser",
    [
        ("resident", None, False, False),
        ("editor", CITY_EDITORS, True, False),
        ("moderator", DEBATE_MODERATORS, True, False),
        ("admin", None, True, True),
    ],
)
def test_create_account_gives_each_role_its_group_from_the_table(role, group, staff, superuser):
    from accounts.models import User

    call_command(
        "create_account", "--email", f"{role}@example.org", "--role", role,
        "--password", "long-enough-1", stdout=None,
    )  # fmt: skip
    user = User.objects.get(email=f"{role}@example.org")
    assert list(user.groups.values_list("name", flat=True)) == ([group] if group else [])
    assert (user.is_staff, user.is_superuser) == (staff, superuser)


def test_editors_are_the_only_project_role_with_page_rights():
    assert EDITOR.pages
    assert not next(r for r in GROUPS if r.group == DEBATE_MODERATORS).pages
