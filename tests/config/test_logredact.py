"""Every log line passes config.logredact.RedactingFilter: no address, no secret from a URL,
and a refused request without its traceback."""

import logging

import pytest

from config.logredact import RedactingFilter, redact, redact_path


def _record(name, message, *args, exc=False, **extra):
    exc_info = None
    if exc:
        try:
            raise PermissionError("for somebody@example.org")
        except PermissionError as error:
            exc_info = (type(error), error, error.__traceback__)
    record = logging.LogRecord(name, logging.WARNING, __file__, 1, message, args, exc_info)
    record.__dict__.update(extra)
    return record


def _formatted(record) -> str:
    assert RedactingFilter().filter(record)
    return logging.Formatter("%(message)s").format(record)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/da/konto/confirm-email/MQ%3A1xXqGu%3Arpv4AqG6j_veJa4Sw7rymeNsH7MK/",
            "/da/konto/confirm-email/[redacted]/",
        ),
        (
            "/en/konto/password/reset/key/1-diu4g1-79a7151c3326e2/",
            "/en/konto/password/reset/key/[redacted]/",
        ),
        ("/da/partnerskaber/invitation/short/", "/da/partnerskaber/invitation/[redacted]/"),
        (
            "/da/arrangementer/faellesspisning-paa-noerrebro-2026/",
            "/da/arrangementer/faellesspisning-paa-noerrebro-2026/",
        ),
        ("/da/soeg/?q=Yrsa+Okafor&page=2", "/da/soeg/?q=[redacted]&page=2"),
        ("/da/dialog/5/kommenter/", "/da/dialog/5/kommenter/"),
    ],
)
def test_paths_lose_their_secrets_and_keep_the_rest(db, path, expected):
    assert redact_path(path) == expected


def test_addresses_anywhere_in_a_message_are_replaced():
    assert redact("could not send to yrsa.o+x@privat.example: refused") == (
        "could not send to [e-mail]: refused"
    )


def test_a_refused_request_is_logged_in_one_line(db):
    record = _record(
        "django.request",
        "Forbidden (Permission denied): %s",
        "/da/partnerskaber/invitation/abc/",
        exc=True,
        status_code=403,
    )
    assert (
        _formatted(record)
        == "Forbidden (Permission denied): /da/partnerskaber/invitation/[redacted]/"
    )


def test_a_server_error_keeps_its_traceback_without_addresses(db):
    record = _record(
        "django.request", "Internal Server Error: %s", "/da/", exc=True, status_code=500
    )
    text = _formatted(record)
    assert "Traceback" in text and "PermissionError: for [e-mail]" in text
    assert "somebody@example.org" not in text


def test_uvicorns_access_line_keeps_its_fields_and_loses_the_token(db):
    from uvicorn.logging import AccessFormatter

    record = _record(
        "uvicorn.access",
        '%s - "%s %s HTTP/%s" %d',
        "127.0.0.1:5000",
        "GET",
        "/da/partnerskaber/invitation/Zq8kLr2VbN5xTc7WmP1aHd4sJf6gUe9yRo3iK0lQw-E/",
        "1.1",
        200,
    )
    assert RedactingFilter().filter(record)
    line = AccessFormatter('%(client_addr)s - "%(request_line)s" %(status_code)s').format(record)
    assert line == '127.0.0.1:5000 - "GET /da/partnerskaber/invitation/[redacted]/ HTTP/1.1" 200 OK'
