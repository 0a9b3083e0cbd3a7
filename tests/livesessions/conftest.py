import pytest

from livesessions import live


@pytest.fixture(autouse=True)
def _fresh_live_counts():
    """Each test has its own event loop and database: the counts' state starts empty."""
    live.reset()
    yield
    live.reset()
