"""Following a main goal or a focus area: new barometer figures, published with the goal page,
tell its followers once per publish, in their language; and the follow buttons on the goal and
focus-area pages."""

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import Notification
from home.models import GoalPage, Measurement
from notifications.models import EmailPreference, Follow, Frequency
from notifications.topics import page_topic
from tests.accountability.factories import focus_area
from tests.factories import UserFactory
from tests.home.factories import goal_page

pytestmark = pytest.mark.django_db

SITE = "http://testserver.example"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


@pytest.fixture
def goal():
    return goal_page(focus_area=focus_area(), measurements=4)


def follow(user, page):
    Follow.objects.create(user=user, topic=page_topic(page))


def publish_with(goal: GoalPage, *new: dict, change=None) -> None:
    """As an editor does it: the goal page with new measurement rows (and `change` applied to
    the first existing one), saved as a revision and published."""
    page = GoalPage.objects.get(pk=goal.pk)
    indicators = list(page.indicators.all())
    first = indicators[0]
    rows = list(first.measurements.all())
    if change:
        for name, value in change.items():
            setattr(rows[0], name, value)
    first.measurements = rows + [Measurement(**fields) for fields in new]
    page.indicators = indicators
    page.save_revision().publish()


def figure(year: int, value: str = "7.5", **fields) -> dict:
    return {
        "period_label": f"{year}, 1. halvår",
        "period_start": date(year, 1, 1),
        "value": Decimal(value),
        **fields,
    }


def test_a_new_measurement_tells_the_goals_followers_in_their_language(goal, on_commit):
    danish, arabic = UserFactory(), UserFactory(preferred_language="ar")
    follow(danish, goal)
    follow(arabic, goal)
    with on_commit():
        publish_with(goal, figure(2020, "7.5"))
    notice = Notification.objects.get(user=danish)
    assert notice.kind == "measurement" and notice.topic == page_topic(goal)
    assert notice.link == f"{SITE}{goal.url}" and notice.topic_title == goal.title
    assert "Indikator" in notice.body and "2020, 1. halvår" in notice.body
    assert goal.title in notice.body
    assert "/ar/" in Notification.objects.get(user=arabic).link
    # Figures are in the weekly summary unless the person chose otherwise.
    assert notice.mail_due == Frequency.WEEKLY and mail.outbox == []


def test_the_focus_areas_followers_hear_of_its_goals_figures_once(goal, on_commit):
    area_follower, both = UserFactory(), UserFactory()
    follow(area_follower, goal.focus_area)
    follow(both, goal.focus_area)
    follow(both, goal)
    EmailPreference.objects.create(user=both, group="policy", frequency=Frequency.IMMEDIATELY)
    with on_commit():
        publish_with(goal, figure(2020), figure(2021))
    assert Notification.objects.filter(user=area_follower, kind="measurement").count() == 1
    notice = Notification.objects.get(user=both)
    assert "2 nye tal" in notice.body  # one notice for the publish, however many figures
    assert [m.to for m in mail.outbox] == [[both.email]]
    assert "2021, 1. halvår" in mail.outbox[0].body


def test_a_publish_without_a_new_period_tells_nobody(goal, on_commit):
    follow(UserFactory(), goal)
    with on_commit():
        publish_with(goal)  # the text only
        publish_with(goal, change={"value": Decimal("9.9")})  # a figure corrected
    assert not Notification.objects.exists()


def test_example_figures_are_nobodys_news(goal, on_commit):
    follow(UserFactory(), goal)
    with on_commit():
        publish_with(goal, figure(2020, is_example=True))
    assert not Notification.objects.exists()


def test_each_new_period_is_news_once(goal, on_commit):
    follower = UserFactory()
    follow(follower, goal)
    with on_commit():
        publish_with(goal, figure(2020))
        publish_with(goal)  # published again with the same figures
    assert Notification.objects.filter(user=follower).count() == 1


def test_a_draft_with_a_new_figure_tells_nobody_until_it_is_published(goal, on_commit):
    follower = UserFactory()
    follow(follower, goal)
    page = GoalPage.objects.get(pk=goal.pk)
    indicators = list(page.indicators.all())
    indicators[0].measurements = [*indicators[0].measurements.all(), Measurement(**figure(2020))]
    page.indicators = indicators
    with on_commit():
        revision = page.save_revision()
    assert not Notification.objects.exists()
    with on_commit():
        revision.publish()
    assert Notification.objects.filter(user=follower, kind="measurement").count() == 1


def test_a_failure_to_notify_never_fails_the_publish(goal, on_commit, monkeypatch, caplog):
    from home import following

    monkeypatch.setattr(following, "notify", lambda *a, **k: 1 / 0)
    follow(UserFactory(), goal)
    with on_commit():
        publish_with(goal, figure(2020))
    assert Measurement.objects.filter(period_start=date(2020, 1, 1)).exists()
    assert "could not tell people of" in caplog.text


# The follow buttons ---------------------------------------------------------------------------


def follow_box(page: str) -> str:
    start = page.index('<div class="follow">')
    return page[start : page.index("</div>", start)]


@pytest.mark.parametrize("which", ["goal", "focus area"])
def test_goal_and_focus_area_pages_have_a_follow_button(client, goal, which):
    page = goal if which == "goal" else goal.focus_area
    anonymous = follow_box(client.get(page.url).content.decode())
    assert f"{reverse('account_login')}?next=" in anonymous and "<form" not in anonymous
    reader = UserFactory()
    client.force_login(reader)
    box = follow_box(client.get(page.url).content.decode())
    assert f'value="{page_topic(page)}"' in box
    client.post(reverse("notifications:follow"), {"topic": page_topic(page), "next": page.url})
    assert Follow.objects.filter(user=reader, topic=page_topic(page)).exists()
