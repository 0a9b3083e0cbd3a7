"""The e-mails the partnership register sends, through the project's one e-mail path
(`core.email.send_to`): rendered in each recipient's language, sent after the write commits,
and a mail server that is down never undoes what the user did.

Each administrator of an organisation gets the mail in the language they chose; the
organisation's contact address, which belongs to no account, gets it in the language of the
organisation's first administrator (the site's default when it has none)."""

from django.db.models import Q
from django.urls import reverse
from django.utils.functional import lazy

from core.email import recipient_language, send_to
from core.links import absolute_url
from partnerships.models import Organisation, ReminderKind, ReviewStatus, Role

TEMPLATES = "partnerships/email/"


def _absolute(path_function, *args, **kwargs) -> str:
    return absolute_url(path_function(*args, **kwargs))


# `link(reverse, "app:view", kwargs=...)` is worked out when the mail is rendered, so its path
# carries the recipient's language (/da/, /en/); then made absolute on SITE_URL.
link = lazy(_absolute, str)


def _dashboard_link(organisation: Organisation):
    return link(reverse, "partnerships:dashboard", kwargs={"pk": organisation.pk})


def organisation_language(organisation: Organisation) -> str:
    admin = (
        organisation.memberships.filter(role=Role.ADMIN).select_related("user").order_by("pk")
    ).first()
    return recipient_language(admin.user if admin else None)


def organisation_recipients(organisation: Organisation) -> list:
    """The administrators (as users, each in their language) and the contact address, unless
    it is also an administrator's."""
    admins = [
        m.user
        for m in organisation.memberships.filter(role=Role.ADMIN)
        .select_related("user")
        .order_by("pk")
        if m.user.email
    ]
    taken = {user.email.lower() for user in admins}
    contact = (organisation.contact_email or "").strip()
    extra = [contact] if contact and contact.lower() not in taken else []
    return admins + extra


def _send_to_organisation(organisation: Organisation, kind: str, context: dict) -> None:
    context = {"organisation": organisation, **context}
    contact_language = organisation_language(organisation)
    for recipient in organisation_recipients(organisation):
        # A user's own language decides; the bare contact address reads the organisation's.
        language = contact_language if isinstance(recipient, str) else None
        send_to(recipient, TEMPLATES + kind, context, language=language)


def send_registered(organisation: Organisation) -> None:
    _send_to_organisation(organisation, "registered", {"url": _dashboard_link(organisation)})


def send_review_result(organisation: Organisation) -> None:
    approved = organisation.status == ReviewStatus.APPROVED
    _send_to_organisation(
        organisation,
        "approved" if approved else "rejected",
        {
            "url": _dashboard_link(organisation),
            "public_url": link(organisation.get_absolute_url),
        },
    )


def send_invitation(invitation) -> None:
    organisation = invitation.organisation
    send_to(
        invitation.email,
        TEMPLATES + "invitation",
        {
            "invitation": invitation,
            "organisation": organisation,
            "url": link(reverse, "partnerships:invitation", kwargs={"token": invitation.token}),
        },
        language=organisation_language(organisation),
    )


def send_withdrawn(pledge) -> None:
    organisation = pledge.organisation
    _send_to_organisation(
        organisation, "withdrawn", {"pledge": pledge, "url": _dashboard_link(organisation)}
    )


def send_report_reminder(pledge, year: int, kind: str) -> None:
    organisation = pledge.organisation
    _send_to_organisation(
        organisation,
        "reminder_overdue" if kind == ReminderKind.OVERDUE else "reminder_due",
        {
            "pledge": pledge,
            "year": year,
            "due": pledge.due_date(year),
            "url": link(reverse, "partnerships:report", kwargs={"pk": organisation.pk}),
        },
    )


def send_contact_handed_over(organisation: Organisation, user) -> None:
    """To the member who became the contact person when the previous one deleted their
    account (partnerships.privacy)."""
    send_to(
        user,
        TEMPLATES + "contact_handed_over",
        {"organisation": organisation, "url": _dashboard_link(organisation)},
    )


def send_needs_new_contact(organisation: Organisation) -> None:
    """To the city's reviewers: the organisation's last member deleted their account, so it
    waits in the review queue with nobody to manage it (partnerships.privacy)."""
    from accounts.models import User

    reviewers = (
        User.objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__codename="review_organisation")
            | Q(groups__permissions__codename="review_organisation")
        )
        .distinct()
        .order_by("pk")
    )
    url = link(reverse, "partnerships_admin:review", kwargs={"pk": organisation.pk})
    for reviewer in reviewers:
        send_to(
            reviewer,
            TEMPLATES + "needs_new_contact",
            {"organisation": organisation, "url": url},
        )
