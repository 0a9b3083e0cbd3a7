"""Administrators invite and remove members; invitations need the invited person to log in."""

import re
from datetime import timedelta

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Invitation, Membership, Role
from tests.factories import UserFactory
from tests.partnerships.factories import OrganisationFactory


def invite(client, organisation, email="colleague@org.example", role="member"):
    url = reverse("partnerships:invite", kwargs={"pk": organisation.pk})
    return client.post(url, {"email": email, "role": role})


def link_from_mail() -> str:
    return re.search(r"https?://\S+/invitation/\S+/", mail.outbox[-1].body).group(0)


def test_administrator_invites_by_email_and_the_invitee_accepts(
    client, resident, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://partners.example"
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(client, organisation).status_code == 302
    assert mail.outbox[-1].to == ["colleague@org.example"]
    link = link_from_mail()
    assert link.startswith("https://partners.example/da/")  # the organisation's language
    path = link.split("partners.example", 1)[-1]
    colleague = UserFactory(email="colleague@org.example")
    client.logout()
    assert client.get(path).status_code == 302  # log in first
    client.force_login(colleague)
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    membership = Membership.objects.get(organisation=organisation, user=colleague)
    assert membership.role == Role.MEMBER
    assert client.post(path).status_code == 400  # used once
    # a member sees the organisation but does not manage it
    dashboard = client.get(reverse("partnerships:dashboard", kwargs={"pk": organisation.pk}))
    assert dashboard.status_code == 200
    assert "Invite a member" not in dashboard.content.decode()


def test_invitation_is_only_for_the_address_it_was_sent_to(client, resident):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    invite(client, organisation)
    path = reverse("partnerships:invitation", kwargs={"token": Invitation.objects.get().token})
    client = Client()  # a fresh browser: the inviter's "on its way to ..." message stays behind
    client.force_login(UserFactory(email="someone-else@org.example"))
    response = client.post(path)
    assert response.status_code == 400
    assert "c***@org.example" in response.content.decode()
    assert "colleague@org.example" not in response.content.decode()
    assert Membership.objects.filter(organisation=organisation).count() == 1


def test_the_invitation_page_masks_the_address_for_anyone_else_holding_the_link(client, resident):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    invite(client, organisation)
    path = reverse("partnerships:invitation", kwargs={"token": Invitation.objects.get().token})
    client = Client()  # a fresh browser: the inviter's "on its way to ..." message stays behind
    client.force_login(UserFactory(email="someone-else@org.example"))
    page = client.get(path).content.decode()
    assert "colleague@org.example" not in page
    assert "c***@org.example" in page


def test_the_invited_person_sees_their_own_address_in_full(client, resident):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    invite(client, organisation)
    path = reverse("partnerships:invitation", kwargs={"token": Invitation.objects.get().token})
    client.force_login(UserFactory(email="Colleague@Org.example"))
    assert "colleague@org.example" in client.get(path).content.decode()


def test_an_anonymous_visitor_with_the_link_is_asked_to_log_in_and_sees_no_address(
    client, resident
):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    invite(client, organisation)
    path = reverse("partnerships:invitation", kwargs={"token": Invitation.objects.get().token})
    client = Client()
    response = client.get(path, follow=True)
    assert response.redirect_chain[0][1] == 302
    assert "colleague@org.example" not in response.content.decode()


def test_expired_invitation_is_refused(client, resident):
    organisation = OrganisationFactory(admin=resident)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email="late@org.example",
        token="expired-token",
        created_at=timezone.now() - timedelta(days=30),
    )
    client.force_login(UserFactory(email="late@org.example"))
    path = reverse("partnerships:invitation", kwargs={"token": invitation.token})
    assert client.post(path).status_code == 400
    assert not Membership.objects.filter(user__email="late@org.example").exists()


def test_unknown_invitation_is_not_found(client, resident):
    client.force_login(resident)
    assert client.get("/en/partnerskaber/invitation/nope/").status_code == 404


