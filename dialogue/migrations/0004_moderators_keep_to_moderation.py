"""Moderators may moderate debates and nothing else of the admin: partner review and event
registrations belong to the editors (city staff).

The grants are the role table's now (accounts/roles.py, applied by accounts/0004_roles): this step
is kept, doing nothing, so databases that ran it keep a consistent history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue", "0003_moderators_only_moderate"),
        ("partnerships", "0002_staff_permissions"),
        ("events", "0002_registration_permissions"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
