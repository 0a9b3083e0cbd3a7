"""The public register: filters, search, counts, chart, totals, site search."""

import pytest
from django.test import RequestFactory

from partnerships.models import Kind, Organisation
from tests.partnerships.factories import CommitmentTypeFactory, OrganisationFactory, public_partner


def test_register_lists_only_public_partners_with_counts(client, register_page):
    public_partner(name="Shown Partner")
    OrganisationFactory(name="Pending Org")
    html = client.get(register_page.url).content.decode()
    assert "Shown Partner" in html
    assert "Pending Org" not in html
    assert "1 partner has signed the pledge." in html


def test_register_filters_by_kind_district_and_commitment(client, register_page):
    mentors = CommitmentTypeFactory(name="Mentors", unit="mentors")
    public_partner(name="Business East", kind=Kind.BUSINESS, district="amager-oest")
    public_partner(
        name="Union Valby", kind=Kind.UNION, district="valby", cvr="", commitment_type=mentors
    )
    public_partner(name="Union East", kind=Kind.UNION, district="amager-oest", cvr="")

    def names(**params):
        html = client.get(register_page.url, params).content.decode()
        return {n for n in ("Business East", "Union Valby", "Union East") if f">{n}<" in html}

    assert names(kind="union") == {"Union Valby", "Union East"}
    assert names(district="amager-oest") == {"Business East", "Union East"}
    assert names(kind="union", district="amager-oest") == {"Union East"}
    assert names(commitment=mentors.pk) == {"Union Valby"}
    assert names(q="valby") == {"Union Valby"}
    html = client.get(register_page.url, {"kind": "union"}).content.decode()
    assert "2 of 3 partners match." in html


def test_unknown_kind_answers_400_with_the_reason_and_the_other_filters_still_apply(
    client, register_page
):
    public_partner(name="Any Partner")
    public_partner(name="Valby Partner", district="valby")
    response = client.get(register_page.url, {"kind": "spaceship", "district": "valby"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Valby Partner" in html and "Any Partner" not in html  # the district still applies
    assert 'id="id_kind_error"' in html  # the reason, next to the filter
    assert "Select a valid choice." in html
    assert 'aria-describedby="id_kind_error"' in html
    assert '<option value="valby" selected>' in html  # the form comes back filled in
    assert "1 of 2 partners match." in html


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("kind", "spaceship"),
        ("district", "atlantis"),
        ("commitment", "9" * 30),  # larger than any database integer
        ("commitment", "abc"),
        ("commitment", "\u00b2"),  # "²" (%C2%B2): a digit to str.isdigit, not to int()
        ("district", "\u00b2"),
        ("q", "x" * 101),
    ],
)
def test_an_invalid_filter_answers_400_and_keeps_the_reader_on_the_page(
    client, register_page, name, value
):
    public_partner(name="Shown Partner")
    response = client.get(register_page.url, {name: value})
    html = response.content.decode()
    assert response.status_code == 400
    assert f'id="id_{name}_error"' in html
    assert "Shown Partner" in html  # nothing else narrowed the list
    assert 'class="error-summary"' in html


def test_raw_percent_encoded_filter_answers_400_not_500(client, register_page):
    response = client.get(register_page.url + "?commitment=%C2%B2&side=%C2%B2")
    assert response.status_code == 400


def test_valid_filters_answer_200_without_an_error(client, register_page):
    mentors = CommitmentTypeFactory(name="Mentors", unit="mentors")
    public_partner(name="Union Valby", kind=Kind.UNION, cvr="", commitment_type=mentors)
    response = client.get(register_page.url, {"kind": "union", "commitment": mentors.pk})
    assert response.status_code == 200
    assert "error-summary" not in response.content.decode()


def test_register_filters_show_no_optional_marker(client, register_page):
    html = client.get(register_page.url).content.decode()
    assert "(optional)" not in html


def test_selector_takes_plain_keyword_filters(db):
    from partnerships.selectors import organisation_list

    public_partner(name="Union Valby", kind=Kind.UNION, district="valby", cvr="")
    public_partner(name="Business Valby", kind=Kind.BUSINESS, district="valby")
    assert [o.name for o in organisation_list(kind="union", district="valby")] == ["Union Valby"]
    assert [o.name for o in organisation_list()] == ["Business Valby", "Union Valby"]


def test_chart_has_its_data_as_a_table(client, register_page):
    public_partner(kind=Kind.BUSINESS, district="valby")
    public_partner(kind=Kind.ASSOCIATION, district="valby", cvr="")
    html = client.get(register_page.url).content.decode()
    assert '<svg class="partner-chart__svg"' in html
    assert 'role="img"' in html
    assert "Partners by district and kind (figures)" in html
    assert '<th scope="row">Valby</th><td>1</td><td>1</td><td>2</td>' in html
    assert "<pattern" in html  # patterns, not colour alone


def test_the_home_page_section_sums_public_pledges(rf_request, register_page):
    from home.models import HomePage
    from partnerships.wagtail_hooks import partnerships_pledge_totals

    internships = CommitmentTypeFactory(unit="internship places")
    public_partner(quantity=400, commitment_type=internships)
    public_partner(quantity=12, commitment_type=internships)
    OrganisationFactory()  # not public: not counted
    html = partnerships_pledge_totals(rf_request, HomePage.objects.first())
    assert "412" in html and "internship places" in html
    assert "from 2 partners" in html
    assert partnerships_pledge_totals(rf_request, register_page) is None  # not its place


def test_pledge_totals_for_a_focus_area(rf_request, register_page):
    area = register_page  # any page stands in for a focus area here
    linked = CommitmentTypeFactory(unit="mentors", focus_area=area)
    public_partner(quantity=5, commitment_type=linked)
    public_partner(quantity=99, commitment_type=CommitmentTypeFactory(unit="jobs"))
    from partnerships.selectors import pledge_totals

    units = {row["unit"]: row["total"] for row in pledge_totals(focus_area=area)}
    assert units == {"mentors": 5}


def test_partner_page_shows_pledge_commitments_and_plain_text(client, policy):
    organisation = public_partner(quantity=12)
    organisation.description = "<script>alert(1)</script> See https://example.org"
    organisation.save()
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "&lt;script&gt;" in html and "<script>alert" not in html
    assert 'href="https://example.org"' in html
    assert "12 internship places" in html or "internship places" in html
    assert "Diversity is a resource" in html


def test_partners_are_in_site_search(db):
    public_partner(name="Searchable Bakery")
    OrganisationFactory(name="Hidden Bakery")
    results = [o.name for o in Organisation.objects.public().search("Bakery")]
    assert results == ["Searchable Bakery"]


def test_example_partners_say_so(client, db):
    organisation = public_partner(is_example=True)
    assert "Example" in client.get(organisation.get_absolute_url()).content.decode()


# A request for template tags that need one.
@pytest.fixture
def rf_request(db):
    request = RequestFactory().get("/en/")
    return request


def test_site_search_page_finds_public_partners(client, db):
    public_partner(name="Searchable Bakery")
    OrganisationFactory(name="Hidden Bakery")
    html = client.get("/en/soeg/", {"q": "Bakery"}).content.decode()
    assert "Searchable Bakery" in html
    assert "Hidden Bakery" not in html
