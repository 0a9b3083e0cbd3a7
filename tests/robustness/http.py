"""Sending fuzzed requests and judging the answers: never a 5xx, never an ERROR in the log, and a
form that comes back shows what was typed."""

import re
from contextlib import contextmanager
from urllib.parse import urlsplit

from django.db import transaction

from tests.robustness import corpus, crawl

TEXT_INPUTS = {"text", "textarea", "email", "url", "search", "tel", "number"}
# The values tried one field at a time: each broke something once.
KEY_VECTORS = corpus.KEY_VECTORS[:5]


@contextmanager
def rolled_back():
    """Whatever a fuzzed form changes (a deleted account, a withdrawn pledge) is undone before
    the next one, so each form meets the same world."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def rotate(fields: list[str], values: list[str], request_number: int) -> dict[str, str]:
    """Request i puts a different value in each field; over the requests every field meets a
    different slice of the values."""
    start = request_number * max(len(fields), 1)
    return {f: values[(start + j) % len(values)] for j, f in enumerate(fields)}


def same_form(form: crawl.Form, other: crawl.Form, sent: dict) -> bool:
    """The same form on the page that came back: same address and fields, and the same hidden
    values (one page may hold several forms that differ only in a hidden "action")."""
    if urlsplit(other.action).path != urlsplit(form.action).path:
        return False
    if not set(form.fields) <= set(other.fields):
        return False
    return all(
        other.fields.get(name) == value
        for name, value in form.fields.items()
        if form.kinds.get(name) == "hidden" and name not in sent and "csrf" not in name
    )


def normalised(path: str) -> str:
    return re.sub(r"\d+", "N", path)


class Judge:
    """Collects what went wrong across many requests, so one run reports all of it."""

    def __init__(self, error_log):
        self.error_log = error_log
        self.problems: list[str] = []
        self.cases = 0

    def response(self, label: str, response, sent: dict, cases: int = 1):
        self.cases += cases
        if response.status_code >= 500:
            self.problems.append(f"{response.status_code} {label} {_short(sent)}")
        if self.error_log.records:
            self.problems.append(f"ERROR logged: {label} {_short(sent)}: {self.error_log.lines()}")
            self.error_log.records.clear()

    def kept(self, label: str, form: crawl.Form, response, sent: dict):
        """A refused form comes back filled in with what was typed."""
        if response.status_code in (301, 302, 303) or "html" not in response.get(
            "Content-Type", ""
        ):
            return
        if any(form.kinds.get(name) == "hidden" for name in sent):
            return  # a tampered hidden field (no person types one) may name no form at all
        page = crawl.parse(response.content.decode("utf-8", "replace"), form.action)
        again = next((f for f in page.forms if same_form(form, f, sent)), None)
        if again is None:
            return
        for name, typed in sent.items():
            kind = form.kinds.get(name)
            if kind not in TEXT_INPUTS or "\r" in typed or corpus.refused_as_typed(typed):
                continue
            shown = again.fields.get(name)
            if shown is not None and shown != typed and shown.strip() != typed.strip():
                self.problems.append(f"lost what was typed: {label} {name}={typed[:60]!r}")

    def refused(self, label: str, response, name: str, typed: str):
        """NUL in a text field is refused with a message, not stored."""
        if response.status_code in (301, 302, 303):
            self.problems.append(f"accepted a NUL: {label} {name}")


def _short(sent: dict) -> str:
    return str({k: v[:40] for k, v in sent.items()})[:300]
