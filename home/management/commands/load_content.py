"""`make run` calls this: the policy, and with --demo the example content of every app.

Each step is idempotent, so running it again changes nothing. Production runs it without --demo.
The apps offer their demo loaders through the core.hooks.DEMO_CONTENT hook, so home names none
of them.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from core.hooks import DEMO_CONTENT, run_hooks
from core.indexing import deferred_index_updates
from home.services import site_match_site_url


class Command(BaseCommand):
    help = "Load the policy pages and, with --demo, example debates, partners and events."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also load example content.")

    def handle(self, *args, demo=False, **options):
        if site_match_site_url():
            self.stdout.write("The default site now answers at SITE_URL.")
        # Each page is saved several times on the way; it is indexed for search once, at the end.
        with deferred_index_updates():
            call_command("load_policy", stdout=self.stdout, stderr=self.stderr, demo=demo)
            if demo:
                for _order, name in sorted(run_hooks(DEMO_CONTENT)):
                    call_command(name, stdout=self.stdout, stderr=self.stderr)
            # After all the Danish content: its English and Arabic wagtail-localize translations.
            call_command("translate_content", stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(self.style.SUCCESS("Content is loaded."))
