"""City staff (Editors and Moderators) see registrations in the admin; nobody edits them there.

The grants are the role table's now (accounts/roles.py, applied by accounts/0004_roles): this step
is kept, doing nothing, so databases that ran it keep a consistent history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("home", "0002_site_root_and_groups"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
