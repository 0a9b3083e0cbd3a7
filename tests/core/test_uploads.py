"""Uploads: images lose their metadata (GPS position and all) before they are stored, and a file
whose content is not what its name says is refused; documents are served with their checked type
and `nosniff`."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.uploads import check_type, strip_image_metadata
from partnerships.models import Organisation
from tests.factories import UserFactory
from tests.partnerships.conftest import organisation_post

GPS_IFD = 0x8825
ORIENTATION = 0x0112
COPENHAGEN = {1: "N", 2: (55.0, 40.0, 34.0), 3: "E", 4: (12.0, 34.0, 6.0)}


def photo_with_gps(image_format="JPEG", size=(40, 20), orientation=1) -> bytes:
    exif = Image.Exif()
    exif[GPS_IFD] = COPENHAGEN
    exif[ORIENTATION] = orientation
    exif[0x010F] = "Camera maker"
    out = io.BytesIO()
    Image.new("RGB", size, (0, 83, 122)).save(out, image_format, exif=exif.tobytes())
    return out.getvalue()


def metadata_of(data: bytes) -> tuple[dict, dict]:
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        return dict(exif.get_ifd(GPS_IFD)), dict(exif)


def test_the_test_photo_really_carries_a_gps_position():
    gps, exif = metadata_of(photo_with_gps())
    assert gps[2] == (55.0, 40.0, 34.0)
    assert exif[0x010F] == "Camera maker"


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_stripping_removes_gps_and_every_other_exif_tag(image_format):
    cleaned = strip_image_metadata(io.BytesIO(photo_with_gps(image_format)))
    assert metadata_of(cleaned) == ({}, {})
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == image_format
        assert image.size == (40, 20)


def test_a_photo_taken_sideways_keeps_its_orientation_in_the_pixels():
    cleaned = strip_image_metadata(io.BytesIO(photo_with_gps(orientation=6)))
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (20, 40)


@pytest.mark.django_db
def test_a_partner_logo_is_stored_without_its_gps_position(client):
    client.force_login(UserFactory())
    data = organisation_post(kind="association", cvr="")
    data["logo"] = SimpleUploadedFile("logo.jpg", photo_with_gps(), content_type="image/jpeg")
    response = client.post("/en/partnerskaber/registrer/", data)
    assert response.status_code == 302
    organisation = Organisation.objects.get()
    with organisation.logo.open("rb") as stored:
        assert metadata_of(stored.read()) == ({}, {})


@pytest.mark.django_db
def test_a_png_named_logo_pdf_is_refused(client):
    client.force_login(UserFactory())
    png = io.BytesIO()
    Image.new("RGB", (40, 20)).save(png, "PNG")
    data = organisation_post(kind="association", cvr="")
    data["logo"] = SimpleUploadedFile("logo.pdf", png.getvalue(), content_type="application/pdf")
    response = client.post("/en/partnerskaber/registrer/", data)
    assert response.status_code == 400
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_a_png_named_logo_jpg_is_refused(client):
    client.force_login(UserFactory())
    png = io.BytesIO()
    Image.new("RGB", (40, 20)).save(png, "PNG")
    data = organisation_post(kind="association", cvr="")
    data["logo"] = SimpleUploadedFile("logo.jpg", png.getvalue(), content_type="image/jpeg")
    response = client.post("/en/partnerskaber/registrer/", data)
    assert response.status_code == 400
    assert "its content is something else (image/png)" in response.content.decode()


def staff_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.mark.django_db
def test_an_image_uploaded_in_the_wagtail_admin_is_stored_without_its_gps_position(client):
    upload = SimpleUploadedFile("harbour.jpg", photo_with_gps(size=(400, 200), orientation=6))
    response = staff_client(client).post(
        "/admin/images/multiple/add/",
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200, response.content[:500]
    assert response.json()["success"], response.json()
    image = get_image_model().objects.get()
    with image.file.open("rb") as stored:
        data = stored.read()
    assert metadata_of(data) == ({}, {})
    assert (image.width, image.height) == (200, 400)
    assert image.file_size == len(data)
    with image.get_rendition("width-100").file.open("rb") as rendition:
        assert metadata_of(rendition.read()) == ({}, {})


@pytest.mark.django_db
def test_wagtail_refuses_an_image_whose_name_lies(client):
    png = io.BytesIO()
    Image.new("RGB", (40, 20)).save(png, "PNG")
    upload = SimpleUploadedFile("harbour.jpg", png.getvalue())
    response = staff_client(client).post(
        "/admin/images/multiple/add/",
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert not response.json()["success"]
    assert not get_image_model().objects.exists()


def minimal_pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db
def test_a_png_named_report_pdf_is_refused_as_a_document(client):
    png = io.BytesIO()
    Image.new("RGB", (40, 20)).save(png, "PNG")
    upload = SimpleUploadedFile("report.pdf", png.getvalue())
    response = staff_client(client).post(
        "/admin/documents/multiple/add/",
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert not response.json()["success"]
    assert "image/png" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_a_document_is_served_with_its_checked_type_and_nosniff(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # served from disk, as in production
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    upload = SimpleUploadedFile("report.pdf", minimal_pdf())
    response = staff_client(client).post(
        "/admin/documents/multiple/add/",
        {"files[]": upload},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["success"], response.json()
    document = get_document_model().objects.get()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "application/pdf"
    assert served["X-Content-Type-Options"] == "nosniff"


def office_file(member: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, "<x/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("minutes.docx", office_file("word/document.xml")),
        ("figures.xlsx", office_file("xl/workbook.xml")),
        ("figures.csv", "år;antal\n2014;12\n".encode("cp1252")),
        ("notes.txt", b"plain text\n"),
        ("figures.txt", "år\tantal\n".encode("utf-16")),
        ("report.pdf", minimal_pdf()),
    ],
)
def test_documents_whose_content_matches_their_name_pass(name, content):
    check_type(SimpleUploadedFile(name, content), [name.rsplit(".", 1)[1]])


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("minutes.docx", office_file("xl/workbook.xml")),
        ("notes.txt", minimal_pdf()),
        ("notes.txt", b"MZ\x90\x00\x03\x00\x00\x00binary"),
        ("figures.csv", photo_with_gps()),
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("page.html", b"<html></html>"),
    ],
)
def test_documents_whose_content_is_something_else_are_refused(name, content):
    with pytest.raises(ValidationError):
        check_type(SimpleUploadedFile(name, content), ["docx", "xlsx", "csv", "txt", "pdf"])
