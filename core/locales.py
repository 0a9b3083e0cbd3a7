"""The language a request is served in, and links that keep the reader in it.

Every UI language in settings.LANGUAGES has its own URL prefix, but not every page exists in
every language. The rule (README, "Languages: no dead ends"):

- a link to a page, made while a reader reads in language L, goes to the page's translation
  in L when that is live;
- else to the Danish (default-language) page served under /L/ (home.models.HomePage.route
  falls back to the Danish tree), where a note in L says it is not translated yet and the
  Danish parts carry lang="da";
- only a page with neither stays at its own address.

The reader's language is a context variable, set by `ReaderLanguageMiddleware` for every
language-prefixed request and by the e-mail path for the recipient; without it (the API, a
command) a page links to its own address, as Wagtail does. Wagtail's `Page.get_url_parts` is
wrapped once (`install_localized_urls`, from CoreConfig.ready), so `page.url`, `{% pageurl %}`,
`get_url()` and `full_url` all follow the rule without every page model repeating it.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_from_path, get_language_info
from wagtail.models import Locale, Page

from core import pagecache


@dataclass
class _Reading:
    language: str
    translations: dict = field(default_factory=dict)  # (translation_key, code) -> Page | None


_reading: ContextVar[_Reading | None] = ContextVar("reader_language", default=None)


def active_locale(*, fallback: bool = True) -> Locale | None:
    """The locale of the active language. When no locale has that language (a UI language the
    content is not translated into), the default locale, or None with `fallback=False`."""
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default() if fallback else None


def default_locale_page(model):
    """The first live page of `model` in the default (Danish) locale, or None. Its links follow
    the reader's language like every page link (see above)."""
    return model.objects.live().filter(locale=Locale.get_default()).first()


def default_language() -> str:
    return settings.LANGUAGE_CODE


def ui_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def direction(language: str) -> str:
    try:
        return "rtl" if get_language_info(language)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def reader_language() -> str | None:
    """The language the reader reads in (a request's prefix, an e-mail's recipient), or None."""
    state = _reading.get()
    return state.language if state else None


@contextmanager
def reading(language: str | None):
    """Links made inside follow the reader in `language` (None: pages keep their own address)."""
    token = _reading.set(_Reading(language) if language in ui_languages() else None)
    try:
        yield
    finally:
        _reading.reset(token)


def language_of(page) -> str:
    """The language a page is written in (the locales' codes are read once per process, until a
    locale or page changes: core.pagecache.remember)."""
    if "locale" in page._state.fields_cache:
        return page.locale.language_code
    code = pagecache.remember("locale-codes", _locale_codes).get(page.locale_id)
    return code if code is not None else page.locale.language_code


def _locale_codes() -> dict[int, str]:
    return dict(Locale.objects.values_list("id", "language_code"))


def _translation(page, language: str):
    """The page's live translation in `language` (the page itself when it is in it), or None."""
    if language_of(page) == language:
        return page
    state = _reading.get()
    key = (page.translation_key, language)
    if state is not None and key in state.translations:
        return state.translations[key]
    found = (
        Page.objects.live()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )
    if state is not None:
        state.translations[key] = found
    return found


def localized_page(page, language: str | None = None):
    """What a reader in `language` is shown for `page`: its translation in that language, else
    its Danish version (shown under the reader's prefix), else the page itself."""
    language = language or reader_language() or translation.get_language()
    return _translation(page, language) or _translation(page, default_language()) or page


_wagtail_get_url_parts = Page.get_url_parts


def _localized_get_url_parts(self, request=None):
    language = reader_language()
    if not language or language_of(self) == language:
        return _wagtail_get_url_parts(self, request)
    target = localized_page(self, language)
    parts = _wagtail_get_url_parts(target, request)
    target_language = language_of(target)
    if target_language == language or not parts or parts[2] is None:
        return parts
    site_id, root_url, path = parts
    prefix = f"/{target_language}/"
    if target_language == default_language() and path.startswith(prefix):
        # The Danish page under the reader's prefix: served there as the fallback.
        path = f"/{language}/" + path[len(prefix) :]
    return site_id, root_url, path


def install_localized_urls() -> None:
    if Page.get_url_parts is not _localized_get_url_parts:
        Page.get_url_parts = _localized_get_url_parts


def _no_danish_fallback(self, localedirs=None):
    """Django fills a gap in a non-default language's catalogue from the default language's,
    so an Arabic page showed Django's new password-length message in Danish. A gap shows the
    English source instead: the string is then at least the one the code was written in, and
    the catalogue test (langs) names the gap."""
    return None


def install_source_fallback() -> None:
    from django.utils.translation import trans_real

    trans_real.DjangoTranslation._add_fallback = _no_danish_fallback


def is_fallback(page) -> bool:
    """A page shown in a language it is not written in (the Danish page under /ar/ …)."""
    language = reader_language() or translation.get_language()
    return isinstance(page, Page) and language_of(page) != language


def one_per_translation(queryset, language: str | None = None):
    """Each page of `queryset` once, whatever language it exists in: its version in `language`
    when there is one, else the Danish one, else the first. So a debate or event written in one
    language is listed in every other, never hidden."""
    language = language or reader_language() or translation.get_language()
    default = default_language()
    chosen: dict = {}
    rows = queryset.order_by().values_list("pk", "translation_key", "locale__language_code")
    for pk, key, code in rows:
        rank = 0 if code == language else 1 if code == default else 2
        if (
            key not in chosen
            or rank < chosen[key][0]
            or (rank == chosen[key][0] and pk < chosen[key][1])
        ):
            chosen[key] = (rank, pk)
    return queryset.filter(pk__in=[pk for _rank, pk in chosen.values()])


def children_in_every_language(parent, model):
    """The live children of `parent` and of each of its translations: an index page in one
    language lists what was written under its translations too."""
    parents = Page.objects.filter(translation_key=parent.translation_key)
    paths = list(parents.values_list("path", flat=True))
    qs = model.objects.none()
    for path in paths:
        qs = qs | model.objects.filter(path__startswith=path, depth=parent.depth + 1)
    return qs


class ReaderLanguageMiddleware:
    """After LocaleMiddleware: a request under a language prefix reads in that language, so
    every page link it makes (menus, switcher, redirects after POST) stays in it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with reading(get_language_from_path(request.path_info)):
            return self.get_response(request)
