import pytest
from django.core.exceptions import ValidationError

from partnerships.cvr import normalise_cvr, validate_cvr
from partnerships.forms import CVRField


def test_valid_cvr_number_passes():
    validate_cvr("12345674")
    validate_cvr("10150817")


def test_wrong_check_digit_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_cvr("12345675")
    assert error.value.code == "cvr_checksum"
    assert "not a valid CVR number" in error.value.messages[0]


@pytest.mark.parametrize("value", ["1234567", "123456740", ""])
def test_wrong_length_is_refused_with_the_count(value):
    if not value:
        return  # empty means "no CVR number"; the form decides whether that is allowed
    with pytest.raises(ValidationError) as error:
        validate_cvr(value)
    assert error.value.code == "cvr_length"
    assert str(len(value)) in error.value.messages[0]


@pytest.mark.parametrize("value", ["1234567a", "DK12345674", "12-34-56-74", "１２３４５６７４"])
def test_letters_and_other_characters_are_refused(value):
    with pytest.raises(ValidationError) as error:
        validate_cvr(normalise_cvr(value))
    assert error.value.code == "cvr_not_digits"


def test_spaces_are_removed_before_checking():
    assert normalise_cvr(" 12 34 56 74 ") == "12345674"
    assert CVRField(required=False).clean("12 34 56 74") == "12345674"


def test_number_starting_with_zero_is_refused():
    # 01234567 would pass modulus 11 by accident for some numbers; CVR starts at 10000000.
    with pytest.raises(ValidationError):
        validate_cvr("00000000")


def test_field_reports_the_problem_for_bad_input():
    field = CVRField(required=False)
    with pytest.raises(ValidationError) as error:
        field.clean("12 34 56 75")
    assert error.value.code == "cvr_checksum"
    assert field.clean("") == ""
