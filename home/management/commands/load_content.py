"""`make run` calls this: the policy, and with --demo the example content of every app.

Each step is idempotent, so running it again changes nothing. Production runs it without --demo.
"""

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand

# (command, passes --demo on) in the order they depend on each other.
STEPS = [
    ("load_policy", True),
    ("load_demo_debates", False),
    ("load_demo_partners", False),
    ("load_demo_events", False),
]


class Command(BaseCommand):
    help = "Load the policy pages and, with --demo, example debates, partners and events."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Also load example content.")

    def handle(self, *args, demo=False, **options):
        available = get_commands()
        for name, takes_demo in STEPS:
            if name not in available:
                continue
            if name.startswith("load_demo_") and not demo:
                continue
            kwargs = {"demo": demo} if takes_demo else {}
            call_command(name, stdout=self.stdout, stderr=self.stderr, **kwargs)
        self.stdout.write(self.style.SUCCESS("Content is loaded."))
