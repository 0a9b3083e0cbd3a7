"""The language a request is served in, as Wagtail's `Locale`."""

from wagtail.models import Locale


def active_locale(*, fallback: bool = True) -> Locale | None:
    """The locale of the active language. When no locale has that language (a UI language the
    content is not translated into), the default locale, or None with `fallback=False`."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default() if fallback else None
