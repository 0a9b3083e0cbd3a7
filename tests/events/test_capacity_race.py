"""The capacity holds under a rush: every sign-up locks the event's row first."""

import threading
import time

import pytest
from django.db import connection

from devtools.services import require_postgres_database
from events.models import Registration
from events.services import registration_create
from tests.events.factories import EventPageFactory
from tests.factories import UserFactory

SIGNUPS = 200
PLACES = 50
CONNECTIONS = 60  # PostgreSQL allows 100 by default; the test runner holds a few


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_concurrent_signups_for_50_places_give_50_confirmed_and_150_waiting():
    require_postgres_database()
    event = EventPageFactory(capacity=PLACES)
    users = [UserFactory() for _ in range(SIGNUPS)]
    start = threading.Barrier(SIGNUPS)
    connections = threading.Semaphore(CONNECTIONS)
    errors: list[BaseException] = []
    statuses: list[str] = []
    lock = threading.Lock()

    def sign_up(user):
        start.wait()
        with connections:
            try:
                registration = registration_create(event=event, user=user)
                with lock:
                    statuses.append(registration.status)
            except BaseException as error:
                with lock:
                    errors.append(error)
            finally:
                connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=sign_up, args=(user,)) for user in users]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    assert errors == []
    assert statuses.count("confirmed") == PLACES
    assert statuses.count("waiting") == SIGNUPS - PLACES
    rows = Registration.objects.filter(event=event)
    assert rows.confirmed().count() == PLACES
    assert rows.waiting().count() == SIGNUPS - PLACES
    assert rows.values("user").distinct().count() == SIGNUPS
    print(f"\n{SIGNUPS} concurrent sign-ups for {PLACES} places: {elapsed:.2f}s")
