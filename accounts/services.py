"""Writes on accounts: profile changes, data export and deletion."""

import json

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction

from accounts.cache_tags import PEOPLE
from accounts.models import User
from core import pagecache
from core.hooks import ACCOUNT_BLOCKED, ACCOUNT_DELETING, DATA_EXPORT, run_hooks
from core.live import publish, user_topic


def user_export(*, user: User) -> str:
    """Everything the platform holds about one user, as JSON (GDPR article 15 and 20): every
    table that holds the person, the feature apps' through core.hooks.DATA_EXPORT. Secrets
    (the password hash, the two-factor keys, recovery codes) stay out of a file that may be
    mailed around: the export says they exist, not what they are."""
    data = {
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "preferred_language": user.preferred_language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "blocked_until": user.blocked_until,
            "has_password": user.has_usable_password(),
        }
    }
    data["email_addresses"] = list(
        EmailAddress.objects.filter(user=user).order_by("pk").values("email", "verified", "primary")
    )
    data["two_factor_authentication"] = list(
        Authenticator.objects.filter(user=user)
        .order_by("pk")
        .values("type", "created_at", "last_used_at")
    )
    data["badges"] = [
        {"kind": badge.get_kind_display(), "note": badge.note}
        for badge in user.badges.order_by("pk")
    ]
    data["roles"] = sorted(user.groups.values_list("name", flat=True))
    data["notifications"] = list(
        user.notifications.order_by("pk").values(
            "kind",
            "language",
            "subject",
            "body",
            "link",
            "topic",
            "topic_title",
            "count",
            "created_at",
            "read_at",
            "mail_due",
            "mailed_at",
        )
    )
    # Each app adds what it holds (core.hooks.DATA_EXPORT, registered in its wagtail_hooks.py).
    for sections in run_hooks(DATA_EXPORT, user):
        data.update(sections)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


@transaction.atomic
def user_update_profile(*, user: User, display_name: str, preferred_language: str) -> User:
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.full_clean(exclude=["password", "username"])
    user.save(update_fields=["display_name", "preferred_language"])
    pagecache.invalidate(PEOPLE)
    return user


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Deletes the account and, with it, the person's name, addresses and phone number from
    every table (the privacy page says what stays). Rows that are only theirs go by CASCADE;
    rows that keep a thread or a record whole lose the person through on_delete=SET_NULL; what
    must be handed over, given back or written with a pseudonym instead is done first by each
    app in its core.hooks.ACCOUNT_DELETING function, in this transaction, so a failure there
    deletes nothing."""
    run_hooks(ACCOUNT_DELETING, user)
    user.delete()
    pagecache.invalidate(PEOPLE)


def user_block(*, user: User, until, reason: str) -> User:
    """Stops a user from posting, reacting and reporting until `until`, and closes their open
    debate sockets at once. They can still read, log in, export and delete their data.

    The block is told on the person's own live topic (every socket of theirs listens there), and
    apps that hold more open things close them in their core.hooks.ACCOUNT_BLOCKED function."""

    def after_commit():
        publish(user_topic(user.pk), {"type": "account.blocked", "reason": reason})
        run_hooks(ACCOUNT_BLOCKED, user, reason)

    with transaction.atomic():
        user.blocked_until = until
        user.save(update_fields=["blocked_until"])
        transaction.on_commit(after_commit)
    return user
