"""The debate page and the plain HTTP path, without JavaScript."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialogue import services
from dialogue.models import Comment, CommentStatus
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def debate():
    return make_debate()


def bulk_comments(debate, count, author):
    Comment.objects.bulk_create(
        Comment(debate=debate, author=author, body=f"c{i}", body_html=f"<p>c{i}</p>")
        for i in range(count)
    )
    tops = list(Comment.objects.filter(debate=debate).order_by("id")[:20])
    replies = []
    for top in tops:
        for i in range(8):
            replies.append(
                Comment(
                    debate=debate,
                    author=author,
                    parent=top,
                    root=top,
                    depth=1,
                    body=f"r{i}",
                    body_html=f"<p>r{i}</p>",
                )
            )
    Comment.objects.bulk_create(replies)


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries), response


def test_debate_page_query_count_is_the_same_for_20_and_2000_comments(client):
    author, reader = UserFactory(), UserFactory()
    small, large = make_debate(), make_debate()
    bulk_comments(small, 20, author)
    bulk_comments(large, 2000, author)
    client.force_login(reader)
    # What every later view reuses (the menu, each page's language links) is made once first.
    client.get(small.url)
    client.get(large.url)
    small_count, _ = count_queries(client, small.url)
    large_count, response = count_queries(client, large.url)
    assert small_count == large_count
    assert response.content.decode().count('class="comment comment--depth-0') == 20


def test_show_more_uses_a_keyset_cursor_not_an_offset(client, debate):
    author = UserFactory()
    bulk_comments(debate, 45, author)
    first = client.get(debate.url).content.decode()
    assert "after=" in first
    ids = list(
        Comment.objects.filter(debate=debate, parent=None)
        .order_by("id")
        .values_list("id", flat=True)
    )
    assert f"after={ids[19]}" in first
    second = client.get(f"/da/dialog/{debate.pk}/kommentarer/?sort=oldest&after={ids[19]}")
    body = second.content.decode()
    assert f'id="comment-{ids[20]}"' in body and f'id="comment-{ids[19]}"' not in body


def test_newest_first_and_most_reactions_sorts(client, debate):
    a, b = UserFactory(), UserFactory()
    first = services.comment_create(user=a, debate=debate, body="først")[0]
    second = services.comment_create(user=a, debate=debate, body="sidst")[0]
    services.reaction_set(user=b, comment=first, value="agree")
    newest = client.get(debate.url + "?sort=newest").content.decode()
    assert newest.index(f"comment-{second.pk}") < newest.index(f"comment-{first.pk}")
    popular = client.get(debate.url + "?sort=popular").content.decode()
    assert popular.index(f"comment-{first.pk}") < popular.index(f"comment-{second.pk}")


def test_a_verified_resident_posts_without_javascript(client, debate):
    client.force_login(UserFactory())
    response = client.post(f"/da/dialog/{debate.pk}/kommenter/", {"body": "Hej fra formularen"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert "Hej fra formularen" in client.get(debate.url).content.decode()


def test_anonymous_visitor_reads_but_is_asked_to_log_in(client, debate):
    page = client.get(debate.url).content.decode()
    assert "konto/login" in page
    response = client.post(f"/da/dialog/{debate.pk}/kommenter/", {"body": "Hej"})
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_rate_limited_post_keeps_the_text_and_says_why(client, debate, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment.post": {"user": "1/minute"}}
    client.force_login(UserFactory())
    client.post(f"/da/dialog/{debate.pk}/kommenter/", {"body": "første"})
    response = client.post(f"/da/dialog/{debate.pk}/kommenter/", {"body": "min lange tekst"})
    assert response.status_code == 429
    content = response.content.decode()
    assert "min lange tekst" in content
    assert "1" in content and "error-summary" in content


def test_too_long_post_comes_back_filled_in_with_400(client, debate):
    client.force_login(UserFactory())
    response = client.post(f"/da/dialog/{debate.pk}/kommenter/", {"body": "y" * 2001})
    assert response.status_code == 400
    assert "y" * 2001 in response.content.decode()


def test_reply_react_edit_and_delete_over_http(client, debate):
    author, reader = UserFactory(), UserFactory()
    top = services.comment_create(user=author, debate=debate, body="top")[0]
    client.force_login(reader)
    client.post(f"/da/dialog/{debate.pk}/kommenter/", {"body": "svar", "parent": top.pk})
    reply = Comment.objects.get(parent=top)
    client.post(f"/da/dialog/kommentar/{top.pk}/reaktion/", {"value": "agree"})
    top.refresh_from_db()
    assert top.agree_count == 1
    edit = client.post(f"/da/dialog/kommentar/{reply.pk}/ret/", {"body": "rettet svar"})
    assert edit.status_code == 302
    reply.refresh_from_db()
    assert reply.body == "rettet svar"
    client.post(f"/da/dialog/kommentar/{reply.pk}/slet/")
    reply.refresh_from_db()
    assert reply.status == CommentStatus.DELETED
    page = client.get(debate.url.replace("/da/", "/en/", 1)).content.decode()
    assert "The author deleted this comment." in page


def test_nobody_else_may_edit_a_comment(client, debate):
    top = services.comment_create(user=UserFactory(), debate=debate, body="top")[0]
    client.force_login(UserFactory())
    assert client.get(f"/da/dialog/kommentar/{top.pk}/ret/").status_code == 403
    assert client.post(f"/da/dialog/kommentar/{top.pk}/ret/", {"body": "x"}).status_code == 403


def test_pending_comment_is_seen_only_by_its_author(client):
    from dialogue.models import DebateState

    debate = make_debate(state=DebateState.PREMODERATED)
    author = UserFactory()
    comment = services.comment_create(user=author, debate=debate, body="skjult tekst")[0]
    assert "skjult tekst" not in client.get(debate.url).content.decode()
    client.force_login(author)
    assert f"comment-{comment.pk}" in client.get(debate.url).content.decode()


def test_debate_index_lists_counts_and_filters_by_state(client):
    from dialogue.models import DebateState

    open_debate = make_debate()
    closed = make_debate(state=DebateState.CLOSED, conclusion="Tak")
    services.comment_create(user=UserFactory(), debate=open_debate, body="x")
    index = open_debate.get_parent()
    page = client.get(index.url).content.decode()
    assert open_debate.question in page and closed.question in page
    filtered = client.get(index.url + "?state=closed").content.decode()
    assert closed.question in filtered and open_debate.question not in filtered
    assert client.get(index.url + "?state=nonsense&focus_area=abc").status_code == 400


def test_bad_cursor_is_ignored_not_a_500(client, debate):
    assert client.get(debate.url + "?after=abc&sort=popular").status_code == 200
    assert (
        client.get(f"/da/dialog/{debate.pk}/kommentarer/?after=1.x&sort=popular").status_code == 200
    )


def test_anonymous_readers_see_reaction_counts_not_buttons(client, debate):
    author, reader = UserFactory(), UserFactory()
    comment = services.comment_create(user=author, debate=debate, body="tal")[0]
    services.reaction_set(user=reader, comment=comment, value="agree")
    page = client.get(debate.url).content.decode()
    assert "reactions--counts" in page and 'data-reaction="agree"' not in page.split("<template")[0]
    client.force_login(reader)
    page = client.get(debate.url).content.decode()
    assert 'data-reaction="agree"' in page and 'aria-pressed="true"' in page
