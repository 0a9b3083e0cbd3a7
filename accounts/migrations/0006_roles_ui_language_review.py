"""The role table applied again: City editors may now mark a UI language as reviewed by a
translator (home.UILanguageReview)."""

from django.db import migrations


def apply_table(apps, schema_editor):
    from accounts.roles import apply_roles

    apply_roles(apps, missing_ok=True)  # later apps add their rights in their own migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_roles_wagtail_localize"),
        ("home", "0007_ui_language_review"),
    ]

    operations = [migrations.RunPython(apply_table, migrations.RunPython.noop)]
