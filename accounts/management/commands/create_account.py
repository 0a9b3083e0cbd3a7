"""Makes a resident, editor, moderator or administrator account that can log in at once."""

import getpass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import translation

from accounts.models import User
from accounts.roles import ACCOUNT_ROLES


class Command(BaseCommand):
    help = "Create (or update) an account with a verified e-mail address."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--role", choices=sorted(ACCOUNT_ROLES), default="editor")
        parser.add_argument("--name", default="")
        parser.add_argument("--password", help="Asked for when left out.")

    @transaction.atomic
    def handle(self, *args, email, role, name, password=None, **options):
        password = password or getpass.getpass("Password: ")
        user = User.objects.filter(email=email).first()
        created = user is None
        if created:
            user = User(email=email, display_name=name or email.split("@")[0])
        # The same validators as sign-up and password change (AUTH_PASSWORD_VALIDATORS), with
        # their messages in the site's language whatever language the process last used.
        try:
            with translation.override(settings.LANGUAGE_CODE):
                validate_password(password, user)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        user.set_password(password)
        user.is_staff = role != "resident"
        user.is_superuser = role == "admin"
        user.save()
        table_role = ACCOUNT_ROLES[role]
        if table_role is not None:
            group = Group.objects.filter(name=table_role.group).first()
            if group is None:
                raise CommandError(
                    f"The group {table_role.group!r} is missing: run `manage.py sync_roles`."
                )
            user.groups.add(group)
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        verb = "Created" if created else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} {role} {email}. Log in at /da/konto/login/."))
        if user.is_staff:
            self.stdout.write(
                "Staff set up an authenticator app (TOTP) on their first visit to /admin/."
            )
