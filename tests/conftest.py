import pytest

from core.live.hub import reset_hub


@pytest.fixture(autouse=True)
def _fresh_live_hub():
    """Each test gets its own hub: the hub's queues and tasks belong to one event loop."""
    reset_hub()
    yield
    reset_hub()


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
