"""Who may do what in the admin: one table, applied by a migration and by `manage.py sync_roles`.

Each role is a group with its Django permissions, its Wagtail page and collection permissions
and whether it reaches the admin; workflows say which group approves what. `apply_roles` makes
the database say exactly what the table says (for the groups and workflows the table names;
groups the city makes itself in the admin are left alone) and reports every change it made, so
running it twice changes nothing the second time.

The project's roles have the project's own group names. Wagtail's stock "Editors" (may draft)
and "Moderators" (page moderators who may publish) keep the meaning Wagtail's initial data gave
them and are not used for the project's roles: comment moderators are "Debate moderators".

Page permissions are given on the tree's root, so they hold for every page made later too:
Wagtail grants page rights on subtrees, never by page type, and a right granted on a page made
at run time would be the kind of run-time grant this table exists to replace.

`apply_roles` takes an app registry so the migration can run it with the historical models.
"""

from dataclasses import dataclass, field

from django.contrib.auth.management import create_permissions

CITY_EDITORS = "City editors"
DEBATE_MODERATORS = "Debate moderators"
STOCK_EDITORS = "Editors"
STOCK_MODERATORS = "Moderators"

ACCESS_ADMIN = "wagtailadmin.access_admin"
# Starting a translation of a page or snippet in wagtail-localize ("Translate" in the page's
# menu, /admin/localize/submit/...). Editing and publishing it afterwards needs page rights.
TRANSLATE = "wagtail_localize.submit_translation"

ROOT = "root"
"""The top of the page tree (or of the collection tree): rights there hold for everything."""


@dataclass(frozen=True)
class PagePermissions:
    """Wagtail page actions (add, change, publish, lock, unlock, bulk_delete) on a subtree."""

    actions: tuple[str, ...]
    under: str = ROOT


@dataclass(frozen=True)
class CollectionPermissions:
    """Image or document actions (add, change, choose, delete) in a collection and below."""

    model: str  # "wagtailimages.image"
    actions: tuple[str, ...]
    under: str = ROOT


@dataclass(frozen=True)
class Role:
    group: str
    permissions: tuple[str, ...] = ()  # "app_label.codename"
    pages: tuple[PagePermissions, ...] = ()
    collections: tuple[CollectionPermissions, ...] = ()
    admin: bool = False  # may log in to the Wagtail admin

    def model_permissions(self) -> set[str]:
        return set(self.permissions) | ({ACCESS_ADMIN} if self.admin else set())


@dataclass(frozen=True)
class Task:
    """One approval step, done by any member of the groups."""

    name: str
    groups: tuple[str, ...]


@dataclass(frozen=True)
class WorkflowSpec:
    name: str
    tasks: tuple[Task, ...]
    pages: tuple[str, ...] = field(default=(ROOT,))


_MEDIA = (
    CollectionPermissions("wagtailimages.image", ("add", "change", "choose")),
    CollectionPermissions("wagtaildocs.document", ("add", "change", "choose")),
)
# Wagtail's initial data also gives its stock groups these model permissions.
_MEDIA_MODEL_PERMISSIONS = tuple(
    f"{app}.{action}_{model}"
    for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose", "delete")
)

# The city's editorial staff: they publish and translate policy pages, goals with their
# measurements, debates and events directly, approve what partners submit, review partner
# organisations, keep the commitment catalogue, see event registrations and mark a UI language
# as reviewed by a translator.
EDITOR = Role(
    group=CITY_EDITORS,
    admin=True,
    permissions=(
        TRANSLATE,
        *_MEDIA_MODEL_PERMISSIONS,
        "partnerships.review_organisation",
        "partnerships.view_organisation",
        "partnerships.change_organisation",
        "partnerships.add_commitmenttype",
        "partnerships.change_commitmenttype",
        "partnerships.delete_commitmenttype",
        "partnerships.view_commitmenttype",
        "events.view_registration",
        # They tick "reviewed by a translator" for a UI language (home.UILanguageReview).
        "home.view_uilanguagereview",
        "home.change_uilanguagereview",
        # Accountability: the committees, the think tank and its assessments (drafted and
        # published), the annual cycle. Plans and reports are pages (the page rights below).
        *(
            f"accountability.{action}_{model}"
            for model in ("committee", "thinktankmember", "assessment", "annualcycleitem")
            for action in ("add", "change", "delete", "view")
        ),
        "accountability.publish_assessment",
    ),
    pages=(PagePermissions(("add", "change", "publish", "lock", "unlock")),),
    collections=_MEDIA,
)

