"""One way for a service to say no, and one way for views and sockets to pass it on.

Every app's services raise `ServiceError`; a view turns it into a form error with `add_to_form`
(and answers with `error.page_status`), the socket and JSON endpoints with `error.as_dict()`.
Modelled on HackSoft's `ApplicationError`, with a code for programs and a message for people.
"""

from collections.abc import Mapping, Sequence

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import JsonResponse


class ServiceError(Exception):
    """A rule said no. `code` is for programs, `message` for people (already translated),
    `status` the HTTP status that fits. `fields` holds messages that belong to one form field."""

    def __init__(
        self,
        code: str,
        message: str = "",
        status: int = 400,
        *,
        fields: Mapping[str, Sequence[str]] | None = None,
    ):
        self.code = code
        self.fields = {name: [str(m) for m in msgs] for name, msgs in (fields or {}).items()}
        self.message = str(message) if message else " ".join(self.all_messages())
        self.status = status
        super().__init__(self.message)

    def all_messages(self) -> list[str]:
        return [m for msgs in self.fields.values() for m in msgs]

    @property
    def page_status(self) -> int:
        """An HTML page cannot answer 401 without a WWW-Authenticate challenge: 403 instead."""
        return 403 if self.status == 401 else self.status

    def as_dict(self) -> dict:
        data = {"type": "error", "code": self.code, "message": self.message}
        if self.fields:
            data["fields"] = self.fields
        return data

    @classmethod
    def from_validation_error(
        cls, error: ValidationError, *, code: str = "invalid", status: int = 400
    ) -> "ServiceError":
        """A model's `full_clean()` said no: keep each message on its field."""
        if hasattr(error, "error_dict"):
            fields = {
                (None if name == NON_FIELD_ERRORS else name): messages
                for name, messages in error.message_dict.items()
            }
            general = fields.pop(None, [])
            first_code = next(
                (e.code for errors in error.error_dict.values() for e in errors if e.code), None
            )
            return cls(first_code or code, " ".join(general), status, fields=fields)
        first_code = next((e.code for e in error.error_list if e.code), None)
        return cls(first_code or code, " ".join(error.messages), status)


def add_to_form(form, error: ServiceError) -> None:
    """The error onto the form: each field message on its field when the form has it, the rest
    at the top. Nothing the user typed is lost, since the bound form is shown again."""
    for name, messages in error.fields.items():
        target = name if name in form.fields else None
        for message in messages:
            form.add_error(target, message)
    if (error.message and error.message not in error.all_messages()) or not error.fields:
        form.add_error(None, error.message)


def json_error(error: ServiceError) -> JsonResponse:
    return JsonResponse(error.as_dict(), status=error.status)
