"""A real server and a real browser: uvicorn in a subprocess on a database made for this run
(PostgreSQL and Redis when the environment points at them, as in CI), and Debian's Chromium
driven by Playwright."""

import os
import tempfile
from pathlib import Path

import pytest

from devtools import services
from devtools.servers import (
    base_env,
    drop_postgres_database,
    fresh_postgres_database,
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
]


class E2EServer:
    def __init__(self, address: str, env: dict[str, str]):
        self.address = address
        self.url = f"http://{address}"
        self.env = env

    def manage(self, *args: str) -> str:
        return manage(self.env, *args)

    def create_account(self, email: str, role: str = "resident", password: str = "e2e-Pass-1234"):
        self.manage("create_account", "--email", email, "--role", role, "--password", password)
        return email, password


@pytest.fixture(scope="session")
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
    )
    manage(env, "migrate", "--noinput")
    manage(env, "load_content", "--demo")
    log = open(Path(tmp) / "server.log", "w")  # noqa: SIM115 (kept open for the server's life)
    try:
        with uvicorn_server(env, log=log) as address:
            yield E2EServer(address, env)
    finally:
        log.close()
        if use_postgres:
            drop_postgres_database(server_url, database_url)


@pytest.fixture(scope="session")
def browser():
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

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return results.response["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        targets = [node["target"] for node in violation["nodes"][:3]]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return "\n".join(lines)


def log_in(page, server: E2EServer, email: str, password: str, language: str = "da") -> None:
    page.goto(f"{server.url}/{language}/konto/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state("networkidle")
