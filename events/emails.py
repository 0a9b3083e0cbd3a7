"""The e-mails a person gets about their place: confirmed (with the event as .ics), on the
waiting list, and promoted from it (with the .ics).

Each mail is rendered when the registration changes (inside the service's transaction, so it
shows the registration as that change left it) and sent after commit by `core.email.send_to`,
in the person's language, else the event's. A mail whose news no longer holds at commit, such
as "you are on the waiting list" for someone promoted later in the same transaction, is held
back: the person gets the mail about where they ended up."""

from functools import partial

from core.email import Attachment, in_language_of, send_to
from core.links import page_url
from events.calendars import event_calendar
from events.models import Registration, RegistrationStatus

CONFIRMED = "confirmed"
WAITING = "waiting"
PROMOTED = "promoted"

# The status each mail announces; it must still be the registration's status at commit.
ANNOUNCES = {
    CONFIRMED: RegistrationStatus.CONFIRMED,
    WAITING: RegistrationStatus.WAITING,
    PROMOTED: RegistrationStatus.CONFIRMED,
}
WITH_CALENDAR = {CONFIRMED, PROMOTED}


def _still_in(registration_id: int, status: str) -> bool:
    return Registration.objects.filter(pk=registration_id, status=status).exists()


def send_registration_email(*, registration: Registration, kind: str):
    """Renders the `kind` mail about `registration` now and sends it after commit."""
    user, event = registration.user, registration.event
    language = user.preferred_language or event.locale.language_code
    with in_language_of(user, language):
        url = page_url(event)
    attachments = ()
    if kind in WITH_CALENDAR:
        attachments = (
            Attachment("event.ics", partial(event_calendar, event, url=url), "text/calendar"),
        )
    return send_to(
        user,
        f"events/email/{kind}",
        {"user": user, "event": event, "url": url, "registration": registration},
        attachments=attachments,
        language=language,
        send_if=partial(_still_in, registration.pk, ANNOUNCES[kind]),
    )
