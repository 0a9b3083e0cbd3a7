"""Which UI languages a translator has checked. Danish, English and Arabic were checked before
Turkish, Urdu, Somali, Polish and Persian joined; the five new ones show a note until an editor
ticks "reviewed"."""

import home.models.languages
from django.db import migrations, models


SEED = {"da": True, "en": True, "ar": True, "tr": False, "ur": False, "so": False, "pl": False, "fa": False}


def seed(apps, schema_editor):
    UILanguageReview = apps.get_model("home", "UILanguageReview")
    for language, reviewed in SEED.items():
        UILanguageReview.objects.get_or_create(language=language, defaults={"reviewed": reviewed})


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0006_plain_danish'),
    ]

    operations = [
        migrations.CreateModel(
            name='UILanguageReview',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=home.models.languages.ui_language_choices, max_length=10, unique=True, verbose_name='language')),
                ('reviewed', models.BooleanField(default=False, help_text="Tick this when a translator has read the site's buttons, menus and messages in this language. Until then, every page in this language shows a note.", verbose_name='reviewed by a translator')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='last changed')),
            ],
            options={
                'verbose_name': 'UI language review',
                'verbose_name_plural': 'UI language reviews',
                'ordering': ['language'],
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
