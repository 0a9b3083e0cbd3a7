"""No CSV the site writes lets a typed value run as a formula in a spreadsheet, and no number is
changed on the way."""

import csv
import io
from decimal import Decimal

import pytest

from core.csv import safe_cell
from tests.factories import UserFactory
from tests.home.factories import home_page
from tests.partnerships.factories import OrganisationFactory


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("+4512345678", "'+4512345678"),  # typed text; a spreadsheet would drop the plus
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Amina", "Amina"),
        ("", ""),
        (None, ""),
    ],
)
def test_text_that_starts_like_a_formula_gets_an_apostrophe(typed, written):
    assert safe_cell(typed) == written


@pytest.mark.parametrize("number", [-3.5, -2, 0, Decimal("-0.125"), "-2.5", "-1e3", "-0,5"])
def test_numbers_stay_as_they_are(number):
    assert safe_cell(number) == str(number)


def export_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


@pytest.mark.django_db
def test_the_organisations_export_in_the_admin_defuses_formulas(client):
    OrganisationFactory(name='=HYPERLINK("http://evil.example","Klik")')
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/snippets/partnerships/organisation/?export=csv")
    assert response.status_code == 200
    names = [row[0] for row in export_rows(response)[1:]]
    assert '\'=HYPERLINK("http://evil.example","Klik")' in names


@pytest.mark.django_db
def test_wagtails_own_page_reports_defuse_formulas(client):
    page = home_page()
    page.title = "=cmd|' /C calc'!A0"
    page.save_revision().publish()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/admin/reports/aging-pages/?export=csv")
    assert response.status_code == 200
    titles = [row[0] for row in export_rows(response)[1:]]
    assert "'=cmd|' /C calc'!A0" in titles
