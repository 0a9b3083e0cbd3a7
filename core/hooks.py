"""The extension points a lower layer offers the apps above it (DESIGN.md, "Layers").

Imports point down only, so `accounts` and `home` never import a feature app. Where they need
something from one, they ask every app through a Wagtail hook, and the feature app registers a
function in its `wagtail_hooks.py` with `@hooks.register(<name>)`. Each name below says what the
function receives and returns.
"""

from wagtail import hooks

DATA_EXPORT = "bdib_data_export"
"""fn(user) -> dict: the sections an app holds about one person, merged into the data export
(GDPR articles 15 and 20). Keys must be unique across apps."""

ACCOUNT_BLOCKED = "bdib_account_blocked"
"""fn(user, reason) -> None, called after the block has committed: close what the person has
open (their debate sockets, for one)."""

ACCOUNT_DELETING = "bdib_account_deleting"
"""fn(user) -> None, called inside the deletion's transaction before the row goes: anonymise
or hand over what must outlive the account."""

SITE_SEARCH = "bdib_site_search"
"""fn(query: str, limit: int) -> dict | None: one group of site-search results that are not
pages, as {"label": str, "results": [objects with get_absolute_url()]}."""

HOME_SECTIONS = "bdib_home_sections"
"""fn(request, page) -> str | None: HTML for a section on the home page, the policy page, a
focus-area, goal or lighthouse-project page, the event listing or an event page (`page` is the
page being shown), or None to add nothing there."""

TAKE_PART = "bdib_take_part"
"""fn(request) -> dict | None: one way to take part, for the "How to take part" page (home):
{"order": int, "heading": str, "steps": [str, ...], "url": str, "link": str}, optionally with
a second link as "more_url" and "more_link", written in the active language, or None when the
app has nothing to offer right now."""

DEMO_CONTENT = "bdib_demo_content"
"""fn() -> (order: int, command: str): a management command that loads an app's example content
for `make run` (`load_content --demo`), run in ascending order after the policy."""

HEALTHZ_DETAILS = "bdib_healthz_details"
"""fn() -> dict: extra sections of `/healthz` JSON (core registers the live fan-out counters).
config/health.py asks for it by this name (config imports no project package)."""

PARTNER_ORGANISATIONS = "bdib_partner_organisations"
"""fn(user) -> QuerySet: the approved partner organisations the person acts for. Registered by
partnerships; asked by the role layer (accounts.rules.is_partner, partner_organisations), so no
other app needs to know where partners live."""

WEBSOCKET_URLS = "bdib_websocket_urls"
"""fn() -> list of URL patterns (channels routes under /ws/) that config.asgi serves behind the
origin check and the session authentication. config/asgi.py asks for it by this name (config
imports no project package)."""


def run_hooks(name: str, *args, **kwargs) -> list:
    """Calls every function registered under `name`, in registration order, and returns
    their answers."""
    return [fn(*args, **kwargs) for fn in hooks.get_hooks(name)]
