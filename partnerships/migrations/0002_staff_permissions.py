"""City staff (Moderators, Editors) review partners; Editors keep the commitment catalogue."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWER_PERMS = ["review_organisation", "view_organisation", "change_organisation"]
CATALOGUE_PERMS = ["add_commitmenttype", "change_commitmenttype", "delete_commitmenttype",
                   "view_commitmenttype"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("partnerships")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    def perms(codenames):
        return Permission.objects.filter(
            content_type__app_label="partnerships", codename__in=codenames
        )

    for name in ("Moderators", "Editors"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*perms(REVIEWER_PERMS))
    editors = Group.objects.get(name="Editors")
    editors.permissions.add(*perms(CATALOGUE_PERMS))


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("home", "0002_site_root_and_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
