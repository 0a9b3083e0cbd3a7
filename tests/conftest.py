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


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """`with on_commit():` runs what waits for the commit (notices, then their mail) when the
    block ends, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
