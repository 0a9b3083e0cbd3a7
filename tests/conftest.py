import pytest
from django.test import Client

from core.live.hub import reset_hub
from tests.mfa import StaffMFAClient


def pytest_configure(config):
    """The run's main process names a folder for the template databases its test processes
    share (devtools/servers.py, `load_database`); the processes inherit it."""
    import os
    import tempfile

    from devtools.servers import SHARED_TEMPLATES

    if not hasattr(config, "workerinput"):
        os.environ[SHARED_TEMPLATES] = tempfile.mkdtemp(prefix="bdib-templates-")


def pytest_unconfigure(config):
    import os
    from pathlib import Path

    from devtools.servers import SHARED_TEMPLATES, drop_shared_templates

    if not hasattr(config, "workerinput") and os.environ.get(SHARED_TEMPLATES):
        drop_shared_templates(Path(os.environ.pop(SHARED_TEMPLATES)))


@pytest.fixture
def client():
    """pytest-django's client, except that `force_login` of staff also proves their second
    factor (tests/mfa.py): staff reach the admin only with one (accounts/mfa.py)."""
    return StaffMFAClient()


@pytest.fixture
def plain_client():
    """A client that logs in exactly as told, for tests of the login and the second factor."""
    return Client()


@pytest.fixture(autouse=True)
def _fresh_live_hub():
    """Each test gets its own hub: the hub's queues and tasks belong to one event loop."""
    reset_hub()
    yield
    reset_hub()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's language: a request activates its language in the thread
    and leaves it there, so without this a test would inherit the language of whichever test ran
    before it in the same process (pytest-xdist changes which one that is)."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    from core import pagecache

    cache.clear()
    pagecache.reset_for_tests()
    yield


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counts (core.ratelimit) start at zero in every test."""
    from core import ratelimit

    ratelimit.reset()
    yield


@pytest.fixture
def rate_limit(settings):
    """Sets one limit's rates for a test: `rate_limit("comment.report", user="2/hour")`."""

    def set_rates(name: str, **rates: str) -> None:
        settings.RATE_LIMITS = {
            **settings.RATE_LIMITS,
            name: {**settings.RATE_LIMITS[name], **rates},
        }

    return set_rates


@pytest.hookimpl(tryfirst=True)  # before pytest-django's, which keeps this order in its groups
def pytest_collection_modifyitems(items):
    """Within a module, the tests that read the module-wide policy (fixture `policy_loaded`,
    tests/home/conftest.py, or a module's own `policy_loaded_...`) run after the others, which
    expect a page tree without it. Modules keep their order, and pytest-django then still runs
    the transactional tests last."""
    first = {}
    for index, item in enumerate(items):
        first.setdefault(item.nodeid.split("::")[0], index)
    position = {id(item): index for index, item in enumerate(items)}
    items.sort(
        key=lambda item: (
            first[item.nodeid.split("::")[0]],
            any(name.startswith("policy_loaded") for name in getattr(item, "fixturenames", ())),
            position[id(item)],
        )
    )


# --- a database flushed by a transactional test is restored before the next other test ------
#
# pytest-django runs the transactional tests (which end by emptying every table) after the
# others. Under `--dist loadgroup` a process runs group after group, so a group's
# transactional tests may come before another group's tests, which expect the database as the
# migrations left it (locales, the root page, content types, groups). After such a test, if the
# next one is not transactional too, the database is emptied without post-migrate and the
# contents it had after the migrations are loaded back, as Django's `serialized_rollback` does.

_INITIAL = pytest.StashKey[str]()


def _flushes(item) -> bool:
    marker = item.get_closest_marker("django_db")
    if marker is not None and (
        marker.kwargs.get("transaction")
        or marker.kwargs.get("reset_sequences")
        or (marker.args and marker.args[0])
    ):
        return True
    names = getattr(item, "fixturenames", ())
    return any(name in names for name in ("transactional_db", "live_server"))


@pytest.fixture(scope="session", autouse=True)
def _initial_database(request, django_db_setup, django_db_blocker):
    """The database as the migrations left it, serialized once per process."""
    from django.db import connection

    with django_db_blocker.unblock():
        request.config.stash[_INITIAL] = connection.creation.serialize_db_to_string()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    result = yield
    if _flushes(item) and nextitem is not None and not _flushes(nextitem):
        _restore_initial_database(item.config)
    return result


def _restore_initial_database(config) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    initial = config.stash.get(_INITIAL, None)
    if initial is None:
        return
    with config.stash[blocking_manager_key].unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        connection.creation.deserialize_db_from_string(initial)
    ContentType.objects.clear_cache()


def xdist_group(nodeid: str) -> str:
    """Under pytest-xdist (`make test`: --dist loadgroup) the tests of one group run in one
    worker: a module's tests share its module-wide data, the robustness package its world, and
    the browser tests one server and one Chromium. The accessibility matrix, as long as all the
    other browser tests together, has a server and a Chromium of its own, so that the two run
    side by side."""
    path = nodeid.split("::")[0]
    if path in OWN_BROWSER_GROUPS:
        return path
    for package in ("tests/e2e/", "tests/robustness/"):
        if path.startswith(package):
            return package
    return path


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # before xdist's own LoadGroupScheduling
def pytest_xdist_make_scheduler(config, log):
    """`--dist loadgroup` with the groups of `xdist_group`, handed out largest first.

    xdist's own loadgroup reads `xdist_group` markers by appending the group to `item._nodeid`,
    which pytest 9 no longer reads: every test became a group of its own, so module-wide data
    (the policy, the robustness world) was built again in both workers and the browser tests
    started a server and a Chromium in each. Here the scheduler asks `xdist_group` itself."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class GroupScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return xdist_group(nodeid)

        def _assign_work_unit(self, node) -> None:
            # The longest groups first, so that no worker starts one near the end alone.
            scope = min(self.workqueue, key=lambda s: (_cost_rank(s), -len(self.workqueue[s])))
            self.workqueue.move_to_end(scope, last=False)
            super()._assign_work_unit(node)

    return GroupScheduling(config, log)


# Groups that take minutes whatever their number of tests, roughly longest first: the
# accessibility matrix and the other browser tests (about nine minutes each), then those that
# load the demo content or start servers. Others go by their number of tests.
OWN_BROWSER_GROUPS = ("tests/e2e/test_accessibility_matrix.py",)
LONG_GROUPS = (
    "tests/e2e/test_accessibility_matrix.py",
    "tests/e2e/",
    "tests/robustness/",
    "tests/dialogue/test_redis_outage.py",
    "tests/config/test_language_crawl.py",
    "tests/config/test_every_page.py",
    "tests/accounts/test_deletion.py",
    "tests/accounts/test_logs.py",
    "tests/home/test_load_policy.py",
    "tests/config/test_database_outage.py",
    "tests/dialogue/test_two_processes.py",
)


def _cost_rank(group: str) -> int:
    return LONG_GROUPS.index(group) if group in LONG_GROUPS else len(LONG_GROUPS)