# City staff who moderate comments: the moderation screens (rules in dialogue/rules.py ask for
# this group) and nothing else of the admin, no page rights, no page tasks.
MODERATOR = Role(group=DEBATE_MODERATORS, admin=True)

# Wagtail's stock groups, as its initial data makes them. Nobody gets them from this project.
STOCK = (
    Role(
        group=STOCK_EDITORS,
        admin=True,
        permissions=_MEDIA_MODEL_PERMISSIONS,
        pages=(PagePermissions(("add", "change")),),
        collections=_MEDIA,
    ),
    Role(
        group=STOCK_MODERATORS,
        admin=True,
        permissions=_MEDIA_MODEL_PERMISSIONS,
        pages=(PagePermissions(("add", "change", "publish", "lock")),),
        collections=_MEDIA,
    ),
)

GROUPS: tuple[Role, ...] = (EDITOR, MODERATOR, *STOCK)

ACCOUNT_ROLES: dict[str, Role | None] = {
    "resident": None,
    "editor": EDITOR,
    "moderator": MODERATOR,
    "admin": None,  # a superuser: every right, no group needed
}
"""The roles `create_account --role` offers."""

# Editors publish directly; when a page is submitted for approval instead (partners' events
# always are), the City editors approve it. Comment moderators never get a page task.
WORKFLOWS: tuple[WorkflowSpec, ...] = (
    WorkflowSpec(
        name="City editors approval",
        tasks=(Task("City editors approve", groups=(CITY_EDITORS,)),),
        pages=(ROOT,),
    ),
)

# Before this table, the project gave its roles Wagtail's stock groups. The migration moves
# their members once; sync_roles does not (afterwards the stock groups mean what Wagtail says).
RENAMED_FROM = {STOCK_EDITORS: CITY_EDITORS, STOCK_MODERATORS: DEBATE_MODERATORS}


# --- applying the table ----------------------------------------------------------------------


def _app_labels() -> set[str]:
    labels = {"wagtailcore", "wagtailadmin", "wagtailimages", "wagtaildocs"}
    for role in GROUPS:
        labels |= {name.split(".", 1)[0] for name in role.model_permissions()}
    return labels


def _ensure_permissions(apps) -> None:
    """Model permissions are normally made after `migrate`; the table needs them now."""
    for label in sorted(_app_labels()):
        try:
            app_config = apps.get_app_config(label)
        except LookupError:
            continue
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0)
        finally:
            app_config.models_module = models_module


def _permission(apps, name: str):
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = name.split(".", 1)
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise LookupError(f"the role table names {name}, which does not exist") from None


def _root(apps, model: str, under: str):
    if under != ROOT:
        raise ValueError(f"only the root is supported, not {under!r}")
    return apps.get_model(*model.split(".")).objects.filter(depth=1).order_by("path").first()


def _sync_group(apps, role: Role, changes: list[str], dry_run: bool, missing_ok=False) -> None:
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    group = Group.objects.filter(name=role.group).first()
    if group is None:
        changes.append(f"create group {role.group}")
        if dry_run:
            return
        group = Group.objects.create(name=role.group)

    wanted = {}
    for name in role.model_permissions():
        try:
            wanted[_permission(apps, name).pk] = name
        except LookupError:
            if not missing_ok:
                raise
    have = {
        p.pk: f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }
    for pk in sorted(set(wanted) - set(have), key=wanted.get):
        changes.append(f"{role.group}: grant {wanted[pk]}")
    for pk in sorted(set(have) - set(wanted), key=have.get):
        changes.append(f"{role.group}: revoke {have[pk]}")
    if not dry_run and wanted.keys() != have.keys():
        group.permissions.set(list(wanted))

    _sync_rows(
        rows=GroupPagePermission.objects.filter(group=group).select_related("permission"),
        wanted={
            (
                _root(apps, "wagtailcore.Page", spec.under).pk,
                _permission(apps, f"wagtailcore.{a}_page").pk,
            )
            for spec in role.pages
            for a in spec.actions
        },
        key=lambda row: (row.page_id, row.permission_id),
        create=lambda page_id, permission_id: GroupPagePermission.objects.create(
            group=group, page_id=page_id, permission_id=permission_id
        ),
        describe=lambda key: f"{role.group}: page {_codename(apps, key[1])} on page {key[0]}",
        changes=changes,
        dry_run=dry_run,
    )
    _sync_rows(
        rows=GroupCollectionPermission.objects.filter(group=group),
        wanted={
            (
                _root(apps, "wagtailcore.Collection", spec.under).pk,
                _permission(apps, f"{spec.model.split('.')[0]}.{a}_{spec.model.split('.')[1]}").pk,
            )
            for spec in role.collections
            for a in spec.actions
        },
        key=lambda row: (row.collection_id, row.permission_id),
        create=lambda collection_id, permission_id: GroupCollectionPermission.objects.create(
            group=group, collection_id=collection_id, permission_id=permission_id
        ),
        describe=lambda key: f"{role.group}: {_codename(apps, key[1])} in collection {key[0]}",
        changes=changes,
        dry_run=dry_run,
    )


