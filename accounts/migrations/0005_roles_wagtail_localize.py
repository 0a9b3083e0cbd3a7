"""The role table applied again after translation moved from simple_translation to
wagtail-localize: "City editors" lose simple_translation's right and get wagtail-localize's
`submit_translation` instead (accounts/roles.py TRANSLATE)."""

from django.db import migrations


def apply_table(apps, schema_editor):
    from accounts.roles import apply_roles

    apply_roles(apps, missing_ok=True)  # later apps add their rights in their own migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_roles"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(apply_table, migrations.RunPython.noop)]
