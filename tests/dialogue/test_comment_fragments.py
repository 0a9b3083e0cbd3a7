"""Each comment's HTML is rendered once per look and reused (dialogue/rendering.py,
core/fragments.py): never stale, never another reader's, in every language, with or without the
shared cache."""

import re

import pytest
from django.core.cache import caches
from django.test import Client

from accounts.models import Badge, BadgeKind
from core import fragments, pagecache
from dialogue import services
from dialogue.cache_tags import debate_tag
from dialogue.models import Comment, CommentStatus
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory
from tests.renders import renders_of

pytestmark = pytest.mark.django_db

COMMENT_TEMPLATE = "dialogue/includes/comment.html"


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    # Every request renders the page: what is reused is the comments' fragments.
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def renders():
    with renders_of(COMMENT_TEMPLATE) as seen:
        yield seen


@pytest.fixture
def debate():
    return make_debate()


def comment_html(page: str, pk: int) -> str:
    """The `<article>` of comment `pk` in a page."""
    match = re.search(rf'<li [^>]*id="comment-{pk}".*?</article>', page, re.S)
    assert match, f"comment {pk} is not on the page"
    return match.group(0)


def get(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_each_comment_is_rendered_once_then_reused(client, debate, renders):
    author = UserFactory()
    top = services.comment_create(user=author, debate=debate, body="Første")[0]
    services.comment_create(user=author, debate=debate, body="Svar", parent_id=top.pk)
    services.comment_create(user=author, debate=debate, body="Anden")
    first = get(client, debate.url)
    assert len(renders) == 4  # three comments and the live script's placeholder
    renders.clear()
    assert get(client, debate.url) == first
    assert not renders
    # Another process finds them in the shared cache.
    from core import fragments

    fragments.forget()
    assert get(client, debate.url) == first
    assert not renders


def test_a_change_to_a_comment_shows_at_once(client, debate, renders):
    author, reader = UserFactory(display_name="Amal"), UserFactory()
    comment = services.comment_create(user=author, debate=debate, body="Første udgave")[0]
    assert "Første udgave" in comment_html(get(client, debate.url), comment.pk)

    services.comment_edit(user=author, comment=comment, body="Anden udgave")
    html = comment_html(get(client, debate.url), comment.pk)
    assert "Anden udgave" in html and "Første udgave" not in html

    services.reaction_set(user=reader, comment=comment, value="agree")
    assert '<span data-count="agree">1</span>' in comment_html(get(client, debate.url), comment.pk)

    author.display_name = "Amal Hassan"
    author.save()
    Badge.objects.create(user=author, kind=BadgeKind.EXPERT)
    html = comment_html(get(client, debate.url), comment.pk)
    assert "Amal Hassan" in html and f"badge--{BadgeKind.EXPERT}" in html

    # Behind the services' back: the fragment's name still changes with the status. (The
    # anonymous reader's list of comments is a section, retired by the debate's tag as every
    # service does, core/sections.py; here that is done by hand.)
    Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.HIDDEN, hidden_reason="")
    pagecache.invalidate(debate_tag(debate.pk))
    html = comment_html(get(client, debate.url), comment.pk)
    assert "Anden udgave" not in html and "Hidden by the moderators." in get(
        client, debate.url.replace("/da/", "/en/", 1)
    )


def test_own_controls_and_reactions_stay_each_readers_own(client, debate):
    author, reader = UserFactory(), UserFactory()
    comment = services.comment_create(user=author, debate=debate, body="Min mening")[0]
    services.reaction_set(user=reader, comment=comment, value="agree")
    edit_link = f"/da/dialog/kommentar/{comment.pk}/ret/"

    anonymous = comment_html(get(client, debate.url), comment.pk)
    assert edit_link not in anonymous and "csrfmiddlewaretoken" not in anonymous

    client.force_login(reader)
    as_reader = comment_html(get(client, debate.url), comment.pk)
    assert edit_link not in as_reader
    assert re.search(r'aria-pressed="true" data-reaction="agree"', as_reader)
    assert "data-report" in as_reader  # others' comments may be reported

    client.force_login(UserFactory())  # no reaction: the author's look but for the ownership
    assert edit_link not in comment_html(get(client, debate.url), comment.pk)

    client.force_login(author)
    as_author = comment_html(get(client, debate.url), comment.pk)
    assert edit_link in as_author
    assert not re.search(r'aria-pressed="true"', as_author)
    assert "data-report" not in as_author  # not one's own

    client.logout()
    assert comment_html(get(client, debate.url), comment.pk) == anonymous


