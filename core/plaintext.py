"""How resident input is shown: what was typed is what is shown, links work, no markup gets
through (DESIGN.md, "Rules that keep residents safe"). Every app renders plain text with this."""

import nh3
from django.utils.html import escape, urlize
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {"a", "br", "p"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener noreferrer"


def render_plain_text(text: str) -> SafeString:
    """Escape, then link bare URLs, then let nh3 keep only safe links and line breaks."""
    escaped = escape(text or "")
    linked = urlize(escaped, nofollow=False, autoescape=False)
    paragraphs = [p.strip() for p in linked.replace("\r\n", "\n").split("\n\n") if p.strip()]
    html = "".join("<p>" + p.replace("\n", "<br>") + "</p>" for p in paragraphs)
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel=LINK_REL,
    )
    return mark_safe(cleaned)  # noqa: S308 (nh3 has just sanitised it)


def has_unstorable_text(text: str) -> bool:
    """Whether the text holds a NUL or a lone surrogate (half an emoji): neither can be stored
    (PostgreSQL refuses NUL, UTF-8 has no surrogates) nor shown."""
    if "\x00" in text:
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
