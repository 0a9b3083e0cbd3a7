"""CVR numbers: the Danish business register's 8-digit identifier with a modulus-11 check.

People copy CVR numbers from letterheads as "12 34 56 78", so spaces are removed before checking;
anything else that is not a digit is refused with a message saying what is wrong.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)
CVR_LENGTH = 8


def normalise_cvr(value: str | None) -> str:
    return re.sub(r"\s+", "", value or "")


def cvr_checksum_ok(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11 == 0


def validate_cvr(value: str) -> None:
    """Raises a ValidationError naming the problem; expects an already normalised value."""
    if not re.fullmatch(r"[0-9]*", value):
        raise ValidationError(
            _("A CVR number contains only digits, for example 12345674."), code="cvr_not_digits"
        )
    if len(value) != CVR_LENGTH:
        raise ValidationError(
            ngettext_lazy(
                "A CVR number has 8 digits; you typed %(count)d digit.",
                "A CVR number has 8 digits; you typed %(count)d digits.",
                "count",
            ),
            code="cvr_length",
            params={"count": len(value)},
        )
    if value[0] == "0" or not cvr_checksum_ok(value):
        raise ValidationError(
            _("This is not a valid CVR number. Please check the digits against the CVR register."),
            code="cvr_checksum",
        )


def cvr_with_check_digit(seven_digits: str) -> str | None:
    """The valid CVR number starting with these seven digits, if there is one (tests, demo)."""
    total = sum(int(d) * w for d, w in zip(seven_digits, WEIGHTS[:7], strict=True))
    check = (-total) % 11
    return None if check == 10 else seven_digits + str(check)
