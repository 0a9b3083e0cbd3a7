"""Absolute links for e-mails, feeds and the API, all from one setting: SITE_URL.

A link in a mail cannot come from the request (there may be none: a worker, a command), nor from
Wagtail's Site record (it says what an editor typed, often "localhost"). `make run` sets SITE_URL
from its HOST and PORT; production sets it to the public address."""

from django.conf import settings


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def absolute_url(path_or_url: str) -> str:
    """`/da/arrangementer/...` → `https://host/da/arrangementer/...`; absolute URLs stay as
    they are, and an empty value stays empty."""
    if not path_or_url:
        return ""
    if "://" in path_or_url:
        return path_or_url
    return site_url() + "/" + path_or_url.lstrip("/")


def page_url(page) -> str:
    """A Wagtail page's address on SITE_URL (its relative URL under the site root)."""
    if page is None:
        return ""
    return absolute_url(page.get_url() or "")
