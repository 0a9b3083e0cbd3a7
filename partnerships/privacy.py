"""What the partnerships do when a person deletes their account (core.hooks.ACCOUNT_DELETING).

Their memberships go with the account (CASCADE). What must not go with it, or must not keep
their name, is handled here inside the deletion's transaction:

- invitations sent to any of their addresses are deleted (an invitation is the address);
  those they sent lose the sender (Invitation.invited_by is SET_NULL);
- an organisation they administered, registered or are the contact person of is handed over:
  to its longest-standing other administrator, else its longest-standing member (made
  administrator), who becomes the contact and is asked by e-mail to add a phone number;
- with nobody left, the organisation goes back to the city's review queue (out of the public
  register until a reviewer has looked) and the reviewers are told by e-mail, so it is never
  left with nobody who can manage it. Its contact fields then hold the pseudonym;
- a pledge they signed keeps the signatory's name only when it is not theirs."""

from django.db import transaction
from django.db.models import Case, IntegerField, Q, Value, When

from accounts.models import User
from accounts.privacy import address_query, deleted_account_label, email_addresses
from partnerships import emails
from partnerships.models import (
    Invitation,
    Membership,
    Organisation,
    Pledge,
    ReviewStatus,
    Role,
)
from partnerships.services.common import refresh_public


def account_forget(*, user: User) -> None:
    label = deleted_account_label(user)
    addresses = email_addresses(user)
    name = user.display_name.strip().lower()
    with transaction.atomic():
        Invitation.objects.filter(address_query("email", addresses)).delete()
        own = set(
            Organisation.objects.filter(Q(created_by=user) | Q(memberships__user=user)).values_list(
                "pk", flat=True
            )
        )
        contact_of = set(
            Organisation.objects.filter(address_query("contact_email", addresses)).values_list(
                "pk", flat=True
            )
        )
        for pk in sorted(own | contact_of):  # one order, so two deletions never deadlock
            organisation = Organisation.objects.select_for_update().get(pk=pk)
            # A contact name like theirs counts only where they belong (another "Anna" does not).
            is_contact = pk in contact_of or (organisation.contact_name.strip().lower() == name)
            _hand_over(organisation, user, label, is_contact)
        for pledge in Pledge.objects.filter(signed_by=user):
            if pledge.signatory_name.strip().lower() == name:
                pledge.signatory_name = label[: Pledge._meta.get_field("signatory_name").max_length]
                pledge.save(update_fields=["signatory_name"])


def _hand_over(organisation: Organisation, user: User, label: str, is_contact: bool) -> None:
    successor = (
        Membership.objects.filter(organisation=organisation)
        .exclude(user=user)
        .select_related("user")
        .annotate(
            rank=Case(
                When(role=Role.ADMIN, then=Value(0)), default=Value(1), output_field=IntegerField()
            )
        )
        .order_by("rank", "joined_at", "pk")
        .first()
    )
    if successor is not None:
        if successor.role != Role.ADMIN:
            successor.role = Role.ADMIN
            successor.save(update_fields=["role"])
        if is_contact:
            organisation.contact_name = successor.user.display_name
            organisation.contact_email = successor.user.email
            organisation.contact_phone = ""
            organisation.save(
                update_fields=["contact_name", "contact_email", "contact_phone", "updated_at"]
            )
            emails.send_contact_handed_over(organisation, successor.user)
        return
    if is_contact:
        organisation.contact_name = label
        organisation.contact_email = ""
        organisation.contact_phone = ""
    organisation.status = ReviewStatus.PENDING
    organisation.save(
        update_fields=["contact_name", "contact_email", "contact_phone", "status", "updated_at"]
    )
    refresh_public(organisation)
    emails.send_needs_new_contact(organisation)
