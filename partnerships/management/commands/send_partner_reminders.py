"""E-mails partners whose yearly report is due, and again when it is overdue. The worker runs
this every morning by itself (partnerships/tasks.py, no cron needed); the command is for a
manual run, or to try a date (--today). Running it twice on a day sends nothing twice."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from partnerships.services import reminders_send


class Command(BaseCommand):
    help = "E-mail partners whose yearly report is due or overdue (each reminder once)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, today=None, **options):
        try:
            day = date.fromisoformat(today) if today else timezone.localdate()
        except ValueError as error:
            raise CommandError("--today must be a date such as 2026-03-01.") from error
        sent = reminders_send(today=day)
        self.stdout.write(
            f"Reminders sent: {sent['due']} due, {sent['overdue']} overdue ({day.isoformat()})."
        )