def _codename(apps, permission_id: int) -> str:
    return apps.get_model("auth", "Permission").objects.get(pk=permission_id).codename


def _sync_rows(*, rows, wanted, key, create, describe, changes, dry_run) -> None:
    have = {}
    for row in rows:
        have.setdefault(key(row), []).append(row)
    for missing in sorted(wanted - set(have)):
        changes.append(f"grant {describe(missing)}")
        if not dry_run:
            create(*missing)
    for extra in sorted(set(have) - wanted):
        changes.append(f"revoke {describe(extra)}")
        if not dry_run:
            for row in have[extra]:
                row.delete()


def _sync_workflow(apps, spec: WorkflowSpec, changes: list[str], dry_run: bool) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow = Workflow.objects.filter(name=spec.name).order_by("pk").first()
    if workflow is None:
        changes.append(f"create workflow {spec.name}")
        if dry_run:
            return
        workflow = Workflow.objects.create(name=spec.name, active=True)
    elif not workflow.active:
        changes.append(f"activate workflow {spec.name}")
        if not dry_run:
            Workflow.objects.filter(pk=workflow.pk).update(active=True)

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task_ids = []
    for task_spec in spec.tasks:
        task = GroupApprovalTask.objects.filter(name=task_spec.name).order_by("pk").first()
        if task is None:
            changes.append(f"create task {task_spec.name}")
            if dry_run:
                continue
            task = GroupApprovalTask.objects.create(
                name=task_spec.name, content_type=task_type, active=True
            )
        elif not task.active:
            changes.append(f"activate task {task_spec.name}")
            if not dry_run:
                GroupApprovalTask.objects.filter(pk=task.pk).update(active=True)
        task_ids.append(task.pk)
        wanted = set(Group.objects.filter(name__in=task_spec.groups).values_list("pk", flat=True))
        have = set(task.groups.values_list("pk", flat=True))
        if wanted != have:
            names = ", ".join(task_spec.groups)
            changes.append(f"task {task_spec.name}: approved by {names}")
            if not dry_run:
                task.groups.set(list(wanted))

    have_ids = list(
        WorkflowTask.objects.filter(workflow=workflow)
        .order_by("sort_order")
        .values_list("task_id", flat=True)
    )
    if have_ids != task_ids or len(task_ids) != len(spec.tasks):
        changes.append(f"workflow {spec.name}: tasks {', '.join(t.name for t in spec.tasks)}")
        if not dry_run:
            WorkflowTask.objects.filter(workflow=workflow).delete()
            for order, task_id in enumerate(task_ids):
                WorkflowTask.objects.create(workflow=workflow, task_id=task_id, sort_order=order)

    for under in spec.pages:
        page = _root(apps, "wagtailcore.Page", under)
        link = WorkflowPage.objects.filter(page=page).first()
        if link is None or link.workflow_id != workflow.pk:
            changes.append(f"workflow {spec.name} applies to page {page.pk}")
            if not dry_run:
                WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def apply_roles(apps, *, dry_run: bool = False, missing_ok: bool = False) -> list[str]:
    """Brings the groups and workflows in the table to the table's state; returns what changed
    (or, with `dry_run`, what would change). `apps` is `django.apps.apps` or a migration's.
    `missing_ok` (for an early migration) skips permissions whose app has not made them yet;
    a later migration applies the table again."""
    _ensure_permissions(apps)
    changes: list[str] = []
    for role in GROUPS:
        _sync_group(apps, role, changes, dry_run, missing_ok)
    for spec in WORKFLOWS:
        _sync_workflow(apps, spec, changes, dry_run)
    return changes


def move_members_from_stock_groups(apps) -> list[str]:
    """Once, in the migration: people the project had put in Wagtail's stock groups move to the
    project's groups, so no comment moderator becomes a page moderator."""
    Group = apps.get_model("auth", "Group")
    changes = []
    for old_name, new_name in RENAMED_FROM.items():
        old = Group.objects.filter(name=old_name).first()
        new = Group.objects.filter(name=new_name).first()
        if old is None or new is None:
            continue
        members = list(old.user_set.all())
        if members:
            new.user_set.add(*members)
            old.user_set.remove(*members)
            changes.append(f"moved {len(members)} member(s) from {old_name} to {new_name}")
    return changes
