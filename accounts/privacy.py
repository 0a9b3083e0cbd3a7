"""What stands in for a person once their account is deleted.

A deleted account leaves records that must outlive it (a moderation log, a thread of replies,
an organisation's page). Where such a record has to say *who*, it says "Deleted account #<tag>":
the tag is the same for every record of one person, so a moderator can still see that ten log
entries were about one account, but it is derived with the site's secret key, so nobody can
work back from it to the account or the address."""

import hashlib
import hmac
import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User


def pseudonym_tag(user: User) -> str:
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"deleted-account:{user.pk}".encode(), hashlib.sha256
    )
    return digest.hexdigest()[:8]


def deleted_account_label(user: User) -> str:
    """The stable pseudonym, in the site's language (what the records it replaces are written
    in), whatever language the person deleted their account in."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("Deleted account #%(tag)s") % {"tag": pseudonym_tag(user)}


def email_addresses(user: User) -> set[str]:
    """Every address the person used, lower-cased: the account's and allauth's (old ones
    included), so invitations and contact fields sent to any of them are found."""
    addresses = set(EmailAddress.objects.filter(user=user).values_list("email", flat=True))
    addresses.add(user.email)
    return {address.strip().lower() for address in addresses if address and address.strip()}


def address_query(field: str, addresses: set[str]) -> Q:
    """Rows whose `field` is any of `addresses`, whatever the case."""
    query = Q(pk__in=[])
    for address in addresses:
        query |= Q(**{f"{field}__iexact": address})
    return query


def identifiers(user: User) -> list[str]:
    """The strings that name the person in free text (a moderator's note, a log line)."""
    values = {user.display_name.strip(), *email_addresses(user)}
    return sorted((value for value in values if value), key=len, reverse=True)


def redact(text: str, user: User, replacement: str) -> str:
    """`text` with the person's name and addresses replaced, case-insensitively."""
    for value in identifiers(user):
        text = re.sub(re.escape(value), replacement, text, flags=re.IGNORECASE)
    return text
