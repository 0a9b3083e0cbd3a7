from django.conf import settings
from django.utils.translation import get_language, get_language_bidi


def site_shell(request):
    """What the base layout needs on every page: language and direction. The direction is
    Django's own answer (`LANGUAGES_BIDI`: ar, fa, ur... are right-to-left)."""
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "html_lang": language,
        "html_dir": "rtl" if get_language_bidi() else "ltr",
    }
