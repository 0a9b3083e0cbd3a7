"""Telling an author what the moderators did: a notice on the site and an e-mail, both in the
author's language, with the reason and how to ask for a second look.

The notice goes through notifications.services.notify like every other, so the person's
e-mail setting for the group "What the moderators did with my comments" and the rule that
mail goes only to a verified address apply; the mail leaves through the worker."""

from django.conf import settings

from accounts.models import Notification, User
from core.links import page_url
from core.locales import localized_page
from dialogue.services.words import moderation_settings
from notifications.services import notify
from notifications.topics import page_topic


def comment_link(comment) -> str:
    """The comment's place on its debate page (in the language being written in)."""
    if comment is None:
        return ""
    url = page_url(comment.debate)
    return f"{url}#comment-{comment.pk}" if url else ""


def notify_author(*, user: User | None, kind: str, context: dict) -> Notification | None:
    """`kind` names the templates dialogue/email/<kind>_subject.txt and <kind>_body.txt. The
    notice is saved with the caller's transaction; its e-mail, as the person's settings say,
    leaves after commit."""
    if user is None or not user.is_active:
        return None
    comment = context.get("comment")
    created = notify(
        [user],
        kind=kind,
        template=f"dialogue/email/{kind}",
        context={
            **context,
            "user": user,
            "review_email": moderation_settings().review_email,
            "site_name": settings.WAGTAIL_SITE_NAME,
        },
        link=(lambda: comment_link(comment)) if comment is not None else "",
        topic=page_topic(comment.debate) if comment is not None else "",
        topic_title=(lambda: localized_page(comment.debate).title) if comment is not None else "",
    )
    return created[0] if created else None
