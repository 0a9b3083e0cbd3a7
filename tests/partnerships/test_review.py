"""City staff review organisations in the Wagtail admin and see the yearly reports."""

import csv
import io

from django.core import mail
from django.urls import reverse

from partnerships.models import ReviewStatus
from tests.factories import UserFactory
from tests.partnerships.conftest import translated
from tests.partnerships.factories import OrganisationFactory, PledgeFactory, public_partner


def review_url(organisation):
    return reverse("partnerships_admin:review", kwargs={"pk": organisation.pk})


def test_staff_list_and_filter_organisations_in_the_admin(client, staff):
    OrganisationFactory(name="Waiting Org")
    OrganisationFactory(name="Done Org", status=ReviewStatus.APPROVED)
    client.force_login(staff)
    url = reverse("wagtailsnippets_partnerships_organisation:list")
    html = client.get(url).content.decode()
    assert "Waiting Org" in html and "Done Org" in html
    html = client.get(url, {"status": "pending"}).content.decode()
    assert "Waiting Org" in html and "Done Org" not in html


def test_staff_approve_and_the_organisation_is_told(
    client, staff, resident, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(admin=resident, contact_email="boss@org.example")
    PledgeFactory(organisation=organisation)
    client.force_login(staff)
    page = client.get(review_url(organisation)).content.decode()
    assert organisation.cvr in page and "Sam Signer" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(review_url(organisation), {"action": "approve"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == ReviewStatus.APPROVED
    assert organisation.reviewed_by == staff
    assert organisation.is_public  # approved with a pledge
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["boss@org.example", resident.email])
    for message in mail.outbox:
        assert translated("Your organisation is approved as a partner") in message.subject


def test_rejection_needs_a_reason_and_the_reason_is_sent(
    client, staff, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(contact_email="boss@org.example")
    client.force_login(staff)
    response = client.post(review_url(organisation), {"action": "reject", "reason": ""})
    assert response.status_code == 400
    assert 'id="id_reason_error"' in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == ReviewStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            review_url(organisation), {"action": "reject", "reason": "The CVR belongs to another."}
        )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == ReviewStatus.REJECTED
    assert "The CVR belongs to another." in mail.outbox[-1].body
    assert not organisation.is_public


def test_editor_may_review_too(client, an_editor):
    organisation = OrganisationFactory()
    client.force_login(an_editor)
    assert client.get(review_url(organisation)).status_code == 200


def test_resident_and_organisation_admin_cannot_review(client, resident):
    organisation = OrganisationFactory(admin=resident)
    client.force_login(resident)
    response = client.post(review_url(organisation), {"action": "approve"})
    assert response.status_code in (302, 403)
    organisation.refresh_from_db()
    assert organisation.status == ReviewStatus.PENDING
    client.logout()
    assert client.post(review_url(organisation), {"action": "approve"}).status_code == 302


def test_only_approved_organisations_are_public(client, resident):
    pending = OrganisationFactory(admin=resident)
    PledgeFactory(organisation=pending)
    assert client.get(pending.get_absolute_url()).status_code == 404
    client.force_login(resident)  # its own member may look at it
    response = client.get(pending.get_absolute_url())
    assert response.status_code == 200
    assert "not in the public register" in response.content.decode()


def test_staff_see_withdrawn_history(client, staff, resident):
    organisation = public_partner(admin=resident)
    client.force_login(resident)
    client.post(
        reverse("partnerships:withdraw", kwargs={"pk": organisation.pk}),
        {"reason": "Merger", "confirm": "on"},
    )
    client.force_login(staff)
    html = client.get(review_url(organisation)).content.decode()
    assert "Merger" in html
    assert client.get(organisation.get_absolute_url()).status_code == 200


def test_staff_overview_and_csv_export(client, staff):
    public_partner(name="=cmd|' /C calc'!A0", quantity=7)
    public_partner(name="Plain Partner", quantity=3)
    client.force_login(staff)
    overview = client.get(reverse("partnerships_admin:overview"))
    assert overview.status_code == 200
    assert "Plain Partner" in overview.content.decode()
    response = client.get(reverse("partnerships_admin:overview_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Organisation"
    names = [row[0] for row in rows[1:]]
    assert "Plain Partner" in names
    assert "'=cmd|' /C calc'!A0" in names  # no formula reaches a spreadsheet
    plain = next(row for row in rows if row[0] == "Plain Partner")
    assert "3" in plain


def test_resident_cannot_export_or_see_the_overview(client, resident):
    public_partner(name="Secret Partner")
    client.force_login(resident)
    response = client.get(reverse("partnerships_admin:overview_csv"))
    assert response.status_code in (302, 403)  # the admin sends non-staff to log in
    assert b"Secret Partner" not in response.content
    assert client.get(reverse("partnerships_admin:overview")).status_code in (302, 403)


def test_admin_user_without_review_rights_cannot_export(client, db):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    public_partner(name="Secret Partner")
    client.force_login(user)
    # Wagtail turns PermissionDenied into a redirect to the admin home with a message.
    for name in ("overview_csv", "overview"):
        response = client.get(reverse(f"partnerships_admin:{name}"))
        assert response.status_code == 302
        assert response["Location"] == "/admin/"


def test_editor_keeps_the_catalogue_and_cannot_delete_an_entry_in_use(client, an_editor):
    from partnerships.models import CommitmentType
    from tests.partnerships.factories import CommitmentTypeFactory

    used, unused = CommitmentTypeFactory(), CommitmentTypeFactory()
    public_partner(commitment_type=used)
    client.force_login(an_editor)
    add = client.get(reverse("wagtailsnippets_partnerships_commitmenttype:add"))
    assert add.status_code == 200
    assert 'name="suitable_kinds"' in add.content.decode()
    for entry in (used, unused):
        url = reverse("wagtailsnippets_partnerships_commitmenttype:delete", args=[entry.pk])
        assert client.post(url).status_code == 302
    assert CommitmentType.objects.filter(pk=used.pk).exists()
    assert not CommitmentType.objects.filter(pk=unused.pk).exists()


def test_moderator_keeps_to_the_debates_and_cannot_change_the_catalogue(client, db):
    from tests.factories import moderator

    client.force_login(moderator())
    response = client.get(reverse("wagtailsnippets_partnerships_commitmenttype:add"))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not moderator().has_perm("partnerships.review_organisation")


def test_every_csv_cell_that_starts_like_a_formula_is_escaped(client, staff):
    """Whatever an organisation typed, in any column, reaches a spreadsheet as text."""
    from partnerships.models import CommitmentProgress, ProgressStatus, YearlyReport
    from tests.partnerships.factories import CommitmentTypeFactory

    starts = ["=", "+", "-", "@"]
    organisation = public_partner(
        name='=HYPERLINK("http://evil.example")',
        cvr="+1234567",  # 8 characters, as the column allows
        commitment_type=CommitmentTypeFactory(name="@SUM(A1:A9)", unit="-1+1 places"),
    )
    commitment = organisation.active_pledge.commitments.get()
    commitment.description = "=1+1"
    commitment.save()
    report = YearlyReport.objects.create(pledge=organisation.active_pledge, year=2026)
    CommitmentProgress.objects.create(
        report=report, commitment=commitment, status=ProgressStatus.IN_PROGRESS, note="-2+3"
    )
    client.force_login(staff)
    response = client.get(reverse("partnerships_admin:overview_csv"))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows for cell in row]
    typed = {'=HYPERLINK("http://evil.example")', "+1234567", "@SUM(A1:A9)", "-1+1 places"}
    typed |= {"=1+1", "-2+3"}
    assert {"'" + value for value in typed} <= set(cells)  # each escaped, none lost
    assert not [cell for cell in cells if cell[:1] in starts]
