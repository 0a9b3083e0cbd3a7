"""Sections (core/sections.py, `{% section %}`): the parts of a page that are the same for every
reader, rendered once and reused, logged-in readers included, while what they read is
current; never one reader's data shown to another."""

import re
from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.middleware.csrf import _unmask_cipher_token
from django.template import RequestContext, Template
from django.test import RequestFactory
from django.utils import timezone

from core import fragments, pagecache, sections
from home.models import GoalPage
from notifications.services import follow
from tests.home.factories import NEW_PERIOD, goal_page, new_measurement
from tests.renders import renders_of
from tests.roles import make_user

pytestmark = pytest.mark.django_db

STATUS = "home/includes/status.html"  # rendered inside the goal page's barometer section


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request is rendered by Django: only sections kept


def without_tokens(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_section_is_rendered_once_and_reused_by_every_reader(client):
    goal = goal_page(indicators=2, measurements=3)
    with renders_of(STATUS) as renders:
        assert client.get(goal.url).status_code == 200
    assert len(renders) == 2  # one per indicator
    with renders_of(STATUS) as renders:
        client.get(goal.url)
        client.force_login(make_user("resident"))
        body = client.get(goal.url).content.decode()
    assert renders == []
    assert "Indikator" in body


def test_a_section_comes_from_the_shared_cache_in_another_process(client):
    goal = goal_page(indicators=1, measurements=3)
    client.get(goal.url)
    sections.forget()  # this process's memory, as a second process starts with
    with renders_of(STATUS) as renders:
        client.get(goal.url)
    assert renders == []


def test_a_new_measurement_shows_at_once(client):
    """The figures are read by the view, before the section: the section is kept under the
    tags the page had named by then ("barometer")."""
    goal = goal_page(indicators=1, measurements=2)
    assert NEW_PERIOD not in client.get(goal.url).content.decode()
    client.get(goal.url)
    new_measurement(goal)
    assert NEW_PERIOD in client.get(goal.url).content.decode()


def test_a_field_changed_without_a_publish_shows_at_once(client):
    goal = goal_page(indicators=1, measurements=2, target_text="Første udgave")
    assert "Første udgave" in client.get(goal.url).content.decode()
    GoalPage.objects.filter(pk=goal.pk).update(target_text="Anden udgave")  # no publish, no signal
    body = client.get(goal.url).content.decode()
    assert "Anden udgave" in body and "Første udgave" not in body


def test_a_logged_in_reader_sees_the_page_as_without_sections(client, settings):
    """The goal page as a resident who follows it: the same with sections kept from an
    anonymous render as with sections off (the follow button, outside them, says so)."""
    goal = goal_page(indicators=2, measurements=3)
    reader = make_user("resident")
    follow(user=reader, topic=goal.specific.follow_topic)
    client.get(goal.url)  # the sections rendered for an anonymous visitor
    client.force_login(reader)
    with_sections = client.get(goal.url).content.decode()
    settings.PAGE_SECTIONS = False
    without = client.get(goal.url).content.decode()
    assert without_tokens(with_sections) == without_tokens(without)
    assert 'name="action" value="unfollow"' in with_sections


# The tag itself, on a template of its own -----------------------------------------------


@contextmanager
def rendering():
    """What the page-cache middleware sets up for every request: the render's state."""
    state = pagecache._Render(versions=pagecache._read_versions([pagecache.PAGES]))
    token = pagecache._render.set(state)
    try:
        yield state
    finally:
        pagecache._render.reset(token)


def render(source: str, user=None, request=None, **values) -> str:
    request = request or RequestFactory().get("/da/proeve/")
    request.user = user or AnonymousUser()
    template = Template("{% load fragment_tags %}" + source)
    with rendering():
        return template.render(RequestContext(request, values))


def token_in(html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_section_sees_no_reader_and_only_what_it_is_given():
    reader = make_user("resident")
    source = (
        '{% section "t" n=n %}[{{ user.is_authenticated }}|{{ secret }}|{{ n }}|'
        "{% csrf_token %}]{% endsection %}"
    )
    first, second = RequestFactory().get("/da/proeve/"), RequestFactory().get("/da/proeve/")
    html = render(source, user=reader, request=first, n=1, secret="kun-for-dig")
    assert "[False||1|" in html and "kun-for-dig" not in html
    assert fragments.CSRF_PLACEHOLDER not in html
    # Each reader's form carries a token of their own request's secret.
    assert _unmask_cipher_token(token_in(html)) == first.META["CSRF_COOKIE"]
    again = render(source, request=second, n=1)
    assert _unmask_cipher_token(token_in(again)) == second.META["CSRF_COOKIE"]
    assert first.META["CSRF_COOKIE"] != second.META["CSRF_COOKIE"]
    assert "[False||2|" in render(source, n=2)  # another value: rendered anew


def test_the_values_after_using_are_given_but_do_not_name_it():
    source = '{% section "u" n=n using label=label %}{{ label }}{% endsection %}'
    assert render(source, n=1, label="først") == "først"
    assert render(source, n=1, label="siden") == "først"  # named by n only
    assert render(source, n=2, label="siden") == "siden"


def renders_doing(monkeypatch, effect) -> list:
    """Each render of a section from now on does `effect()` first; the list counts them."""
    calls = []
    original = sections.render_alone

    def render_alone(context, nodelist, values):
        calls.append(values.get("n"))
        effect()
        return original(context, nodelist, values)

    monkeypatch.setattr(sections, "render_alone", render_alone)
    return calls


def test_a_section_that_changes_by_the_clock_is_kept_until_then(monkeypatch):
    calls = renders_doing(
        monkeypatch, lambda: pagecache.valid_until(timezone.now() + timedelta(seconds=60))
    )
    source = '{% section "clock" n=n %}{{ n }}{% endsection %}'
    render(source, n=1)
    render(source, n=1)
    assert calls == [1]
    later = pagecache._now() + 61
    monkeypatch.setattr(pagecache, "_now", lambda: later)
    render(source, n=1)
    assert calls == [1, 1]


def test_a_personal_section_is_never_kept(monkeypatch):
    calls = renders_doing(monkeypatch, pagecache.not_shared)
    source = '{% section "mine" n=n %}{{ n }}{% endsection %}'
    render(source, n=1)
    render(source, n=1)
    assert calls == [1, 1]


def test_a_section_is_retired_by_a_tag_it_read(monkeypatch):
    calls = renders_doing(monkeypatch, lambda: pagecache.depends_on("proeve"))
    source = '{% section "tagged" n=n %}{{ n }}{% endsection %}'
    render(source, n=1)
    render(source, n=1)
    assert calls == [1]
    pagecache.invalidate_now("proeve")
    render(source, n=1)
    assert calls == [1, 1]


def test_while_the_cache_does_not_answer_sections_are_rendered(monkeypatch):
    def away(tags):
        raise ConnectionError("Redis is restarting")

    source = '{% section "away" n=n using label=label %}{{ label }}{% endsection %}'
    render(source, n=1, label="først")
    monkeypatch.setattr(pagecache, "_read_versions_from_cache", away)
    assert render(source, n=1, label="siden") == "siden"


def test_the_process_keeps_sections_up_to_a_size(monkeypatch):
    """A debate's comments make sections of hundreds of kB: the process's memory of them is
    bounded by their size as well as their number, the oldest let go first."""
    monkeypatch.setattr(sections, "_LOCAL_CHARACTERS", 25_000)
    sections.forget()
    source = '{% section "big" n=n using text=text %}{{ text }}{% endsection %}'
    for n in range(5):
        render(source, n=n, text="x" * 10_000)
    assert len(sections._local) == 2
    assert sections._local_characters == 20_000
    sections.forget()
    assert sections._local_characters == 0
