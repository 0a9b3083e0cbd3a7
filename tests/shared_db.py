"""Data that many tests of a module read, made once: inside a transaction that is rolled back
when the module ends, while each test runs in a savepoint of its own inside it (pytest-django's
`db` fixture nests its atomic blocks in the open one)."""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def rolled_back(django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
