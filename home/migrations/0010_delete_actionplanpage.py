"""Action plans moved to the accountability app (a committee, activities with history, the think
tank's assessments). The old page type only ever held example content (`load_policy --demo`),
so its pages are deleted here; `load_content --demo` makes the new example plans."""

from django.db import migrations


def delete_old_plan_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ct = ContentType.objects.filter(app_label="home", model="actionplanpage").first()
    if ct is None:
        return
    HistoricalPage = apps.get_model("wagtailcore", "Page")
    ids = list(HistoricalPage.objects.filter(content_type=ct).values_list("pk", flat=True))
    if not ids:
        return
    # The page type's own rows first (the real Page model no longer knows this table), then the
    # pages through Wagtail's tree, which keeps the parents' child counts right.
    schema_editor.execute("DELETE FROM home_actionplanpage")
    from wagtail.models import Page

    for page in Page.objects.filter(pk__in=ids).order_by("-depth"):
        page.delete()
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    TranslationSource.objects.filter(specific_content_type=ct).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0009_plain_summary_home_barometer"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(delete_old_plan_pages, migrations.RunPython.noop),
        migrations.DeleteModel(name="ActionPlanPage"),
    ]
