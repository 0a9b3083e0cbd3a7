import pytest


@pytest.fixture(autouse=True)
def _english_source_strings(settings):
    """The assertions read the English source strings; the project's catalogs (da, ar) are
    left out so the tests do not change as translations arrive. Django's own stay."""
    settings.LOCALE_PATHS = []
