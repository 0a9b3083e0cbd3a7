"""The dialogue's part of the yearly status report: one calendar year's figures, stored as plain
JSON, counted in the database, and never naming anyone."""

import json
from datetime import datetime

import pytest
from django.utils import timezone, translation
from wagtail.models import Locale

from dialogue.models import (
    Comment,
    CommentStatus,
    DebatePage,
    DebateState,
    ModerationAction,
    ModerationLogEntry,
)
from dialogue.reporting import year_in_figures
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

QUERIES = 4
CONCLUSION = "Tak for debatten. Vi tager forslagene med i handleplanen."


def copenhagen(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.get_default_timezone())


def debate(*, live=True, **fields) -> DebatePage:
    """A debate whose dates are set as they were, not as the test runs."""
    page = make_debate(**{k: v for k, v in fields.items() if k in ("state", "conclusion")})
    as_they_were = {k: v for k, v in fields.items() if k not in ("state", "conclusion")}
    DebatePage.objects.filter(pk=page.pk).update(live=live, **as_they_were)
    page.refresh_from_db()
    return page


def comment(on, author, when, status=CommentStatus.PUBLISHED) -> Comment:
    return Comment.objects.create(
        debate=on,
        author=author,
        body="Hej",
        body_html="<p>Hej</p>",
        status=status,
        created_at=when,
    )


def closed_by_moderator(page, when) -> None:
    ModerationLogEntry.objects.create(
        action=ModerationAction.DEBATE_STATE,
        reason=DebateState.CLOSED,
        debate=page,
        note=CONCLUSION,
        target=page.question,
        created_at=when,
    )


def facts(result) -> dict:
    return {fact["label"]: fact["value"] for fact in result["facts"]}


@pytest.fixture
def year_of_debates():
    """Debates and comments around 2024, on both sides of its edges in Copenhagen time."""
    example = debate(first_published_at=copenhagen(2024, 1, 2), is_example=True)
    # Published in 2023, translated in 2024: one debate, counted in 2023 only.
    older = debate(first_published_at=copenhagen(2023, 12, 31, 23, 30))
    english = older.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.save_revision().publish()
    DebatePage.objects.filter(pk=english.pk).update(first_published_at=copenhagen(2024, 4, 1))
    # Made without a revision, as the demo loader does: its opening stands in.
    debate(opens_at=copenhagen(2024, 5, 1))
    withdrawn = debate(first_published_at=copenhagen(2024, 3, 1), live=False)

    one, two, three, four = (UserFactory() for _ in range(4))
    comment(example, one, copenhagen(2024, 1, 15))
    comment(example, two, copenhagen(2024, 1, 20))
    comment(example, one, copenhagen(2024, 3, 3))
    comment(example, three, copenhagen(2024, 12, 31, 23, 30))  # 22:30 UTC
    comment(example, four, copenhagen(2025, 1, 1, 0, 30))  # still 2024 in UTC
    comment(older, two, copenhagen(2024, 7, 1))
    comment(older, None, copenhagen(2024, 7, 2))  # its author has deleted their account
    for status in (
        CommentStatus.PENDING,
        CommentStatus.HELD,
        CommentStatus.HIDDEN,
        CommentStatus.REMOVED,
        CommentStatus.DELETED,
    ):
        comment(example, UserFactory(), copenhagen(2024, 6, 1), status=status)
    comment(withdrawn, UserFactory(), copenhagen(2024, 6, 1))
    comment(example, UserFactory(), copenhagen(2023, 6, 1))

    # Closed by a moderator in 2024, republished by an editor in 2025: the log says when.
    moderated = debate(
        state=DebateState.CLOSED, conclusion=CONCLUSION, last_published_at=copenhagen(2025, 3, 1)
    )
    closed_by_moderator(moderated, copenhagen(2024, 9, 1))
    # Closed in the page editor: no log entry, its publication says when.
    debate(
        state=DebateState.CLOSED, conclusion=CONCLUSION, last_published_at=copenhagen(2024, 11, 1)
    )
    # Stopped by the clock in 2023, its conclusion published in 2024: closed in 2023.
    debate(
        state=DebateState.CLOSED,
        conclusion=CONCLUSION,
        closes_at=copenhagen(2023, 12, 1),
        last_published_at=copenhagen(2024, 2, 1),
    )
    closed_by_moderator(
        debate(state=DebateState.CLOSED, conclusion=CONCLUSION), copenhagen(2025, 1, 10)
    )
    # Past its closing time but never closed with a conclusion.
    debate(closes_at=copenhagen(2024, 6, 1), last_published_at=copenhagen(2024, 1, 1))


