import logging

import pytest

from home.services import policy_load
from tests.shared_db import rolled_back


@pytest.fixture(scope="module")
def policy_loaded(django_db_setup, django_db_blocker):
    """The policy as `load_policy --demo` writes it, loaded once for the module that asks (and
    present for its later tests too; each test's own changes are rolled back)."""
    with rolled_back(django_db_blocker):
        logging.disable(logging.INFO)  # a line per page and task
        try:
            policy_load(demo=True)
        finally:
            logging.disable(logging.NOTSET)
        yield
