"""Load the adopted integration policy into the page tree, in Danish and English."""

from django.core.management.base import BaseCommand

from home.services import glossary_load, policy_load


class Command(BaseCommand):
    help = (
        "Load the adopted policy (home/policy_text.py) into the page tree. Running it again "
        "changes nothing; pages an editor has changed are kept unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo", action="store_true", help="Add example measurements, marked as examples."
        )
        parser.add_argument(
            "--force", action="store_true", help="Overwrite pages that editors have changed."
        )

    def handle(self, *args, demo=False, force=False, **options):
        report = policy_load(demo=demo, force=force)
        terms = glossary_load()
        for name in report.kept_editor_changes:
            self.stderr.write(
                self.style.WARNING(f"Kept {name}: changed by an editor (use --force).")
            )
        self.stdout.write(
            f"Policy: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.kept_editor_changes)} kept, "
            f"{report.measurements_added} example measurements added; "
            f"{terms} glossary terms added."
        )
