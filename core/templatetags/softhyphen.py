"""`{{ title|softhyphen }}`: long Danish compounds break at a sensible point (core.hyphenation)."""

import re

from django import template
from django.utils.safestring import SafeData, mark_safe

from core.hyphenation import soft_hyphenate

register = template.Library()

_TAGS = re.compile(r"(<[^>]*>)")


@register.filter(name="softhyphen")
def softhyphen(value):
    """Plain text comes back as plain text (autoescape still applies); safe HTML stays safe,
    with only the text between its tags touched. A soft hyphen is never markup."""
    if not value:
        return value
    if isinstance(value, SafeData):
        parts = _TAGS.split(str(value))
        return mark_safe("".join(p if p.startswith("<") else soft_hyphenate(p) for p in parts))  # noqa: S308
    return soft_hyphenate(str(value))
