"""Telling an author what the moderators did: a notice on the site and an e-mail, both in the
author's language, with the reason and how to ask for a second look."""

from django.conf import settings

from accounts.models import Notification, User
from core.email import in_language_of, send_to
from core.links import page_url
from dialogue.services.words import moderation_settings


def _comment_link(comment) -> str:
    if comment is None:
        return ""
    url = page_url(comment.debate)
    return f"{url}#comment-{comment.pk}" if url else ""


def notify_author(*, user: User | None, kind: str, context: dict) -> Notification | None:
    """`kind` names the templates dialogue/email/<kind>_subject.txt and <kind>_body.txt. The
    notice is saved with the caller's transaction; the e-mail (core.email.send_to) leaves after
    commit, with the moderators' review address to reply to."""
    if user is None or not user.is_active:
        return None
    review_email = moderation_settings().review_email
    with in_language_of(user):
        link = _comment_link(context.get("comment"))
    message = send_to(
        user,
        f"dialogue/email/{kind}",
        {**context, "user": user, "review_email": review_email, "link": link},
        reply_to=[review_email] if review_email else None,
    )
    if message is None:  # no address to write to: nothing to keep a copy of either
        return None
    subject = message.subject.removeprefix(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX)
    return Notification.objects.create(
        user=user, kind=kind, subject=subject, body=message.body.strip(), link=link
    )
