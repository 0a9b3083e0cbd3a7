"""Registering an organisation: who may, what is checked, what the registrant sees."""

from datetime import timedelta

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from partnerships.models import Membership, Organisation, ReviewStatus, Role
from tests.factories import UserFactory
from tests.partnerships.conftest import image_upload, organisation_post, translated
from tests.partnerships.factories import OrganisationFactory

URL = "/en/partnerskaber/registrer/"


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/konto/login/" in response["Location"]


def test_unverified_user_is_asked_to_verify_first(client, db):
    client.force_login(UserFactory(verified=False))
    response = client.get(URL)
    assert response.status_code == 403
    assert "Verify your e-mail address first" in response.content.decode()
    assert client.post(URL, organisation_post()).status_code == 403
    assert not Organisation.objects.exists()


def test_blocked_user_is_told_why_they_cannot_register(client, db):
    client.force_login(UserFactory(blocked_until=timezone.now() + timedelta(days=7)))
    response = client.post(URL, organisation_post())
    assert response.status_code == 403
    assert "Your account is blocked from taking part." in response.content.decode()
    assert not Organisation.objects.exists()


def test_verified_resident_registers_and_becomes_administrator(
    client, resident, django_capture_on_commit_callbacks
):
    client.force_login(resident)
    assert client.get(URL).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, organisation_post())
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("partnerships:pledge", kwargs={"pk": organisation.pk})
    assert organisation.cvr == "12345674"  # spaces removed
    assert organisation.status == ReviewStatus.PENDING
    assert not organisation.is_public
    assert Membership.objects.get(organisation=organisation).user == resident
    assert Membership.objects.get(organisation=organisation).role == Role.ADMIN
    # One mail each: the administrator's in their language, the contact address in the
    # organisation's.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["karin@bageri.example", resident.email])
    assert all(translated("We have received your registration") in m.subject for m in mail.outbox)
    assert all(len(m.to) == 1 for m in mail.outbox)


def test_each_administrator_reads_the_mail_in_their_language_and_the_contact_in_the_first(
    resident, django_capture_on_commit_callbacks
):
    from partnerships.services import organisation_approve
    from tests.factories import editor

    first = UserFactory(preferred_language="en", email="first@org.example")
    second = UserFactory(preferred_language="da", email="second@org.example")
    organisation = OrganisationFactory(admin=first, contact_email="office@org.example")
    Membership.objects.create(organisation=organisation, user=second, role=Role.ADMIN)
    with django_capture_on_commit_callbacks(execute=True):
        organisation_approve(reviewer=editor(), organisation=organisation)
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    approved = "Your organisation is approved as a partner"
    assert translated(approved, "en") in subjects["first@org.example"]
    assert translated(approved, "da") in subjects["second@org.example"]
    assert translated(approved, "en") in subjects["office@org.example"]  # the first admin's
    assert translated(approved, "da") != translated(approved, "en")  # the test can tell them apart
    by_address = {m.to[0]: m.body for m in mail.outbox}
    assert "http://127.0.0.1:8000/en/partnerskaber/organisation/" in by_address["first@org.example"]
    assert "/da/partnerskaber/organisation/" in by_address["second@org.example"]


def test_business_without_cvr_gets_a_clear_message_and_keeps_its_input(client, resident):
    client.force_login(resident)
    response = client.post(URL, organisation_post(cvr=""))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Businesses and housing companies must give their CVR number." in html
    assert 'value="Amager Bageri ApS"' in html
    assert 'aria-invalid="true"' in html
    assert not Organisation.objects.exists()


def test_association_may_register_without_cvr(client, resident):
    client.force_login(resident)
    response = client.post(URL, organisation_post(kind="association", cvr=""))
    assert response.status_code == 302
    assert Organisation.objects.get().cvr == ""


def test_cvr_with_wrong_check_digit_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(URL, organisation_post(cvr="12345675"))
    assert response.status_code == 400
    assert "This is not a valid CVR number" in response.content.decode()


def test_cvr_with_letters_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(URL, organisation_post(cvr="1234567a"))
    assert response.status_code == 400
    assert "A CVR number contains only digits" in response.content.decode()


def test_second_registration_of_a_cvr_number_is_refused(client, resident):
    OrganisationFactory(cvr="12345674")
    client.force_login(resident)
    response = client.post(URL, organisation_post())
    assert response.status_code == 400
    assert "already registered" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_same_name_gets_its_own_address(client, resident):
    OrganisationFactory(name="Amager Bageri ApS", slug="amager-bageri-aps")
    client.force_login(resident)
    client.post(URL, organisation_post())
    assert Organisation.objects.filter(name="Amager Bageri ApS").count() == 2
    assert (
        Organisation.objects.exclude(slug="amager-bageri-aps")
        .get()
        .slug.startswith("amager-bageri-aps-")
    )


def test_png_jpeg_and_webp_logos_are_accepted(client, resident):
    client.force_login(resident)
    for i, (fmt, ctype) in enumerate(
        [("PNG", "image/png"), ("JPEG", "image/jpeg"), ("WEBP", "image/webp")]
    ):
        data = organisation_post(kind="association", cvr="", name=f"Logo {fmt}")
        data["logo"] = image_upload(f"logo{i}.{fmt.lower()}", fmt, content_type=ctype)
        response = client.post(URL, data)
        assert response.status_code == 302, response.content.decode()[:2000]
    assert Organisation.objects.exclude(logo="").count() == 3


def test_svg_logo_is_refused_even_when_named_png(client, resident):
    client.force_login(resident)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    data = organisation_post()
    data["logo"] = SimpleUploadedFile("logo.png", svg, content_type="image/png")
    response = client.post(URL, data)
    assert response.status_code == 400
    assert not Organisation.objects.exists()


def test_gif_logo_is_refused_by_its_content(client, resident):
    client.force_login(resident)
    data = organisation_post()
    data["logo"] = image_upload("logo.png", "GIF", content_type="image/png")
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "JPEG, PNG or WebP" in response.content.decode()


def test_logo_over_two_megabytes_is_refused(client, resident):
    client.force_login(resident)
    data = organisation_post()
    big = image_upload("big.png", "PNG").read() + b"\0" * (2 * 1024 * 1024)
    data["logo"] = SimpleUploadedFile("big.png", big, content_type="image/png")
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "too large" in response.content.decode()


def test_administrator_edits_details_and_a_rejected_organisation_is_reviewed_again(
    client, resident
):
    organisation = OrganisationFactory(
        admin=resident, status=ReviewStatus.REJECTED, rejection_reason="Wrong CVR"
    )
    client.force_login(resident)
    url = reverse("partnerships:edit", kwargs={"pk": organisation.pk})
    assert client.get(url).status_code == 200
    data = organisation_post(cvr=organisation.cvr, name="New name")
    response = client.post(url, data)
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "New name"
    assert organisation.status == ReviewStatus.PENDING


def test_member_and_resident_cannot_edit_the_organisation(client, resident):
    member = UserFactory()
    organisation = OrganisationFactory(member=member)
    url = reverse("partnerships:edit", kwargs={"pk": organisation.pk})
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(resident)
    assert client.post(url, organisation_post()).status_code == 403