def test_every_form_carries_the_readers_own_csrf_token(debate):
    top = services.comment_create(user=UserFactory(), debate=debate, body="Spørgsmål")[0]
    tokens = {}
    for name in ("first", "second"):
        reader = UserFactory()
        browser = Client(enforce_csrf_checks=True)
        browser.force_login(reader)
        page = get(browser, debate.url)
        assert "\x00" not in page
        values = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
        assert values, "the logged-in page has forms"
        # A masked token differs per rendering but is the same within one page.
        assert len(values) == 1
        tokens[name] = values.pop()
        response = browser.post(
            f"/da/dialog/{debate.pk}/kommenter/",
            {"body": f"Svar fra {name}", "parent": top.pk, "csrfmiddlewaretoken": tokens[name]},
        )
        assert response.status_code == 302, response.content[:300]
    assert tokens["first"] != tokens["second"]
    assert Comment.objects.filter(parent_id=top.pk).count() == 2


def test_each_language_has_its_own_fragments(client, debate):
    comment = services.comment_create(user=UserFactory(), debate=debate, body="Hej")[0]
    client.force_login(UserFactory())
    danish = comment_html(get(client, debate.url), comment.pk)
    english = comment_html(get(client, debate.url.replace("/da/", "/en/", 1)), comment.pk)
    arabic = comment_html(get(client, debate.url.replace("/da/", "/ar/", 1)), comment.pk)
    assert ">Enig <" in danish and ">Agree <" in english
    assert len({danish, english, arabic}) == 3
    assert "/en/dialog/" in english and "/ar/dialog/" in arabic


def test_pages_render_while_the_shared_cache_is_away(client, debate, monkeypatch, caplog):
    comment = services.comment_create(user=UserFactory(), debate=debate, body="Stadig her")[0]

    def away(*args, **kwargs):
        raise ConnectionError("Redis is restarting")

    monkeypatch.setattr(caches["default"], "get_many", away)
    monkeypatch.setattr(caches["default"], "set_many", away)
    assert "Stadig her" in comment_html(get(client, debate.url), comment.pk)
    assert "fragment cache unavailable" in caplog.text


def client_ids(page: str) -> list[str]:
    return re.findall(r'<input type="hidden" name="client_id" value="([^"]*)"', page)


def test_every_form_served_has_a_client_id_of_its_own(client, debate):
    """A retry with the same client id returns the comment already saved, so a form kept in a
    fragment or section must not carry the id of the render that made it: a reader without
    JavaScript who replies twice to the same comment would lose the second reply."""
    comment = services.comment_create(user=UserFactory(), debate=debate, body="Spørg løs")[0]
    reader = UserFactory()
    client.force_login(reader)
    first, second = get(client, debate.url), get(client, debate.url)
    ids = client_ids(first) + client_ids(second)
    assert len(ids) >= 4 and len(set(ids)) == len(ids)  # a main form and a reply form each
    assert fragments.CLIENT_ID_PLACEHOLDER not in first + second
    for body in ("Første svar", "Andet svar"):
        page = get(client, debate.url)
        form = re.search(rf'id="reply-{comment.pk}-body".*?</form>', page, re.S).group(0)
        response = client.post(
            f"/da/dialog/{debate.pk}/kommenter/",
            {"body": body, "parent": comment.pk, "client_id": client_ids(form)[0]},
        )
        assert response.status_code in (200, 302, 303)
    replies = Comment.objects.filter(parent=comment, author=reader)
    assert sorted(replies.values_list("body", flat=True)) == ["Andet svar", "Første svar"]
