"""Logs without personal data or secrets (issue 11, "must hold" 6).

Every log handler of the project (Django's and uvicorn's, see LOGGING in settings/base.py)
passes its records through `RedactingFilter` before writing, so whatever a logger was given,
the line that reaches the log has:

- no e-mail address (an SMTP error or a library's message can carry one);
- no secret from a URL: the path segments that a route takes as a key or token (allauth's
  e-mail confirmation and password-reset keys, invitation tokens; found by resolving the path,
  so a new route with a `key` or `token` argument is covered without a list), any segment that
  looks like a generated secret, and the values of the query string (search words, `next`
  addresses) except short numbers such as `?page=2`;
- for a refused request (4xx: a 403, a bad host), one line: no traceback.

Display names and comment text are not redacted here: nothing in the project logs them, and a
test follows a whole journey through a real server to keep it so (tests/accounts/test_logs.py).
"""

import logging
import re
from urllib.parse import parse_qsl, unquote, urlencode

REDACTED = "[redacted]"
EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# A path as it appears in a log line: from a slash to the first space or quote.
PATH = re.compile(r"(?<![\w:/])(/[^\s\"'<>]*)")
# URL arguments that carry a secret, whatever the route.
SECRET_KWARGS = {"key", "token", "uidb36", "uidb64", "code"}
# A generated secret: long, and either mixing upper case, lower case and digits, or holding
# the separators of Django's signed values. Slugs ("faellesspisning-2026") are lower case.
LONG_SEGMENT = re.compile(r"^[A-Za-z0-9_\-:.=]{20,}$")


def _looks_secret(segment: str) -> bool:
    if not LONG_SEGMENT.match(segment):
        return False
    if ":" in segment:
        return True
    classes = sum(bool(re.search(pattern, segment)) for pattern in (r"[a-z]", r"[A-Z]", r"[0-9]"))
    return classes == 3


def _secret_values(path: str) -> list[str]:
    """The values the route for `path` takes as secrets, found by resolving it (in the
    language its prefix names, as i18n_patterns only match the active one)."""
    try:
        from django.conf import settings
        from django.urls import Resolver404, resolve
        from django.utils import translation
    except ImportError:  # pragma: no cover - Django is always there
        return []
    try:
        if not settings.configured:
            return []
        first = path.strip("/").split("/", 1)[0]
        language = first if first in {code for code, _name in settings.LANGUAGES} else None
        with translation.override(language or settings.LANGUAGE_CODE):
            match = resolve(path)
    except (Resolver404, Exception):  # a log line must never fail on a path
        return []
    return [str(value) for name, value in match.kwargs.items() if name in SECRET_KWARGS and value]


def redact_path(path: str) -> str:
    """`/da/konto/confirm-email/MQ:1v.../` as `/da/konto/confirm-email/[redacted]/`."""
    path, question, query = path.partition("?")
    # uvicorn logs the path as sent, percent-encoded ("MQ%3A1x..."); the route sees it decoded.
    secrets = _secret_values(unquote(path))
    segments = []
    for segment in path.split("/"):
        plain = unquote(segment)
        if plain and (
            _looks_secret(plain) or any(secret and secret in plain for secret in secrets)
        ):
            segment = REDACTED
        segments.append(segment)
    path = "/".join(segments)
    if question:
        pairs = [
            (name, value if value.isdigit() and len(value) <= 6 else REDACTED)
            for name, value in parse_qsl(query, keep_blank_values=True)
        ]
        path += "?" + urlencode(pairs, safe="[]")
    return path


def redact(text: str) -> str:
    text = EMAIL.sub("[e-mail]", text)
    return PATH.sub(lambda match: redact_path(match.group(1)), text)


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and the request line of uvicorn's access log) before a
    handler formats it; refused requests lose their traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if record.name.startswith(("django.request", "django.security")) and (
            status is None or 400 <= int(status) < 500
        ):
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        if record.name == "uvicorn.access" and isinstance(record.args, tuple):
            # (client, method, path, http version, status): uvicorn's AccessFormatter reads them.
            record.args = tuple(
                redact_path(arg) if index == 2 and isinstance(arg, str) else arg
                for index, arg in enumerate(record.args)
            )
            return True
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the logger's problem; keep it as it came
            return True
        record.msg = redact(message)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


def configure(logging_settings: dict) -> None:
    """settings.LOGGING_CONFIG: Django's dictConfig, then the filter on every handler there is,
    uvicorn's included (uvicorn configured its own before it imported the project; its
    `--no-access-log` is kept, as only existing handlers get the filter)."""
    import logging.config

    if logging_settings:
        logging.config.dictConfig(logging_settings)
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(RedactingFilter())
