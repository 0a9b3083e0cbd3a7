"""Brings the groups, their rights and the approval workflows to what accounts/roles.py says."""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.roles import apply_roles


class Command(BaseCommand):
    help = (
        "Apply the role table (accounts/roles.py): groups, their permissions, page and "
        "collection rights, approval workflows. Prints each change; a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would change, change nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        with transaction.atomic():
            changes = apply_roles(apps, dry_run=dry_run)
        for change in changes:
            self.stdout.write(change)
        if not changes:
            self.stdout.write("The roles already match the table; nothing changed.")
        elif dry_run:
            self.stdout.write(self.style.WARNING(f"{len(changes)} change(s) not made (dry run)."))
        else:
            self.stdout.write(self.style.SUCCESS(f"{len(changes)} change(s) made."))
