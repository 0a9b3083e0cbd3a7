"""dialogue.services.reactions: readers agree or disagree, once each."""

import pytest

from core.errors import ServiceError
from dialogue import services
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def debate():
    return make_debate()


def post(user, debate, body="Hej by", **kwargs):
    return services.comment_create(user=user, debate=debate, body=body, **kwargs)[0]


def test_one_reaction_per_person_toggles_and_switches(debate):
    comment = post(UserFactory(), debate)
    reader = UserFactory()
    services.reaction_set(user=reader, comment=comment, value="agree")
    comment.refresh_from_db()
    assert (comment.agree_count, comment.disagree_count) == (1, 0)
    services.reaction_set(user=reader, comment=comment, value="disagree")
    comment.refresh_from_db()
    assert (comment.agree_count, comment.disagree_count) == (0, 1)
    services.reaction_set(user=reader, comment=comment, value="disagree")
    comment.refresh_from_db()
    assert (comment.agree_count, comment.disagree_count) == (0, 0)


def test_nobody_reacts_to_their_own_comment(debate):
    user = UserFactory()
    comment = post(user, debate)
    with pytest.raises(ServiceError) as error:
        services.reaction_set(user=user, comment=comment, value="agree")
    assert error.value.code == "own_comment"
