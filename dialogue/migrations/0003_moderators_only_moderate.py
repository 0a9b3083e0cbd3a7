"""Moderators see the moderation queue, the log and debate states in the admin, nothing else:
Wagtail's initial data gave the group page, image and document rights; take those away and keep
admin access. (Rights other apps grant on purpose, such as partner review, stay.)"""

from django.db import migrations


def moderators_only_moderate(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    group, _ = Group.objects.get_or_create(name="Moderators")
    GroupPagePermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.filter(group=group).delete()
    group.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label__in=["wagtailcore", "wagtailimages", "wagtaildocs"]
        )
    )
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        group.permissions.add(access_admin)


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue", "0002_moderation"),
        ("home", "0002_site_root_and_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(moderators_only_moderate, migrations.RunPython.noop)]
