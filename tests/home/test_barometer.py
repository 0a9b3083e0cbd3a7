"""The barometer's arithmetic: distance, direction and status, with and without data."""

from datetime import date
from decimal import Decimal as D

from home import barometer as b


def point(year, half, value, example=False):
    start = date(year, 1 if half == 1 else 7, 1)
    return b.Point(f"{year}, {half}. halvår", start, D(value), example)


UNEMPLOYMENT = b.Spec(higher_is_better=False, target_value=D("5.8"), target_date=date(2014, 12, 31))


def test_no_measurements_means_no_data_even_with_a_target():
    assert b.status(UNEMPLOYMENT, []) == b.NO_DATA
    summary = b.summarize(UNEMPLOYMENT, [])
    assert summary.latest is None and summary.distance is None and summary.change is None


def test_a_missing_target_is_never_invented():
    spec = b.Spec(higher_is_better=True)
    points = [point(2012, 1, "40"), point(2012, 2, "42")]
    summary = b.summarize(spec, points)
    assert summary.status == b.TARGET_NOT_SET
    assert summary.distance is None
    assert summary.reached is None
    assert summary.change == D("2")
    assert summary.direction == b.BETTER


def test_distance_is_the_gap_between_latest_value_and_target():
    points = [point(2012, 1, "9.1"), point(2013, 2, "7.0")]
    assert b.summarize(UNEMPLOYMENT, points).distance == D("1.2")


def test_direction_depends_on_whether_lower_is_better():
    assert b.direction(UNEMPLOYMENT, D("-0.4")) == b.BETTER
    assert b.direction(UNEMPLOYMENT, D("0.4")) == b.WORSE
    assert b.direction(b.Spec(higher_is_better=True), D("0.4")) == b.BETTER
    assert b.direction(UNEMPLOYMENT, D("0")) == b.UNCHANGED
    assert b.direction(UNEMPLOYMENT, None) is None


def test_reaching_the_target_is_on_track():
    points = [point(2012, 1, "9.1"), point(2014, 1, "5.8")]
    summary = b.summarize(UNEMPLOYMENT, points)
    assert summary.status == b.ON_TRACK
    assert summary.reached is True
    assert summary.distance == D("0")


def test_ahead_of_the_straight_line_from_baseline_to_target_is_on_track():
    spec = b.Spec(
        higher_is_better=False,
        baseline_value=D("10"),
        baseline_date=date(2011, 1, 1),
        target_value=D("6"),
        target_date=date(2015, 1, 1),
    )
    # Halfway in time the line says 8: 7.9 is ahead of it, 8.5 behind it.
    halfway = date(2013, 1, 1)
    assert abs(b.expected_value(spec, [], halfway) - D("8")) < D("0.01")
    assert b.status(spec, [b.Point("2013, 1. halvår", halfway, D("7.9"))]) == b.ON_TRACK
    assert b.status(spec, [b.Point("2013, 1. halvår", halfway, D("8.5"))]) == b.OFF_TRACK


def test_without_a_baseline_the_first_measurement_starts_the_line():
    points = [point(2011, 2, "9.1"), point(2014, 1, "8.9")]
    # The line from 9.1 (mid 2011) to 5.8 (end of 2014) is far below 8.9 by 2014.
    assert b.status(UNEMPLOYMENT, points) == b.OFF_TRACK


def test_without_a_target_date_moving_towards_the_target_is_on_track():
    spec = b.Spec(higher_is_better=True, target_value=D("50"))
    assert b.status(spec, [point(2012, 1, "40"), point(2012, 2, "41")]) == b.ON_TRACK
    assert b.status(spec, [point(2012, 1, "40"), point(2012, 2, "39")]) == b.OFF_TRACK


def test_change_is_since_the_previous_half_year_whatever_the_input_order():
    points = [point(2013, 2, "7.4"), point(2011, 2, "9.1"), point(2014, 1, "7.0")]
    summary = b.summarize(UNEMPLOYMENT, points)
    assert summary.latest.period_label == "2014, 1. halvår"
    assert summary.previous.period_label == "2013, 2. halvår"
    assert summary.change == D("-0.4")


def test_examples_are_flagged():
    assert b.summarize(UNEMPLOYMENT, [point(2012, 1, "9", example=True)]).has_examples
    assert not b.summarize(UNEMPLOYMENT, [point(2012, 1, "9")]).has_examples
