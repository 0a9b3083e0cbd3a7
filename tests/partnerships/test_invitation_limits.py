"""An organisation's administrator cannot turn invitations into a mail relay."""

from django.core import mail
from django.urls import reverse

from partnerships.models import Invitation
from tests.partnerships.factories import OrganisationFactory


def invite(client, organisation, n):
    url = reverse("partnerships:invite", kwargs={"pk": organisation.pk})
    return client.post(url, {"email": f"stranger{n}@example.net", "role": "member"})


def test_the_twenty_first_invitation_in_an_hour_is_refused_with_429(
    client, resident, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(20):
            assert invite(client, organisation, n).status_code == 302
        response = invite(client, organisation, 20)
    assert response.status_code == 429
    content = response.content.decode()
    assert "stranger20@example.net" in content  # the form comes back filled in
    assert Invitation.objects.count() == 20 and len(mail.outbox) == 20


def test_invitations_from_one_address_are_limited(client, resident, rate_limit):
    rate_limit("invitation.send", user="", ip="2/hour")
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    assert [invite(client, organisation, n).status_code for n in range(3)] == [302, 302, 429]
