"""One way to send a person an e-mail (adhocracy4 `emails/base.py`).

`send_to(...)` renders `<prefix>_subject.txt` and `<prefix>_body.txt` in the recipient's language
and sends the message after the surrounding transaction commits, so nobody is told about a
write that was rolled back. A mail server that is down is logged (without the address) and
never undoes what the person did."""

import logging
from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from core.links import absolute_url, site_url
from core.locales import reading

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes | str | Callable[[], bytes | str]  # a function is called in the language
    mimetype: str


def recipient_language(recipient, language: str | None = None) -> str:
    """The language asked for, else the person's preferred one, else the site's default."""
    codes = {code for code, _name in settings.LANGUAGES}
    for candidate in (language, getattr(recipient, "preferred_language", None)):
        if candidate in codes:
            return candidate
    return settings.LANGUAGE_CODE


@contextmanager
def in_language_of(recipient, language: str | None = None):
    """Inside: the recipient's language is active, and page links made here lead to pages in
    it (core/locales.py), as if the recipient were reading the site."""
    code = recipient_language(recipient, language)
    with translation.override(code), reading(code):
        yield code


def _address(recipient) -> str:
    return recipient if isinstance(recipient, str) else (getattr(recipient, "email", "") or "")


def render_message(
    recipient,
    template_prefix: str,
    context: dict,
    *,
    attachments: Sequence[Attachment] = (),
    language: str | None = None,
    reply_to: Iterable[str] | None = None,
) -> EmailMessage | None:
    """The message as it will be sent, or None when the recipient has no address."""
    address = _address(recipient)
    if not address:
        return None
    with in_language_of(recipient, language):
        context = {
            "recipient": recipient,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "site_url": site_url(),
            "absolute_url": absolute_url,
            **context,
        }
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        body = render_to_string(f"{template_prefix}_body.txt", context).strip() + "\n"
        message = EmailMessage(
            subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject}",
            body=body,
            to=[address],
            reply_to=list(reply_to) if reply_to else None,
        )
        for attachment in attachments:
            content = attachment.content
            message.attach(
                attachment.filename,
                content() if callable(content) else content,
                attachment.mimetype,
            )
    return message


def _send(
    message: EmailMessage, template_prefix: str, send_if: Callable[[], bool] | None = None
) -> None:
    try:
        if send_if is not None and not send_if():
            return
        message.send()
    except Exception:  # the write stands; the mail server is not our record
        log.exception("e-mail: could not send %s", template_prefix)


def send_to(
    recipient,
    template_prefix: str,
    context: dict,
    attachments: Sequence[Attachment] = (),
    language: str | None = None,
    reply_to: Iterable[str] | None = None,
    send_if: Callable[[], bool] | None = None,
) -> EmailMessage | None:
    """Renders now, sends after commit. `recipient` is a User (its preferred language decides)
    or an address (then `language`, or the site's default). Returns the message, or None when
    there is nobody to send to. `send_if`, asked after commit, can hold back a message whose
    news no longer holds (a place given and taken back in the same transaction)."""
    message = render_message(
        recipient,
        template_prefix,
        context,
        attachments=attachments,
        language=language,
        reply_to=reply_to,
    )
    if message is not None:
        transaction.on_commit(lambda: _send(message, template_prefix, send_if))
    return message
