"""Moderators see the moderation queue, the log and debate states in the admin, nothing else:
Wagtail's initial data gave the group page, image and document rights; take those away and keep
admin access. (Rights other apps grant on purpose, such as partner review, stay.)

The grants are the role table's now (accounts/roles.py, applied by accounts/0004_roles): this step
is kept, doing nothing, so databases that ran it keep a consistent history."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue", "0002_moderation"),
        ("home", "0002_site_root_and_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)]