def test_the_year_counts_debates_published_comments_people_and_closed_debates(
    year_of_debates,
):
    result = year_in_figures(2024)

    assert result["key"] == "dialogue"
    assert result["heading"] == "Dialogue"
    assert result["has_data"] is True
    assert result["facts"] == [
        {"label": "Debates published during the year", "value": 2},
        {"label": "Of the debates, example content", "value": 1},
        {"label": "Published comments", "value": 6},
        {"label": "Of the comments, on example debates", "value": 4},
        {"label": "Distinct participants", "value": 3},
        {"label": "Debates closed with a conclusion", "value": 2},
    ]
    [table] = result["tables"]
    assert table["name"] == "comments-by-month"
    assert table["columns"] == ["Month", "Comments", "Participants"]
    assert table["rows"] == [
        ["2024-01", 2, 2],
        ["2024-02", 0, 0],
        ["2024-03", 1, 1],
        ["2024-04", 0, 0],
        ["2024-05", 0, 0],
        ["2024-06", 0, 0],
        ["2024-07", 2, 1],
        ["2024-08", 0, 0],
        ["2024-09", 0, 0],
        ["2024-10", 0, 0],
        ["2024-11", 0, 0],
        ["2024-12", 1, 1],
    ]


def test_the_next_year_counts_the_comment_and_the_closing_just_after_new_year(year_of_debates):
    figures = facts(year_in_figures(2025))

    assert figures["Published comments"] == 1
    assert figures["Distinct participants"] == 1
    assert figures["Debates closed with a conclusion"] == 1
    assert figures["Debates published during the year"] == 0


def test_a_year_without_dialogue_has_no_data_and_zeros(year_of_debates):
    result = year_in_figures(2010)

    assert result["has_data"] is False
    assert all(fact["value"] == 0 for fact in result["facts"])
    assert result["tables"][0]["rows"] == [[f"2010-{m:02d}", 0, 0] for m in range(1, 13)]


def test_the_figures_survive_json_and_name_no_one(year_of_debates):
    with translation.override("da"):
        result = year_in_figures(2024)

    assert json.loads(json.dumps(result)) == result
    assert result["facts"][0]["label"] == "Debates published during the year"
    dumped = json.dumps(result)
    for user in Comment.objects.exclude(author=None).values_list(
        "author__email", "author__display_name"
    ):
        assert not any(part in dumped for part in user)


def test_the_number_of_queries_does_not_grow_with_the_comments(django_assert_max_num_queries):
    page = debate(first_published_at=copenhagen(2024, 1, 2))

    def add_comments(count: int) -> None:
        for n in range(count):
            comment(page, UserFactory(), copenhagen(2024, n % 12 + 1, 10))
        closed_by_moderator(
            debate(state=DebateState.CLOSED, conclusion=CONCLUSION), copenhagen(2024, 8, 1)
        )

    add_comments(3)
    with django_assert_max_num_queries(QUERIES) as few:
        assert facts(year_in_figures(2024))["Published comments"] == 3
    add_comments(27)
    with django_assert_max_num_queries(QUERIES) as many:
        assert facts(year_in_figures(2024))["Published comments"] == 30
    assert len(many.captured_queries) == len(few.captured_queries)
