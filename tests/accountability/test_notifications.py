"""Following an action plan: a new version published tells its followers (not its first
publish, nor a translation's), and the plan page has a follow button."""

import pytest
from django.urls import reverse

from accounts.models import Notification
from notifications.models import Follow
from notifications.services import mark_read
from notifications.topics import page_topic
from tests.accountability.factories import plan, republish
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_new_version_of_a_followed_plan_tells_its_followers(on_commit, settings):
    settings.SITE_URL = "http://testserver.example"
    follower, arabic = UserFactory(), UserFactory(preferred_language="ar")
    with on_commit():
        page = plan(publish=False, activities=[{"title": "Lektiecafé", "status": "planned"}])
        Follow.objects.create(user=follower, topic=page_topic(page))
        Follow.objects.create(user=arabic, topic=page_topic(page))
        page.save_revision().publish()  # the first publish is no news
    assert not Notification.objects.exists()
    with on_commit():
        page = republish(page, Lektiecafé={"status": "under_way", "progress": 20})
    notice = Notification.objects.get(user=follower)
    assert notice.kind == "page_updated" and notice.topic == page_topic(page)
    assert page.title in notice.body and "1 aktivitet" in notice.body  # in Danish
    assert notice.link == f"http://testserver.example{page.url}"
    assert "/ar/" in Notification.objects.get(user=arabic).link
    with on_commit():
        republish(page)  # unread: its count goes up instead
    assert Notification.objects.get(user=follower).count == 2
    mark_read(user=follower)
    with on_commit():
        republish(page)
    assert Notification.objects.filter(user=follower).count() == 2


def test_the_plan_page_has_a_follow_button(client):
    page = plan()
    reader = UserFactory()
    client.force_login(reader)
    html = client.get(page.url).content.decode()
    assert f'value="{page_topic(page)}"' in html
    client.post(reverse("notifications:follow"), {"topic": page_topic(page), "next": page.url})
    assert Follow.objects.filter(user=reader, topic=page_topic(page)).exists()
