"""The accessibility matrix (issue 13, point 1): axe-core with the WCAG 2.1 A/AA rules finds
nothing on every page type in every UI language, nor in the states a user reaches after the
first click, at 375 and 1280 px in Danish and two right-to-left languages (Arabic, Persian).

Page types are enumerated, not listed: every Wagtail page model and every named URL pattern
must be visited here or be in an exclusion list with its reason, so a new one cannot escape.
On every page visited, besides axe, no two elements share an `id` and every form control has an
accessible name (axe skips controls it does not render, such as the reply boxes in closed
`<details>`).

One browser for the module, one context per role, each logged in once (a second context per
role shares that log-in, so two pages load and are checked side by side); each context's one
page is reused for every visit, and axe comes with every load (the context's init script: the
browser compiles it as the page starts, a fifth less time a page than evaluating it after)."""

import json
import re
import time
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import translation
from playwright.sync_api import expect
from wagtail.models import get_page_models

from tests.e2e.conftest import WCAG_TAGS

pytestmark = pytest.mark.browser

LANGUAGES = [code for code, _name in settings.LANGUAGES]
STATE_LANGUAGES = ("da", "ar", "fa")
WIDTHS = (1280, 375)  # the states: as reached, then the same document at phone width
PASSWORD = "e2e-Pass-1234"
PROJECT_APPS = (
    "accountability",
    "accounts",
    "config",
    "core",
    "dialogue",
    "events",
    "home",
    "partnerships",
)
AXE_SCRIPT = (Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js").read_text()

# Who looks at a page: each role is one browser context, logged in once.
ACCOUNTS = {
    "resident": ("a11y-resident@example.org", "resident"),
    "partner": ("a11y-partner@example.org", "resident"),
    "moderator": ("a11y-moderator@example.org", "moderator"),
    "editor": ("a11y-editor@example.org", "editor"),
    # For the states: one writer and one reader per state language, so that no one posts more
    # comments a minute than the rate limit lets a person.
    **{
        f"reader-{code}": (f"a11y-reader-{code}@example.org", "resident")
        for code in STATE_LANGUAGES
    },
    **{
        f"writer-{code}": (f"a11y-writer-{code}@example.org", "resident")
        for code in STATE_LANGUAGES
    },
}
STAFF = {"moderator", "editor"}

# Named URL patterns visited: name -> (role, URL arguments; a string names a key of the demo
# objects the setup script reports, anything else is used as it is).
ROUTES: dict[str, tuple[str, dict]] = {
    # The first five need a recent log-in (allauth's reauthentication, 5 minutes).
    "mfa_activate_totp": ("resident", {}),
    "mfa_deactivate_totp": ("moderator", {}),
    "mfa_view_recovery_codes": ("moderator", {}),
    "mfa_generate_recovery_codes": ("moderator", {}),
    "mfa_index": ("resident", {}),
    "account_login": ("anonymous", {}),
    "account_signup": ("anonymous", {}),
    "account_inactive": ("anonymous", {}),
    "account_email_verification_sent": ("anonymous", {}),
    "account_reset_password": ("anonymous", {}),
    "account_reset_password_done": ("anonymous", {}),
    "account_reset_password_from_key_done": ("anonymous", {}),
    "account_confirm_email": ("anonymous", {"key": Ellipsis}),  # an unknown key: its page
    "account_reset_password_from_key": ("anonymous", {"uidb36": Ellipsis, "key": Ellipsis}),
    "account_logout": ("resident", {}),  # the "Log out?" page; GET does not log out
    "account_reauthenticate": ("resident", {}),
    "account_email": ("resident", {}),
    "account_change_password": ("resident", {}),
    "accounts:profile": ("resident", {}),
    "accounts:delete": ("resident", {}),
    "notifications:list": ("resident", {}),
    "notifications:settings": ("resident", {}),
    "notifications:following": ("resident", {}),
    "notifications:unsubscribe": ("anonymous", {"token": "unsubscribe_token"}),
    "home:take_part": ("anonymous", {}),
    "home:accessibility": ("anonymous", {}),
    "home:privacy": ("anonymous", {}),
    "home:contact": ("anonymous", {}),
    "home:search": ("anonymous", {}),
    "dialogue:thread": ("resident", {"debate_id": "debate_id", "root_id": "comment_id"}),
    "dialogue:comment_edit": ("resident", {"comment_id": "comment_id"}),
    "dialogue:comment_report": ("resident", {"comment_id": "reply_id"}),
    "accountability:annual_cycle": ("anonymous", {}),
    "accountability:activities": ("anonymous", {}),
    "events:submit": ("partner", {}),
    "events:attendees": ("editor", {"pk": "event_id"}),
    "partnerships:register": ("resident", {}),
    "partnerships:mine": ("partner", {}),
    "partnerships:partner": ("anonymous", {"slug": "organisation_slug"}),
    "partnerships:dashboard": ("partner", {"pk": "organisation_id"}),
    "partnerships:edit": ("partner", {"pk": "organisation_id"}),
    "partnerships:pledge": ("partner", {"pk": "pledge_organisation_id"}),
    "partnerships:report": ("partner", {"pk": "organisation_id"}),
    "partnerships:withdraw": ("partner", {"pk": "organisation_id"}),
    "partnerships:invitation": ("resident", {"token": "invitation_token"}),
    # The project's own admin screens.
    "dialogue_moderation:queue": ("moderator", {}),
    "dialogue_moderation:comment": ("moderator", {"comment_id": "comment_id"}),
    "dialogue_moderation:log": ("moderator", {}),
    "dialogue_moderation:debates": ("moderator", {}),
    "dialogue_moderation:debate_state": ("moderator", {"debate_id": "debate_id"}),
    "partnerships_admin:review": ("editor", {"pk": "pending_organisation_id"}),
    "partnerships_admin:overview": ("editor", {}),
    "event_registrations:index": ("editor", {}),
    # Live sessions: the join page, the phone's view, the moderator view, the presenter screen.
    "livesessions:join": ("anonymous", {}),
    "livesessions:participant": ("anonymous", {"code": "live_code"}),
    "livesessions:moderate": ("editor", {"code": "live_code"}),
    "livesessions:screen": ("anonymous", {"key": "live_screen_key"}),
}
REAUTHENTICATE = set(list(ROUTES)[:5])

# Named URL patterns not visited, each with its reason.
EXCLUDED: dict[str, str] = {
    "healthz": "plain-text health check for the load balancer",
    "security_txt": "text/plain (RFC 9116)",
    "was": "redirects to the statement in the WAS tool (home:accessibility is visited)",
    "set_language": "the language switcher's POST endpoint; GET redirects",
    "accounts_admin_login": "redirects to account_login (visited)",
    "accounts_admin_logout": "allauth's logout (account_logout is visited)",
    "accounts_admin_password_reset": "redirects to account_reset_password (visited)",
    "accounts_frontend_login": "redirects to account_login (visited)",
    "wagtailcore_login": "shadowed by accounts_frontend_login (same path, listed first)",
    "wagtailcore_authenticate_with_password": "no page is password-protected (no such setting "
    "is offered to editors' content in the demo data); Wagtail's own form",
    "wagtail_serve": "the page tree: every page model is visited as its own page type",
    "account_request_reauthentication_code": "login by e-mail code is off (404)",
    "account_confirm_reauthentication_code": "login by e-mail code is off (404)",
    "account_confirm_login_code": "login by e-mail code is off (404)",
    "account_set_password": "redirects: every account has a password (account_change_password "
    "is visited)",
    "mfa_authenticate": "only reached in the middle of a log-in: checked when staff log in",
    "mfa_reauthenticate": "redirects unless a reauthentication is pending",
    "mfa_download_recovery_codes": "text/plain download",
    "home:barometer_csv": "CSV (open data)",
    "accountability:activities_csv": "CSV (open data)",
    "accountability:activities_json": "JSON (open data)",
    "accountability:report_json": "JSON (open data)",
    "accountability:report_table_csv": "CSV (open data)",
    "accountability:report_docx": "a Word document (download)",
    "home:barometer_json": "JSON (open data)",
    "events:feed": "iCalendar feed",
    "events:event_ics": "iCalendar file",
    "events:attendees_csv": "CSV download",
    "partnerships_admin:overview_csv": "CSV download",
    "dialogue:comment_list": "an HTML fragment for 'show more' (its comments are checked on the "
    "debate page, which renders them with the same include)",
    "livesessions:qr": "an SVG image (its inline copy is checked on the pages that show it)",
    "livesessions:export": "CSV download",
    "event_registrations:index_results": "the listing's fragment for the admin's filters (its "
    "table is checked on event_registrations:index)",
}


def _excluded_by_rule(name: str, pattern: str, module: str, callback) -> str | None:
    """Whole families of URLs left out, each with its reason."""
    root = module.split(".")[0]
    if getattr(callback, "post_only", False):
        return "POST only (core.http.post_only): a GET redirects to the page the form is on"
    if pattern.startswith("api/"):
        return "Wagtail's JSON API"
    if pattern.startswith("documents/"):
        return "document downloads"
    if pattern.startswith("admin/") and name.endswith(":chosen_multiple"):
        return "JSON answer of a chooser modal"
    if pattern.startswith("admin/") and root not in PROJECT_APPS:
        return (
            "Wagtail's (and wagtail-localize's) own admin screens, snippets of project models "
            "included: Wagtail's markup, tested by Wagtail; the project's screens are visited"
        )
    return None


# Page models the demo data has no live page of, each with its reason.
EXCLUDED_PAGE_MODELS: dict[str, str] = {
    "wagtailcore.Page": "the tree's root, never served",
}

# Run in the server (manage.py shell): accounts, a debate with a comment, a reply and a report,
# a full event with the reader on its waiting list, an organisation for the partner, one
# awaiting review, an invitation, a notice; prints the demo objects and one live Danish page of
# each page model with its address in every UI language.
SETUP = """
import io, json, secrets
from urllib.parse import urlsplit
from django.core.management import call_command
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from wagtail.models import Locale, Page
from accounts.models import Notification, User
from dialogue.models import DebatePage, DebateState
from dialogue.services import comment_create, report_create
from events.models import EventPage
from events.services import registration_create
from partnerships.models import Invitation, Membership, Organisation
from partnerships.models.choices import ReviewStatus, Role

params = json.loads({params!r})
users = {{}}
for role, (email, kind, secret) in params["accounts"].items():
    call_command("create_account", email=email, role=kind, password=params["password"],
                 stdout=io.StringIO())
    users[role] = user = User.objects.get(email=email)
    if secret:
        TOTP.activate(user, secret)
        RecoveryCodes.activate(user)

danish = Locale.objects.get(language_code="da")
locales = {{l.language_code: l for l in Locale.objects.all()}}

def path(page):
    return urlsplit(page.get_url()).path

def addresses(page):
    found = {{}}
    for code in params["languages"]:
        other = page.get_translation_or_none(locales[code]) if code in locales else None
        if other is not None and other.live:
            found[code] = path(other)
        else:
            found[code] = "/" + code + path(page)[3:]
    return found

debates = DebatePage.objects.live().filter(locale=danish, state=DebateState.OPEN).order_by("path")
debate, premoderated = debates[0], debates[1]
# Comments in the second debate (and its translations) are read before they are shown.
DebatePage.objects.filter(translation_key=premoderated.translation_key).update(
    state=DebateState.PREMODERATED
)
comment, _ = comment_create(user=users["resident"], debate=debate, body="Et spørgsmål til alle")
reply, _ = comment_create(
    user=users["partner"], debate=debate, body="Et svar", parent_id=comment.pk
)
report_create(user=users["partner"], comment=comment, reason="spam")

events = EventPage.objects.live().filter(locale=danish, capacity__gt=0).exclude(slug="statusmoede")
event = [e for e in events.order_by("start") if e.is_accepting_signups()][-1]
# The event and each translation of it are full, with readers on the waiting list.
for full in EventPage.objects.live().filter(translation_key=event.translation_key):
    if full.capacity != 1:
        full.capacity = 1
        full.save_revision().publish()
        full = EventPage.objects.get(pk=full.pk)
    registration_create(event=full, user=users["partner"])
    for role in ["resident"] + ["reader-" + code for code in params["state_languages"]]:
        registration_create(event=full, user=users[role])

organisation = Organisation.objects.filter(status=ReviewStatus.APPROVED).order_by("pk").first()
Membership.objects.update_or_create(
    organisation=organisation, user=users["partner"], defaults={{"role": Role.ADMIN}}
)
# A pledge signed two years ago, with no report given: the yearly report is open.
pledge = organisation.active_pledge
pledge.reports.all().delete()
signed = pledge.signed_on
type(pledge).objects.filter(pk=pledge.pk).update(signed_on=signed.replace(year=signed.year - 2))
# A second organisation of the partner's, without a pledge yet.
approved = Organisation.objects.filter(status=ReviewStatus.APPROVED).order_by("pk")
unpledged = approved.exclude(pk=organisation.pk).first()
unpledged.pledges.all().delete()
Membership.objects.update_or_create(
    organisation=unpledged, user=users["partner"], defaults={{"role": Role.ADMIN}}
)
pending = Organisation.objects.filter(status=ReviewStatus.PENDING).order_by("pk").first()
if pending is None:
    pending = Organisation.objects.exclude(pk=organisation.pk).order_by("pk").first()
    pending.status = ReviewStatus.PENDING
    pending.save(update_fields=["status"])
invitation = Invitation.objects.create(
    organisation=organisation, email="a11y-invited@example.org", token=secrets.token_urlsafe(32)
)
for role in ["resident"] + ["reader-" + code for code in params["state_languages"]]:
    Notification.objects.create(
        user=users[role], kind="comment_removed", subject="Din kommentar er skjult",
        body="En moderator har skjult din kommentar: den var uden for emnet.",
        link=path(debate),
    )

from livesessions.models import LiveSession
from notifications.services import unsubscribe_token
live_session = LiveSession.objects.filter(state="open").order_by("pk").first()

pages = {{}}
for page in Page.objects.live().filter(depth__gt=1, locale=danish).specific().order_by("path"):
    pages.setdefault(page._meta.label, addresses(page))

print(json.dumps({{
    "pages": pages,
    "objects": {{
        "debate_id": debate.pk, "comment_id": comment.pk, "reply_id": reply.pk,
        "event_id": event.pk, "organisation_id": organisation.pk,
        "organisation_slug": organisation.slug, "pending_organisation_id": pending.pk,
        "pledge_organisation_id": unpledged.pk,
        "invitation_token": invitation.token,
        "unsubscribe_token": unsubscribe_token(users["resident"], "replies"),
        "live_code": live_session.code, "live_screen_key": live_session.screen_key,
    }},
    "debate": addresses(debate), "premoderated": addresses(premoderated),
    "event": addresses(event),
    "events_index": addresses(event.get_parent().specific),
}}))
"""

# In the page: axe's violations (WCAG 2.1 A/AA) and the two checks axe does not make, on
# every element, rendered or not: ids are unique and not empty; every form control has a name.
# It starts the checks and keeps the promise, so several pages can run them side by side.
START_CHECK = """
(tags) => {
  const problems = [];
  const counts = new Map();
  for (const element of document.querySelectorAll("[id]")) {
    const id = element.getAttribute("id");
    if (!id.trim()) problems.push(`empty id on <${element.localName}>`);
    counts.set(id, (counts.get(id) || 0) + 1);
  }
  for (const [id, n] of counts) if (n > 1 && id.trim()) problems.push(`id="${id}" x${n}`);
  const text = (el) => (el ? el.textContent.replace(/\\s+/g, " ").trim() : "");
  const nameOf = (el) => {
    const by = (el.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
    const labelled = by.map((id) => text(document.getElementById(id))).join(" ").trim();
    if (labelled) return labelled;
    if ((el.getAttribute("aria-label") || "").trim()) return el.getAttribute("aria-label");
    for (const label of el.labels || []) if (text(label)) return text(label);
    if (el.localName === "button") {
      const inner = [...el.querySelectorAll("img[alt]")].map((i) => i.alt).join(" ");
      if (text(el) || inner.trim()) return text(el) || inner;
    }
    if (el.localName === "input" && ["submit", "reset"].includes(el.type)) return "default";
    if (el.localName === "input" && el.type === "button") return (el.value || "").trim();
    if (el.localName === "input" && el.type === "image" && (el.alt || "").trim()) return el.alt;
    return (el.getAttribute("title") || "").trim();
  };
  for (const el of document.querySelectorAll("input, select, textarea, button")) {
    if (el.localName === "input" && el.type === "hidden") continue;
    if (!nameOf(el)) {
      const what = el.outerHTML.slice(0, 120).replace(/\\s+/g, " ");
      problems.push(`control without an accessible name: ${what}`);
    }
  }
  // Colours are only right once the style sheets are in (a page without a script may fire
  // DOMContentLoaded before them).
  const pending = [...document.querySelectorAll("link[rel=stylesheet]")].filter((l) => !l.sheet);
  const styled = Promise.all(pending.map((link) => new Promise((done) => {
    link.addEventListener("load", done);
    link.addEventListener("error", done);
  })));
  window.__a11yCheck = styled
    .then(() => axe.run(document, {
      runOnly: { type: "tag", values: tags }, resultTypes: ["violations"],
    }))
    .then((results) => ({
      problems,
      violations: results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
        targets: v.nodes.slice(0, 4).map((n) => n.target.join(" ")),
      })),
    }));
}
"""
FINISH_CHECK = "() => window.__a11yCheck"


@dataclass
class Findings:
    lines: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)

    def start(self, page) -> None:
        """Starts axe and the id and name checks on `page` as it is now (axe is in every
        document the site's contexts load; a page made otherwise gets it here)."""
        if not page.evaluate("() => 'axe' in window"):
            page.evaluate(AXE_SCRIPT)
        page.evaluate(START_CHECK, WCAG_TAGS)

    def finish(self, page, where: str) -> None:
        found = page.evaluate(FINISH_CHECK)
        self.checked.append(where)
        for violation in found["violations"]:
            self.lines.append(
                f"{where}: axe {violation['id']} ({violation['impact']}, "
                f"{violation['count']}x) {violation['help']} {violation['targets']}"
            )
        self.lines += [f"{where}: {problem}" for problem in found["problems"]]

    def check(self, page, where: str) -> None:
        self.start(page)
        self.finish(page, where)

    def report(self) -> str:
        return f"{len(self.lines)} problems on {len(self.checked)} pages:\n" + "\n".join(self.lines)


