"""The role table (accounts/roles.py) applied: the project's own groups, "City editors" and
"Debate moderators", with their rights and the approval workflow; Wagtail's stock "Editors" and
"Moderators" back to their stock meaning, their members moved to the project's groups. Whatever
the earlier migrations granted or took away, the database now says what the table says."""

from django.db import migrations


def apply_table(apps, schema_editor):
    from accounts.roles import apply_roles, move_members_from_stock_groups

    # The translation right's app (wagtail-localize) may not have made its permission yet:
    # 0005 applies the table again after it has.
    apply_roles(apps, missing_ok=True)
    move_members_from_stock_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_notification"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("home", "0004_load_record_key"),
        ("partnerships", "0002_staff_permissions"),
        ("events", "0003_organiser_organisation"),
        ("dialogue", "0004_moderators_keep_to_moderation"),
    ]

    operations = [migrations.RunPython(apply_table, migrations.RunPython.noop)]
