"""Makes every Danish page's English and Arabic translation, and the key pages' translations
into the other UI languages, wagtail-localize translations (home.translating). `load_content`
runs it after the Danish content is loaded; running it again changes nothing."""

from django.core.management.base import BaseCommand

from home.translating import TARGET_LANGUAGES, content_translate


class Command(BaseCommand):
    help = (
        "Translate the Danish pages into English and Arabic, and the key pages into the other "
        "UI languages, with wagtail-localize."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language", action="append", choices=TARGET_LANGUAGES, help="Only this language."
        )

    def handle(self, *args, language=None, **options):
        report = content_translate(languages=tuple(language or TARGET_LANGUAGES))
        for name, count in sorted(report.missing.items()):
            self.stderr.write(self.style.WARNING(f"{name}: {count} segment(s) not translated."))
        self.stdout.write(
            f"Translations: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged."
        )