def test_inviting_a_bad_address_keeps_the_input(
    client, resident, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, organisation, email="not-an-address")
    assert response.status_code == 400
    assert 'value="not-an-address"' in response.content.decode()
    assert not mail.outbox


def test_member_and_resident_cannot_invite(client, resident):
    member = UserFactory()
    organisation = OrganisationFactory(member=member)
    client.force_login(member)
    assert invite(client, organisation).status_code == 403
    client.force_login(resident)
    assert invite(client, organisation).status_code == 403
    assert not Invitation.objects.exists()


def test_administrator_removes_a_member(client, resident):
    member = UserFactory()
    organisation = OrganisationFactory(admin=resident, member=member)
    membership = Membership.objects.get(user=member)
    client.force_login(resident)
    url = reverse(
        "partnerships:remove_member", kwargs={"pk": organisation.pk, "membership_pk": membership.pk}
    )
    assert client.post(url).status_code == 302
    assert not Membership.objects.filter(user=member).exists()


def test_member_cannot_remove_anyone(client, resident):
    member = UserFactory()
    organisation = OrganisationFactory(admin=resident, member=member)
    admin_membership = Membership.objects.get(user=resident)
    client.force_login(member)
    url = reverse(
        "partnerships:remove_member",
        kwargs={"pk": organisation.pk, "membership_pk": admin_membership.pk},
    )
    assert client.post(url).status_code == 403
    assert Membership.objects.filter(user=resident).exists()


def test_last_administrator_cannot_be_removed(client, resident):
    organisation = OrganisationFactory(admin=resident)
    membership = Membership.objects.get(user=resident)
    client.force_login(resident)
    url = reverse(
        "partnerships:remove_member", kwargs={"pk": organisation.pk, "membership_pk": membership.pk}
    )
    response = client.post(url, follow=True)
    assert "at least one administrator" in response.content.decode()
    assert Membership.objects.filter(user=resident).exists()


def test_resident_cannot_see_an_organisations_dashboard(client, resident):
    organisation = OrganisationFactory()
    client.force_login(resident)
    url = reverse("partnerships:dashboard", kwargs={"pk": organisation.pk})
    assert client.get(url).status_code == 403


def test_data_export_lists_memberships(client, resident):
    OrganisationFactory(admin=resident, name="Export Org")
    client.force_login(resident)
    response = client.post(reverse("accounts:export"))
    assert "Export Org" in response.content.decode()


def test_members_of_approved_organisations_act_for_a_partner(resident):
    from accounts.rules import is_partner, partner_organisations
    from partnerships.models import ReviewStatus

    member = UserFactory()
    approved = OrganisationFactory(admin=resident, member=member, status=ReviewStatus.APPROVED)
    pending_admin = UserFactory()
    OrganisationFactory(admin=pending_admin)
    assert is_partner(resident)
    assert is_partner(member)
    assert list(partner_organisations(member)) == [approved]
    assert not is_partner(pending_admin)
    assert not partner_organisations(pending_admin).exists()
    assert not is_partner(UserFactory())


def test_unverified_invitee_reads_the_reason_from_the_rules(client, resident):
    organisation = OrganisationFactory(admin=resident)
    invitation = Invitation.objects.create(
        organisation=organisation, email="new@org.example", token="fresh-token"
    )
    client.force_login(UserFactory(email="new@org.example", verified=False))
    response = client.post(reverse("partnerships:invitation", kwargs={"token": invitation.token}))
    assert response.status_code == 403
    assert "Confirm your e-mail address before you take part." in response.content.decode()
    assert not Membership.objects.filter(user__email="new@org.example").exists()


def test_member_who_may_not_manage_is_told_why(client, db):
    member = UserFactory()
    organisation = OrganisationFactory(member=member)
    client.force_login(member)
    response = client.get(reverse("partnerships:edit", kwargs={"pk": organisation.pk}))
    assert response.status_code == 403
    assert "Only the organisation&#x27;s administrators can do this." in response.content.decode()
