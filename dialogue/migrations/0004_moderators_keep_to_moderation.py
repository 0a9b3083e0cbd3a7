"""Moderators may moderate debates and nothing else of the admin: partner review and event
registrations belong to the editors (city staff)."""

from django.db import migrations


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name="Moderators").first()
    if group is None:
        return
    group.permissions.remove(
        *Permission.objects.filter(content_type__app_label__in=["partnerships", "events"])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue", "0003_moderators_only_moderate"),
        ("partnerships", "0002_staff_permissions"),
        ("events", "0002_registration_permissions"),
    ]

    operations = [migrations.RunPython(revoke, migrations.RunPython.noop)]
