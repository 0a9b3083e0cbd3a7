"""A page may not take an address the site's own views answer.

Wagtail serves a page only for paths no URL pattern before it matches (config/urls.py): a page
an editor called "soeg" under the home page would be published at /da/soeg/, where the site
search answers, and could never be opened. Such a slug counts as taken. Wagtail asks one
function whether a slug is free (`Page._slug_is_available`: the page form, moving pages, copies,
translations' generated slugs and every save), so wrapping it once (from CoreConfig.ready) makes
every page type and every path obey the rule; a slug made from a title then gets Wagtail's "-1".
The page form says which address is taken and by what, instead of Wagtail's "already in use
within the parent page".
"""

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import Page


def address_of(slug: str, parent_page, language: str | None = None) -> str | None:
    """The path a child of `parent_page` with `slug` is served at (/da/soeg/), or None outside
    a site's tree (a home page is served at the language's root). No query: the path below the
    home page is the parent's `url_path` without its first part."""
    if parent_page is None or parent_page.depth < 2:
        return None
    below_home = "/".join(parent_page.url_path.split("/")[2:])
    return f"/{language or settings.LANGUAGE_CODE}/{below_home}{slug}/"


def view_answering(path: str) -> str | None:
    """The name of the site's own view that answers `path` before Wagtail would, or None. The
    site's patterns are the same under every language prefix (config/urls.py)."""
    with translation.override(path.split("/")[1]):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    if match.url_name == "wagtail_serve":  # Wagtail's own (core/page_urls.py)
        return None
    return match.view_name or match._func_path


def taken_address(slug: str, parent_page) -> tuple[str, str] | None:
    """(address, view) when a page with `slug` below `parent_page` would never be served."""
    address = address_of(slug, parent_page)
    view = view_answering(address) if slug and address else None
    if view is None:
        return None
    return address_of(slug, parent_page, parent_page.locale.language_code), view


_wagtail_slug_is_available = Page._slug_is_available


def _slug_is_available(slug, parent_page, page=None):
    if not _wagtail_slug_is_available(slug, parent_page, page):
        return False
    return taken_address(slug, parent_page) is None


_wagtail_page_form_clean = WagtailAdminPageForm.clean


def _page_form_clean(self):
    slug = self.cleaned_data.get("slug")  # Wagtail's check takes a refused slug out
    cleaned_data = _wagtail_page_form_clean(self)
    taken = taken_address(slug, self.parent_page) if "slug" in self.errors else None
    if taken is not None:
        address, view = taken
        message = gettext(
            "The address %(address)s belongs to the site itself (%(view)s), so a page there "
            "could never be opened. Choose another slug."
        ) % {"address": address, "view": view}
        self.errors["slug"] = self.error_class([message])
    return cleaned_data


def install_reserved_address_check() -> None:
    if Page._slug_is_available is not _slug_is_available:
        Page._slug_is_available = staticmethod(_slug_is_available)
        WagtailAdminPageForm.clean = _page_form_clean
