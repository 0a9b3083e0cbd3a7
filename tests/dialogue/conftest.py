"""Fixtures the dialogue tests share."""

import pytest

from dialogue import services
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory


@pytest.fixture
def debate():
    return make_debate()


@pytest.fixture
def comment(debate):
    return services.comment_create(user=UserFactory(), debate=debate, body="Noget at sige")[0]
