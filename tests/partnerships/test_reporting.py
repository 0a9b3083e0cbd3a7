"""The partnerships' part of the yearly status report: one calendar year's figures, stored as
plain JSON and counted in the database."""

import json
from datetime import date, datetime

import pytest
from django.utils import timezone, translation

from partnerships.models import ReviewStatus, YearlyReport
from partnerships.reporting import year_in_figures
from tests.partnerships.factories import (
    CommitmentFactory,
    CommitmentTypeFactory,
    OrganisationFactory,
    PledgeFactory,
)

pytestmark = pytest.mark.django_db

QUERIES = 4


def copenhagen(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.get_default_timezone())


def approved(reviewed_at=None, **kwargs):
    return OrganisationFactory(status=ReviewStatus.APPROVED, reviewed_at=reviewed_at, **kwargs)


def facts(result) -> dict:
    return {fact["label"]: fact["value"] for fact in result["facts"]}


@pytest.fixture
def register():
    """A register around 2024: organisations approved before, during and just after the year,
    pledges signed, withdrawn and awaiting review, reports for 2023 and 2024."""
    internships = CommitmentTypeFactory(name="Praktikpladser", sort_order=0)
    mentors = CommitmentTypeFactory(name="Mentorordning", sort_order=1)

    old = approved(copenhagen(2023, 6, 1), is_example=True)
    old_pledge = PledgeFactory(organisation=old, signed_on=date(2023, 5, 1))
    CommitmentFactory(pledge=old_pledge, commitment_type=internships)
    CommitmentFactory(pledge=old_pledge, commitment_type=mentors)
    YearlyReport.objects.create(pledge=old_pledge, year=2023)
    YearlyReport.objects.create(pledge=old_pledge, year=2024)

    new = approved(copenhagen(2024, 3, 1))
    withdrawn = PledgeFactory(
        organisation=new, signed_on=date(2024, 1, 5), withdrawn_at=copenhagen(2024, 3, 1)
    )
    CommitmentFactory(pledge=withdrawn, commitment_type=mentors)
    signed = PledgeFactory(
        organisation=new, signed_on=date(2024, 3, 10), withdrawn_at=copenhagen(2025, 2, 1)
    )
    CommitmentFactory(pledge=signed, commitment_type=internships)

    # Approved without a review, registered half an hour before the year ended.
    late = approved(created_at=copenhagen(2024, 12, 31, 23, 30))
    PledgeFactory(organisation=late, signed_on=date(2025, 1, 2))

    # Approved half an hour into 2025 (still 2024 in UTC), with a pledge signed in 2024.
    next_year = approved(copenhagen(2025, 1, 1, 0, 30))
    PledgeFactory(organisation=next_year, signed_on=date(2024, 11, 1))

    pending = OrganisationFactory(status=ReviewStatus.PENDING)
    CommitmentFactory(
        pledge=PledgeFactory(organisation=pending, signed_on=date(2024, 6, 1)),
        commitment_type=internships,
    )
    rejected = OrganisationFactory(status=ReviewStatus.REJECTED, reviewed_at=copenhagen(2024, 6, 1))
    PledgeFactory(organisation=rejected, signed_on=date(2024, 6, 1))


def test_the_year_counts_what_the_register_held_and_what_happened_in_it(register):
    result = year_in_figures(2024)

    assert result["key"] == "partnerships"
    assert result["heading"] == "Partnerships"
    assert result["has_data"] is True
    assert result["facts"] == [
        {"label": "Approved partner organisations at year end", "value": 3},
        {"label": "Of the organisations, example content", "value": 1},
        {"label": "Newly approved during the year", "value": 2},
        {"label": "Pledges in force at year end", "value": 2},
        {"label": "Pledges signed during the year, not withdrawn by year end", "value": 1},
        {"label": "Yearly partner reports delivered for the year", "value": 1},
    ]
    [table] = result["tables"]
    assert table["name"] == "commitments-by-kind"
    assert table["columns"] == ["Kind", "Commitments", "Organisations"]
    # The withdrawn pledge's and the unreviewed organisation's commitments are not counted.
    assert table["rows"] == [["Praktikpladser", 2, 2], ["Mentorordning", 1, 1]]


def test_the_next_year_counts_the_late_approval_and_drops_the_pledge_withdrawn_in_it(register):
    assert facts(year_in_figures(2025)) == {
        "Approved partner organisations at year end": 4,
        "Of the organisations, example content": 1,
        "Newly approved during the year": 1,
        "Pledges in force at year end": 3,
        "Pledges signed during the year, not withdrawn by year end": 1,
        "Yearly partner reports delivered for the year": 0,
    }


def test_a_year_before_anything_happened_has_no_data_and_zeros(register):
    result = year_in_figures(2010)

    assert result["has_data"] is False
    assert all(fact["value"] == 0 for fact in result["facts"])
    assert result["tables"][0]["rows"] == []


def test_the_figures_survive_json_and_stay_english_whatever_the_language(register):
    with translation.override("da"):
        result = year_in_figures(2024)

    assert json.loads(json.dumps(result)) == result
    assert result["facts"][0]["label"] == "Approved partner organisations at year end"


def test_the_number_of_queries_does_not_grow_with_the_register(django_assert_max_num_queries):
    kinds = [CommitmentTypeFactory(sort_order=n) for n in range(3)]

    def add_partners(count: int) -> None:
        for n in range(count):
            pledge = PledgeFactory(
                organisation=approved(copenhagen(2024, 2, 1)), signed_on=date(2024, 2, 1)
            )
            CommitmentFactory(pledge=pledge, commitment_type=kinds[n % 3])
            YearlyReport.objects.create(pledge=pledge, year=2024)

    add_partners(3)
    with django_assert_max_num_queries(QUERIES) as few:
        assert facts(year_in_figures(2024))["Pledges in force at year end"] == 3
    add_partners(27)
    with django_assert_max_num_queries(QUERIES) as many:
        assert facts(year_in_figures(2024))["Pledges in force at year end"] == 30
    assert len(many.captured_queries) == len(few.captured_queries)
