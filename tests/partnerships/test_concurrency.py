"""Twenty people register the same CVR number at the same moment (PostgreSQL only)."""

import logging
import threading

import pytest
from django.db import connection
from django.test import Client

from devtools.services import require_postgres_database
from partnerships.models import Membership, Organisation
from tests.factories import UserFactory
from tests.partnerships.conftest import organisation_post

THREADS = 20


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_twenty_concurrent_registrations_of_one_cvr_give_one_organisation(caplog):
    require_postgres_database()
    caplog.set_level(logging.INFO, logger="partnerships.services.organisations")
    users = [UserFactory() for _ in range(THREADS)]
    barrier = threading.Barrier(THREADS)
    results: list[tuple[int, str]] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def register(user):
        try:
            client = Client()
            client.force_login(user)
            barrier.wait(timeout=30)
            response = client.post("/en/partnerskaber/registrer/", organisation_post())
            with lock:
                results.append((response.status_code, response.content.decode()))
        except BaseException as error:  # reported below, never lost in the thread
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=register, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not errors, errors
    codes = sorted(code for code, _html in results)
    assert codes == [302] + [400] * (THREADS - 1), codes
    refused = [html for code, html in results if code == 400]
    assert all("already registered" in html for html in refused)
    assert Organisation.objects.filter(cvr="12345674").count() == 1
    organisation = Organisation.objects.get()
    assert Membership.objects.filter(organisation=organisation).count() == 1
    races = sum("a moment ago" in r.getMessage() for r in caplog.records)
    print(
        f"\n{codes.count(302)} of {THREADS} registered; {len(refused)} got the message; "
        f"{races} of them were stopped by the database constraint"
    )


@pytest.mark.django_db
def test_losing_the_race_after_the_check_gives_the_message_not_a_500(client, monkeypatch):
    """The same race made deterministic on any database: a rival registers the CVR number
    between the service's check and its insert."""
    from partnerships.services import organisations as service
    from tests.partnerships.factories import OrganisationFactory

    original = Organisation.full_clean

    def full_clean_then_rival(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if not Organisation.objects.filter(cvr=self.cvr).exists():
            OrganisationFactory(cvr=self.cvr)

    monkeypatch.setattr(Organisation, "full_clean", full_clean_then_rival)
    client.force_login(UserFactory())
    response = client.post("/en/partnerskaber/registrer/", organisation_post())
    assert response.status_code == 400
    assert "already registered" in response.content.decode()
    assert Organisation.objects.filter(cvr="12345674").count() == 1
    assert service.Organisation is Organisation
