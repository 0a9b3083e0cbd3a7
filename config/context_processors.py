from django.conf import settings
from django.utils.translation import get_language, get_language_info


def site_shell(request):
    """What the base layout needs on every page: language, direction and the main menu."""
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "html_lang": language,
        "html_dir": "rtl" if get_language_info(language)["bidi"] else "ltr",
    }
