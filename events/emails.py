"""The e-mails a person gets about their place: confirmed (with the event as .ics), on the
waiting list, and promoted from it (with the .ics). Sent after the transaction commits."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from events.calendars import event_calendar

SUBJECT_TEMPLATES = {
    "confirmed": "events/email/confirmed_subject.txt",
    "waiting": "events/email/waiting_subject.txt",
    "promoted": "events/email/promoted_subject.txt",
}


def event_url(event) -> str:
    return event.get_full_url() or ""


def send_registration_email(*, registration_id: int, kind: str) -> None:
    from events.models import Registration

    registration = (
        Registration.objects.select_related("user", "event").filter(pk=registration_id).first()
    )
    if registration is None or not registration.user.email:
        return
    user, event = registration.user, registration.event
    language = user.preferred_language or event.locale.language_code or settings.LANGUAGE_CODE
    with translation.override(language):
        url = event_url(event)
        context = {"user": user, "event": event, "url": url, "registration": registration}
        subject = render_to_string(SUBJECT_TEMPLATES[kind], context).strip()
        body = render_to_string(f"events/email/{kind}.txt", context)
        message = EmailMessage(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
            body=body,
            to=[user.email],
        )
        if kind in ("confirmed", "promoted"):
            message.attach("event.ics", event_calendar(event, url=url), "text/calendar")
        message.send()
