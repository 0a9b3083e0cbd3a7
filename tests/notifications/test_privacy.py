"""A mail about a debate many people follow names nobody's address but its recipient's."""

from datetime import UTC, datetime

import pytest
from django.core import mail

from dialogue import services as dialogue
from notifications.models import EmailPreference
from notifications.services import digests_send
from notifications.topics import page_topic
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_mail_names_only_its_recipient(on_commit):
    debate = make_debate()
    followers = [UserFactory(email=f"follower-{n}@example.org") for n in range(12)]
    for n, user in enumerate(followers):
        # Half hear at once, half in the daily summary.
        EmailPreference.objects.create(
            user=user, group="debates", frequency="now" if n % 2 else "daily"
        )
        user.follows.create(topic=page_topic(debate))
    author = UserFactory(email="author@example.org", display_name="Yusuf")
    with on_commit():
        dialogue.comment_create(user=author, debate=debate, body="Hvem kommer?")
    with on_commit():
        digests_send(now=datetime(2030, 1, 2, 8, 0, tzinfo=UTC))

    assert len(mail.outbox) == 12
    everyone = {user.email for user in followers} | {author.email}
    for message in mail.outbox:
        assert len(message.to) == 1 and not message.cc and not message.bcc
        raw = message.message().as_string()
        others = everyone - set(message.to)
        assert not [address for address in others if address in raw], message.to
