"""A real server and a real browser: uvicorn in a subprocess on a database made for this run
(PostgreSQL and Redis when the environment points at them, as in CI), and Debian's Chromium
driven by Playwright."""

import os
import tempfile
import time
from pathlib import Path

import pytest

from devtools import services
from devtools.servers import (
    DjangoShell,
    base_env,
    drop_postgres_database,
    fresh_postgres_database,
    load_database,
    manage,
    uvicorn_server,
)

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    # What the full browser sends by default; the headless shell sends no Accept-Language.
    "--accept-lang=en-US,en",
]


# Run in the server's environment: the `create_account` command, and an authenticator app with
# a known secret for an account.
CREATE_ACCOUNT = """
from django.core.management import call_command
call_command("create_account", email={email!r}, role={role!r}, password={password!r})
"""
ACTIVATE_TOTP = """
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from accounts.models import User
user = User.objects.get(email={email!r})
TOTP.activate(user, {secret!r})
RecoveryCodes.activate(user)
"""


class E2EServer:
    def __init__(self, address: str, env: dict[str, str]):
        self.address = address
        self.url = f"http://{address}"
        self.env = env
        self.totp_secrets: dict[str, str] = {}
        self._used_totp_windows: dict[str, set[int]] = {}
        self._shell: DjangoShell | None = None

    def outbox(self, to: str | None = None) -> list[str]:
        """The mail the server has sent (its file backend), oldest first, each as its text;
        only those to `to` when given."""
        folder = Path(self.env["EMAIL_FILE_PATH"])
        mails = []
        for path in sorted(folder.glob("*.log"), key=lambda p: p.stat().st_mtime):
            text = path.read_text(encoding="utf-8", errors="replace")
            # The file backend writes each message after a line of dashes.
            mails += [m for m in text.split("-" * 79) if m.strip()]
        return [m for m in mails if to is None or f"To: {to}" in m]

    def manage(self, *args: str) -> str:
        """`manage.py` in the server's environment; `shell -c CODE` runs in one Django process
        kept for the server's life (DjangoShell), the rest as a process of its own."""
        if args[:2] == ("shell", "-c") and len(args) == 3:
            if self._shell is None:
                self._shell = DjangoShell(self.env)
            return self._shell.run(args[2])
        return manage(self.env, *args)

    def close(self) -> None:
        if self._shell is not None:
            self._shell.close()
            self._shell = None

    def create_account(
        self,
        email: str,
        role: str = "resident",
        password: str = "e2e-Pass-1234",
        *,
        authenticator: bool | None = None,
    ):
        """Staff get an authenticator app unless `authenticator=False` (they must have one to
        reach the admin, accounts/mfa.py); `log_in` then types its code."""
        return self.create_accounts((email, role, password, authenticator))[0]

    def create_accounts(self, *accounts: tuple) -> list[tuple[str, str]]:
        """Several accounts as `create_account` makes them, each given as its arguments
        (email, role, password, authenticator; all but the email may be left off), in one
        `manage.py shell`: each manage.py process costs seconds of Django start-up."""
        from allauth.mfa.totp.internal.auth import generate_totp_secret

        defaults = (None, "resident", "e2e-Pass-1234", None)
        made, script, secrets = [], "", {}
        for account in accounts:
            email, role, password, authenticator = (*account, *defaults[len(account) :])
            script += CREATE_ACCOUNT.format(email=email, role=role, password=password)
            if authenticator or (authenticator is None and role != "resident"):
                secrets[email] = generate_totp_secret()
                script += ACTIVATE_TOTP.format(email=email, secret=secrets[email])
            made.append((email, password))
        self.manage("shell", "-c", script)
        for email, secret in secrets.items():
            self.remember_totp(email, secret)
        return made

    def activate_totp(self, email: str) -> str:
        from allauth.mfa.totp.internal.auth import generate_totp_secret

        secret = generate_totp_secret()
        self.manage("shell", "-c", ACTIVATE_TOTP.format(email=email, secret=secret))
        self.remember_totp(email, secret)
        return secret

    def remember_totp(self, email: str, secret: str) -> None:
        self.totp_secrets[email] = secret

    def totp_code(self, email: str) -> str:
        """A code the server takes: each code works once, in its own 30-second window or (this
        server's tolerance) the one before or after it. A window whose code was given is not
        used again; the next one is, and only when both are spent does this wait."""
        from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

        period = 30
        used = self._used_totp_windows.setdefault(email, set())
        while True:
            now = time.time()
            window = int(now) // period
            # The server takes the next window's code too (MFA_TOTP_TOLERANCE=1 below): a second
            # log-in within 30 s uses it instead of waiting for the clock.
            if window not in used and period - now % period > 3:
                break
            if window + 1 not in used:
                window += 1
                break
            time.sleep(period - now % period + 0.2)
        used.add(window)
        return format_hotp_value(hotp_value(self.totp_secrets[email], window))


@pytest.fixture(scope="package")
def e2e_server():
    services.require("chromium")
    use_postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    if use_postgres:
        services.require("postgres")
    if os.environ.get("REDIS_URL"):
        services.require("redis")
    tmp = tempfile.mkdtemp(prefix="bdib-e2e-")
    if use_postgres:
        server_url = services.postgres_url()
        database_url = fresh_postgres_database(server_url)
    else:
        database_url = f"sqlite:///{Path(tmp) / 'e2e.sqlite3'}"
    env = base_env(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=database_url,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_FILE_PATH=str(Path(tmp) / "mail"),
        MFA_TOTP_TOLERANCE="1",
        # Every browser context comes from 127.0.0.1: the per-address half of the socket limit
        # (60 a minute) would close debate sockets of a fast run, which then reconnect and
        # catch up at a moment a test does not expect. The per-account half stays.
        RATE_LIMIT_LIVE_CONNECT_IP="10000/minute",
    )
    load_database(env)
    log = open(Path(tmp) / "server.log", "w")  # noqa: SIM115 (kept open for the server's life)
    try:
        with uvicorn_server(env, log=log) as address:
            server = E2EServer(address, env)
            try:
                yield server
            finally:
                server.close()
    finally:
        log.close()
        if use_postgres:
            drop_postgres_database(server_url, database_url)


@pytest.fixture(scope="package")
def browser():
    """One Chromium for the browser tests, closed when they are done (package scope): while
    Playwright's synchronous API is open its event loop counts as running in this thread, so
    the tests a worker runs after these would be refused the database (Django's
    SynchronousOnlyOperation) and `asyncio.run`."""
    services.require("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=services.chromium_path(), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def second_page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def axe_violations(page) -> list[dict]:
    """axe-core (bundled in the axe-playwright-python wheel, nothing fetched) with the
    WCAG 2.1 A and AA rules; returns the violations found on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return results.response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return "\n".join(lines)


def log_in(page, server: E2EServer, email: str, password: str, language: str = "da") -> None:
    """Logs in through allauth; where it asks for the second factor (staff always, residents
    who turned it on), types the code of the account's authenticator app."""
    page.goto(f"{server.url}/{language}/konto/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    # Each submit is followed to the page it leads to (not to half a second without network
    # traffic, "networkidle", which costs that half second and more on every page).
    with page.expect_navigation(wait_until="domcontentloaded"):
        page.locator("main form button[type=submit]").first.click()
    if "/2fa/authenticate/" in page.url:
        page.fill("input[name=code]", server.totp_code(email))
        with page.expect_navigation(wait_until="domcontentloaded"):
            page.locator("main form button[type=submit]").first.click()
        assert "/2fa/authenticate/" not in page.url, "the authenticator code was refused"
