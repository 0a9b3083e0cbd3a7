"""Telling an author what the moderators did: a notice on the site and an e-mail, both in the
author's language, with the reason and how to ask for a second look."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import override

from accounts.models import Notification, User
from dialogue.moderation.words import moderation_settings

log = logging.getLogger(__name__)


def _comment_link(comment) -> str:
    """An absolute address on WAGTAILADMIN_BASE_URL: the Site record may still say localhost."""
    if comment is None:
        return ""
    url = comment.debate.get_url() or ""
    if url.startswith("/"):
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return f"{url}#comment-{comment.pk}" if url else ""


def _send(message: EmailMessage) -> None:
    try:
        message.send()
    except Exception:  # the notice on the site still stands; the mail server is not our record
        log.exception("Could not send a moderation e-mail to %s", message.to)


def notify_author(*, user: User | None, kind: str, context: dict) -> Notification | None:
    """`kind` names the templates dialogue/email/<kind>_subject.txt and <kind>_body.txt.
    The notice is saved with the caller's transaction; the e-mail leaves after commit."""
    if user is None or not user.is_active:
        return None
    review_email = moderation_settings().review_email
    comment = context.get("comment")
    context = {
        **context,
        "user": user,
        "review_email": review_email,
        "link": _comment_link(comment),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    language = user.preferred_language or settings.LANGUAGE_CODE
    with override(language):
        subject = " ".join(render_to_string(f"dialogue/email/{kind}_subject.txt", context).split())
        body = render_to_string(f"dialogue/email/{kind}_body.txt", context).strip()
    notification = Notification.objects.create(
        user=user, kind=kind, subject=subject, body=body, link=context["link"]
    )
    message = EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
        body=body,
        to=[user.email],
        reply_to=[review_email] if review_email else None,
    )
    transaction.on_commit(lambda: _send(message))
    return notification
