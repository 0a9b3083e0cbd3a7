import pytest

from core.privacy import mask_email


@pytest.mark.parametrize(
    ("address", "shown"),
    [
        ("amina@example.org", "a***@example.org"),
        ("a@example.org", "a***@example.org"),
        ("not-an-address", "***"),
        ("", "***"),
    ],
)
def test_an_address_is_masked_to_its_first_letter_and_domain(address, shown):
    assert mask_email(address) == shown
