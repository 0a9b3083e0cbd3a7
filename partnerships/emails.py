"""The e-mails the partnership register sends. Sent after the write has committed; a mail
server that is down is logged and does not undo what the user did."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from partnerships.models import Organisation, Role

logger = logging.getLogger(__name__)


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def organisation_recipients(organisation: Organisation) -> list[str]:
    emails = [organisation.contact_email]
    admins = organisation.memberships.filter(role=Role.ADMIN).select_related("user")
    emails += [m.user.email for m in admins]
    return sorted({e.lower() for e in emails if e})


def organisation_language(organisation: Organisation) -> str:
    admin = organisation.memberships.filter(role=Role.ADMIN).select_related("user").first()
    language = admin.user.preferred_language if admin else ""
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def _send(subject: str, template: str, context: dict, to: list[str]) -> None:
    if not to:
        return
    body = render_to_string(f"partnerships/email/{template}.txt", context)
    try:
        send_mail(
            settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            to,
        )
    except Exception:
        logger.exception("Could not send the %s e-mail to %s", template, to)


def _dashboard_url(organisation: Organisation) -> str:
    return absolute(reverse("partnerships:dashboard", kwargs={"pk": organisation.pk}))


def send_registered(organisation: Organisation) -> None:
    with translation.override(organisation_language(organisation)):
        _send(
            _("We have received your registration"),
            "registered",
            {"organisation": organisation, "url": _dashboard_url(organisation)},
            organisation_recipients(organisation),
        )


def send_review_result(organisation: Organisation) -> None:
    with translation.override(organisation_language(organisation)):
        approved = organisation.status == "approved"
        subject = (
            _("Your organisation is approved as a partner")
            if approved
            else _("Your registration as a partner was not approved")
        )
        _send(
            subject,
            "approved" if approved else "rejected",
            {
                "organisation": organisation,
                "url": _dashboard_url(organisation),
                "public_url": absolute(organisation.get_absolute_url()),
            },
            organisation_recipients(organisation),
        )


def send_invitation(invitation) -> None:
    url = absolute(reverse("partnerships:invitation", kwargs={"token": invitation.token}))
    with translation.override(organisation_language(invitation.organisation)):
        _send(
            _("You are invited to join %(name)s") % {"name": invitation.organisation.name},
            "invitation",
            {"invitation": invitation, "organisation": invitation.organisation, "url": url},
            [invitation.email],
        )


def send_withdrawn(pledge) -> None:
    organisation = pledge.organisation
    with translation.override(organisation_language(organisation)):
        _send(
            _("Your pledge is withdrawn"),
            "withdrawn",
            {"organisation": organisation, "pledge": pledge, "url": _dashboard_url(organisation)},
            organisation_recipients(organisation),
        )


def send_report_reminder(pledge, year: int, kind: str) -> None:
    organisation = pledge.organisation
    url = absolute(reverse("partnerships:report", kwargs={"pk": organisation.pk}))
    with translation.override(organisation_language(organisation)):
        subject = (
            _("Your yearly partner report is overdue")
            if kind == "overdue"
            else _("It is time for your yearly partner report")
        )
        _send(
            subject,
            f"reminder_{kind}",
            {
                "organisation": organisation,
                "pledge": pledge,
                "year": year,
                "due": pledge.due_date(year),
                "url": url,
            },
            organisation_recipients(organisation),
        )
