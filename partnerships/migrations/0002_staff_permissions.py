"""City staff (Moderators, Editors) review partners; Editors keep the commitment catalogue.

The grants are the role table's now (accounts/roles.py, applied by accounts/0004_roles): this step
is kept, doing nothing, so databases that ran it keep a consistent history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0001_initial"),
        ("home", "0002_site_root_and_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
