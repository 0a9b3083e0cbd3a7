"""The robustness suite shares one world, built once for the package inside a transaction that
is rolled back at the end (each test runs in a savepoint of its own inside it), and one map of
the site: every route and page type, and the forms each role is shown there."""

import logging
from collections import Counter
from dataclasses import dataclass, field

import pytest
from django.test import Client

from tests.mfa import StaffMFAClient
from tests.robustness import crawl
from tests.robustness.world import rolled_back_world

CASES = Counter()  # target -> cases run, printed at the end of the session


@dataclass
class SiteMap:
    routes: list[crawl.Route] = field(default_factory=list)
    # path -> role -> (status, Page_)
    seen: dict = field(default_factory=dict)
    forms: list[crawl.Form] = field(default_factory=list)


class ErrorLog(logging.Handler):
    """Everything logged at ERROR or above: a traceback in the server log is a failure."""

    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)

    def lines(self) -> list[str]:
        return [f"{r.name}: {r.getMessage()[:200]}{_cause(r)}" for r in self.records]


def _cause(record) -> str:
    if not record.exc_info or record.exc_info[1] is None:
        return ""
    error = record.exc_info[1]
    frame = error.__traceback__
    while frame is not None and frame.tb_next is not None:
        frame = frame.tb_next
    where = f" at {frame.tb_frame.f_code.co_filename}:{frame.tb_lineno}" if frame else ""
    return f" ({type(error).__name__}: {str(error)[:200]}{where})"


@pytest.fixture
def error_log():
    handler = ErrorLog()
    root = logging.getLogger()
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    with rolled_back_world(django_db_blocker) as world:
        yield world


def client_for(world, role: str) -> Client:
    # Staff sessions carry a second factor, as they must to reach the admin (accounts/mfa.py).
    client = StaffMFAClient(raise_request_exception=False, HTTP_HOST="testserver")
    user = world.users[role]
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture(scope="package")
def site_map(world, django_db_blocker):
    """GET every route and page as every role; keep the forms each role is shown."""
    site = SiteMap(routes=crawl.routes(world) + crawl.page_routes())
    keys = set()
    with django_db_blocker.unblock():
        for role in crawl.ROLES:
            client = client_for(world, role)
            for route in site.routes:
                if not crawl.worth_asking(route, role):
                    site.seen.setdefault(route.path, {})[role] = (0, crawl.Page_())
                    continue
                response = client.get(route.path)
                page = crawl.Page_()
                if "html" in response.get("Content-Type", ""):
                    page = crawl.parse(response.content.decode("utf-8", "replace"), route.path)
                site.seen.setdefault(route.path, {})[role] = (response.status_code, page)
                for form in page.forms:
                    if form.key() not in keys and "logout" not in form.action:
                        keys.add(form.key())
                        form.role = role
                        site.forms.append(form)
    return site


def pytest_terminal_summary(terminalreporter):
    if CASES:
        terminalreporter.section("robustness: cases per target")
        for target, count in sorted(CASES.items()):
            terminalreporter.write_line(f"{count:6d}  {target}")
        terminalreporter.write_line(f"{sum(CASES.values()):6d}  in all, {len(CASES)} targets")


@pytest.fixture(autouse=True)
def _rate_limits_off(settings):
    """Hundreds of writes from one account are the point here; the limits have tests of their
    own (tests/dialogue/test_limits.py and the others). An empty rate turns a limit off, for
    every door at once (the socket consumer and the services read the same settings)."""
    settings.RATE_LIMITS = {name: {"user": "", "ip": ""} for name in settings.RATE_LIMITS}