@dataclass
class Site:
    server: object
    browser: object
    data: dict
    pages: dict = field(default_factory=dict)  # (lane, role) -> Playwright page
    contexts: list = field(default_factory=list)
    login_checks: Findings = field(default_factory=Findings)

    def url(self, path: str) -> str:
        return self.server.url + path

    def page(self, role: str, lane: int = 0):
        """The page of `role` in `lane`: lanes past the first share the first's log-in."""
        if (lane, role) not in self.pages:
            state = self.pages[(0, role)].context.storage_state() if lane else None
            context = self.browser.new_context(
                viewport={"width": 1280, "height": 900}, storage_state=state
            )
            context.add_init_script(AXE_SCRIPT)
            self.contexts.append(context)
            self.pages[(lane, role)] = context.new_page()
        return self.pages[(lane, role)]

    def set_language(self, page, path: str, language: str) -> None:
        if path.startswith("/admin/"):
            # The admin takes its language from the cookie when the account has no preference.
            page.context.add_cookies(
                [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": self.server.url}]
            )

    def goto(self, role: str, path: str, *, language: str = "da", status: int = 200):
        page = self.page(role)
        self.set_language(page, path, language)
        response = page.goto(self.url(path), wait_until="domcontentloaded")
        assert response is not None and response.status == status, (path, response)
        return page


def _walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (entry.namespace + ":" if entry.namespace else "")
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            module = getattr(getattr(callback, "view_class", callback), "__module__", "")
            yield prefix + str(entry.pattern), namespace + (entry.name or ""), module, callback


def url_patterns(urlconf=None) -> list[tuple[str, str, str, object]]:
    with translation.override("da"):
        return list(_walk(get_resolver(urlconf)))


def unaccounted_routes(urlconf=None) -> list[str]:
    """Named URL patterns neither visited nor excluded with a reason (and nameless ones)."""
    missing = []
    for pattern, name, module, callback in url_patterns(urlconf):
        if name in ROUTES or name in EXCLUDED:
            continue
        if _excluded_by_rule(name, pattern, module, callback):
            continue
        missing.append(f"{name or '(no name)'} {pattern} ({module})")
    return missing


def _route_path(name: str, kwargs: dict, objects: dict, language: str) -> str:
    filled = {}
    for key, value in kwargs.items():
        if value is Ellipsis:
            filled[key] = "0" if key == "uidb36" else "no-such-key"
        else:
            filled[key] = objects[value]
    with translation.override(language):
        return reverse(name, kwargs=filled)


def log_in(site: Site, role: str) -> None:
    email, _kind = ACCOUNTS[role]
    page = site.page(role)
    page.goto(site.url("/da/konto/login/"), wait_until="domcontentloaded")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.locator("main form button[type=submit]").first.click()
    if "/2fa/authenticate/" in page.url:
        site.login_checks.check(page, f"{role} da mfa_authenticate {urlsplit(page.url).path}")
        page.fill("input[name=code]", site.server.totp_code(email))
        with page.expect_navigation(wait_until="domcontentloaded"):
            page.locator("main form button[type=submit]").first.click()
    assert "/konto/" not in page.url, f"{role} was not logged in: {page.url}"


def build_site(server, browser) -> Site:
    """Runs SETUP in the server and logs every role in once, each in a context of its own."""
    from allauth.mfa.totp.internal.auth import generate_totp_secret

    accounts = {}
    for role, (email, kind) in ACCOUNTS.items():
        secret = generate_totp_secret() if role in STAFF else None
        accounts[role] = (email, kind, secret)
        if secret:
            server.remember_totp(email, secret)
    params = json.dumps(
        {
            "accounts": accounts,
            "password": PASSWORD,
            "languages": LANGUAGES,
            "state_languages": list(STATE_LANGUAGES),
        }
    )
    output = server.manage("shell", "-c", SETUP.format(params=params))
    site = Site(server=server, browser=browser, data=json.loads(output.strip().splitlines()[-1]))
    site.page("anonymous")
    for role in ACCOUNTS:
        log_in(site, role)
    return site


@pytest.fixture(scope="module")
def site(e2e_server, browser):
    site = build_site(e2e_server, browser)
    yield site
    for context in site.contexts:
        context.close()


def test_every_page_model_and_named_url_is_visited_or_excluded_with_a_reason(site):
    missing = unaccounted_routes()
    assert not missing, "URL patterns the matrix neither visits nor excludes:\n" + "\n".join(
        missing
    )
    names = {name for _pattern, name, _module, _callback in url_patterns()}
    stale = sorted((set(ROUTES) | set(EXCLUDED)) - names)
    assert not stale, f"listed here but no longer URL patterns: {stale}"
    assert all(reason.strip() for reason in EXCLUDED.values())

    live = set(site.data["pages"])
    models = {model._meta.label for model in get_page_models()}
    neither = sorted(models - live - set(EXCLUDED_PAGE_MODELS))
    assert not neither, f"page models with no live page and no reason to leave them out: {neither}"
    assert not (live & set(EXCLUDED_PAGE_MODELS)), "an excluded page model has a live page"


def test_a_new_url_would_fail_the_enumeration():
    from django.http import HttpResponse
    from django.urls import path

    def view(request):
        return HttpResponse("<html></html>")

    class URLConf:  # the project's URLs and one more
        urlpatterns = [*get_resolver().url_patterns, path("ny/", view, name="brand_new_page")]

    assert unaccounted_routes(URLConf) == [
        "brand_new_page ny/ (tests.e2e.test_accessibility_matrix)"
    ]


def test_the_checks_find_what_they_look_for(site):
    page = site.page("anonymous")
    page.set_content(
        """<!doctype html><html lang="da"><head><title>t</title></head><body><main>
        <form id=""><label for="-body">Tekst</label><textarea id="-body"></textarea>
        <details><summary>Svar</summary><textarea id="-body"></textarea></details>
        <input name="q"><button></button><img src="x.png"></form></main></body></html>"""
    )
    findings = Findings()
    findings.check(page, "fixture")
    text = "\n".join(findings.lines)
    assert 'id="-body" x2' in text
    assert "empty id on <form>" in text
    assert text.count("control without an accessible name") == 3  # q, the button, the reply
    assert "axe image-alt" in text


LANES = 2  # pages loading and checked side by side, each in a context of its own


def matrix_jobs(site: Site) -> list[tuple[str, str, str, str]]:
    """(name, role, language, path) for each page model's live page and each visited URL."""
    jobs = []
    routes = [
        (
            name,
            role,
            {code: _route_path(name, kwargs, site.data["objects"], code) for code in LANGUAGES},
        )
        for name, (role, kwargs) in ROUTES.items()
    ]
    pages = [(label, "anonymous", paths) for label, paths in sorted(site.data["pages"].items())]
    for name, role, paths in pages + routes:
        jobs += [(name, role, code, paths[code]) for code in LANGUAGES]
    return jobs


def run_matrix(site: Site, jobs, findings: Findings) -> list[str]:
    """Visits the jobs LANES at a time and checks each page; returns what was not reached."""
    wrong = []
    for first in range(0, len(jobs), LANES):
        batch = list(enumerate(jobs[first : first + LANES]))
        pages = {lane: site.page(role, lane) for lane, (_n, role, _c, _p) in batch}
        with ExitStack() as stack:
            waits = {}
            for lane, (_name, _role, code, path) in batch:
                site.set_language(pages[lane], path, code)
                waits[lane] = stack.enter_context(
                    pages[lane].expect_navigation(wait_until="domcontentloaded")
                )
                pages[lane].evaluate("(url) => location.assign(url)", site.url(path))
        reached = []
        for lane, (name, role, code, path) in batch:
            response, page = waits[lane].value, pages[lane]
            landed = urlsplit(page.url).path
            if response is None or response.status != 200 or landed != path:
                status = response.status if response else None
                wrong.append(f"{role} {path} ({name}): {status}, landed on {landed}")
                continue
            findings.start(page)
            reached.append((lane, f"{role} {code} {name} {path}"))
        for lane, where in reached:
            findings.finish(pages[lane], where)
    return wrong


def check_pages(site: Site, jobs) -> Findings:
    started = time.monotonic()
    findings = Findings()
    wrong = run_matrix(site, jobs, findings)
    print(f"\n{len(findings.checked)} pages in {time.monotonic() - started:.0f} s")
    assert not wrong and not findings.lines, (
        "not reached as expected:\n" + "\n".join(wrong) + "\n" + findings.report()
    )
    assert len(findings.checked) == len(jobs)
    return findings


def test_pages_that_need_a_recent_log_in_in_every_language(site):
    """First, while the log-ins are fresh (allauth asks for the password again after five
    minutes); the staff log-in's two-factor page, checked on the way in, is reported here."""
    assert not site.login_checks.lines, site.login_checks.report()
    jobs = [job for job in matrix_jobs(site) if job[0] in REAUTHENTICATE]
    assert len(jobs) == len(REAUTHENTICATE) * len(LANGUAGES)
    check_pages(site, jobs)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_at_1280_px(site, language):
    """Each page model's live page and each other visited URL, in one UI language."""
    jobs = [job for job in matrix_jobs(site) if job[2] == language]
    jobs = [job for job in jobs if job[0] not in REAUTHENTICATE]
    assert len(jobs) == len(ROUTES) - len(REAUTHENTICATE) + len(site.data["pages"])
    check_pages(site, jobs)


# Forms sent empty (the browser's own checks switched off) to get the server's errors:
# (role, URL name, URL arguments, the form). "reader" is the reader of the state's language.
MAIN_FORM = "main form[method=post]"
FORMS = (
    ("anonymous", "account_signup", {}, MAIN_FORM),
    ("anonymous", "account_login", {}, MAIN_FORM),
    ("anonymous", "account_reset_password", {}, MAIN_FORM),
    ("reader", "accounts:profile", {}, MAIN_FORM),
    ("reader", "accounts:delete", {}, MAIN_FORM),
    ("reader", "account_change_password", {}, MAIN_FORM),
    ("reader", "partnerships:register", {}, MAIN_FORM),
    ("reader", "dialogue:comment_report", {"comment_id": "reply_id"}, MAIN_FORM),
    ("partner", "partnerships:edit", {"pk": "organisation_id"}, MAIN_FORM),
    ("partner", "partnerships:pledge", {"pk": "pledge_organisation_id"}, MAIN_FORM),
    ("partner", "partnerships:report", {"pk": "organisation_id"}, MAIN_FORM),
    ("partner", "partnerships:withdraw", {"pk": "organisation_id"}, MAIN_FORM),
    ("partner", "events:submit", {}, MAIN_FORM),
    ("moderator", "dialogue_moderation:comment", {"comment_id": "comment_id"},
     "form[aria-labelledby=action-hide]"),
    ("editor", "partnerships_admin:review", {"pk": "pending_organisation_id"},
     "form:has(input[name=action][value=reject])"),
)  # fmt: skip
EMPTY_FORM = """
(selector) => {
  const form = document.querySelector(selector);
  form.noValidate = true;
  for (const field of form.querySelectorAll("input, textarea, select")) {
    if (["hidden", "checkbox", "radio", "submit", "button", "file"].includes(field.type)) continue;
    field.value = "";
  }
}
"""
ERRORS = (
    "[data-error-summary], .error-message, .help-critical, .errorlist, [role=alert]:not([hidden])"
)


def check_both_widths(findings: Findings, page, where: str) -> None:
    """The state as it is, at 1280 px and then at 375 px (no reload: the same state)."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900 if width > 400 else 800})
        findings.check(page, f"{where} at {width} px")
    page.set_viewport_size({"width": 1280, "height": 900})


def wait_live(page) -> None:
    expect(page.locator("[data-debate]")).to_have_attribute("data-live", "true", timeout=10000)


def run_states(site: Site, findings: Findings, code: str) -> list[str]:
    """Reaches each state by doing what a user does, in the language `code`; returns the
    states checked."""
    objects, states = site.data["objects"], []

    def state(page, where: str) -> None:
        states.append(where)
        check_both_widths(findings, page, where)

    reader, writer = f"reader-{code}", f"writer-{code}"

    def route(name, kwargs=None):
        return _route_path(name, kwargs or {}, objects, code)

    # Empty lists.
    page = site.goto("anonymous", f"/{code}/soeg/?q=zqxjvw")
    state(page, f"{code} search without results")
    page = site.goto(reader, route("partnerships:mine"))
    state(page, f"{code} no organisations of one's own")
    partners = site.data["pages"]["partnerships.PartnerIndexPage"][code]
    page = site.goto("anonymous", f"{partners}?q=zqxjvw")
    assert page.locator(".partner-card").count() == 0, "the partner list is not empty"
    state(page, f"{code} partner register: no partner matches")

    # The filterable indexes refuse a value they do not offer: 400, the form refilled.
    for label in (
        "dialogue.DebateIndexPage",
        "events.EventIndexPage",
        "partnerships.PartnerIndexPage",
    ):
        bad = "?state=zz&kind=zz&district=zz&focus_area=zz"
        page = site.goto("anonymous", site.data["pages"][label][code] + bad, status=400)
        assert page.locator(ERRORS).count(), f"{code} {label}: no error shown"
        state(page, f"{code} {label} with a filter it refuses")

    # Every form sent empty comes back with the server's errors.
    for role, name, kwargs, form in FORMS:
        role = reader if role == "reader" else role
        page = site.goto(role, route(name, kwargs), language=code)
        page.evaluate(EMPTY_FORM, form)
        with page.expect_navigation(wait_until="domcontentloaded"):
            page.locator(form).first.locator("[type=submit]").first.click()
        assert page.locator(ERRORS).count(), f"{code} {name}: no error shown"
        state(page, f"{code} {name} with server errors")

    # A debate: the comment form's own error, an open reply form, a live comment.
    page = site.goto(reader, site.data["debate"][code])
    wait_live(page)
    page.evaluate(EMPTY_FORM, "#comment-form")
    page.locator("#comment-form [type=submit]").click()
    expect(page.locator("#comment-form [data-form-error]")).to_be_visible()
    state(page, f"{code} debate: the comment form with an error")
    other = site.goto(writer, site.data["debate"][code])
    wait_live(other)
    text = f"A11y live {code} {time.monotonic_ns()}"
    other.fill("#comment-form-body", text)
    other.locator("#comment-form [type=submit]").click()
    live = page.locator(".comment", has_text=text).first
    expect(live).to_be_visible(timeout=5000)
    state(page, f"{code} debate: a live comment inserted")
    live.locator("[data-reply] > summary").first.click()
    expect(live.locator("[data-reply][open] textarea").first).to_be_visible()
    state(page, f"{code} debate: an open reply form")

    # A debate whose comments are read first: the comment shows its notice.
    page = site.goto(reader, site.data["premoderated"][code])
    wait_live(page)
    text = f"A11y waiting {code} {time.monotonic_ns()}"
    page.fill("#comment-form-body", text)
    page.locator("#comment-form [type=submit]").click()
    waiting = page.locator(".comment", has_text=text).first
    expect(waiting.locator("[data-pending]")).to_be_visible(timeout=5000)
    state(page, f"{code} debate: a moderation notice")

    # A full event with the reader on its waiting list.
    page = site.goto(reader, site.data["event"][code])
    expect(page.locator("#signup form[action*='/afmeld/']")).to_be_visible()
    expect(page.locator("#signup p.status")).to_contain_text(re.compile(r"\d"))
    state(page, f"{code} a full event, on the waiting list")

    # The notice list; the profile; the data export; the deletion page.
    page = site.goto(reader, route("notifications:list"))
    expect(page.locator(".notification-list")).to_be_visible()
    state(page, f"{code} the notice list")
    page = site.goto(reader, route("accounts:profile"))
    expect(page.locator(".notification-list")).to_be_visible()
    state(page, f"{code} the profile with the newest notices")
    with page.expect_download() as download:
        page.locator(f"form[action='{route('accounts:export')}'] [type=submit]").click()
    assert download.value.suggested_filename.endswith(".json")
    state(page, f"{code} the profile after the data export")
    page = site.goto(reader, route("accounts:delete"))
    state(page, f"{code} account deletion")

    # A live session: a wrong code; a question arriving live on the phone, the presenter screen
    # with the poll's results, and the moderator view with a question waiting.
    page = site.goto("anonymous", route("livesessions:join") + "?code=NOPE42", status=404)
    assert page.locator(ERRORS).count(), f"{code} live join: no error shown"
    state(page, f"{code} live session: a wrong join code")
    phone = site.goto(reader, route("livesessions:participant", {"code": "live_code"}))
    expect(phone.locator("[data-live=participant]")).to_have_attribute("data-connected", "true")
    asker = site.goto(writer, route("livesessions:participant", {"code": "live_code"}))
    expect(asker.locator("[data-live=participant]")).to_have_attribute("data-connected", "true")
    text = f"A11y question {code} {time.monotonic_ns()}"
    asker.fill("#ask-body", text)
    asker.locator("[data-ask-form] [type=submit]").click()
    expect(asker.locator("[data-mine]", has_text=text)).to_be_visible(timeout=5000)
    state(asker, f"{code} live session: my question waits for a moderator")
    state(phone, f"{code} live session: the phone with the open poll")
    page = site.goto("editor", route("livesessions:moderate", {"code": "live_code"}), language=code)
    expect(page.locator("#mod-pending ~ ol", has_text=text)).to_be_visible()
    state(page, f"{code} live session: the moderator view with a question waiting")
    page = site.goto("anonymous", route("livesessions:screen", {"key": "live_screen_key"}))
    expect(page.locator("[data-live=screen]")).to_have_attribute("data-connected", "true")
    state(page, f"{code} live session: the presenter screen")

    # The project's admin screens.
    for role, name, kwargs in (
        ("moderator", "dialogue_moderation:queue", {}),
        ("moderator", "dialogue_moderation:comment", {"comment_id": "comment_id"}),
        ("editor", "partnerships_admin:review", {"pk": "pending_organisation_id"}),
    ):
        page = site.goto(role, route(name, kwargs), language=code)
        state(page, f"{code} {name}")
    return states


@pytest.mark.parametrize("language", STATE_LANGUAGES)
def test_every_state_at_375_and_1280_px(site, language):
    """Danish, Arabic and Persian (two right-to-left languages)."""
    started = time.monotonic()
    findings = Findings()
    states = run_states(site, findings, language)
    print(f"\n{len(states)} states at two widths in {time.monotonic() - started:.0f} s")
    assert len(states) == len(FORMS) + 23
    assert len(findings.checked) == len(states) * len(WIDTHS)
    assert not findings.lines, findings.report()
