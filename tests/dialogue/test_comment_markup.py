"""The comment is marked up once: the page's <template> for live comments is the server's own
include, and every form on a debate page has its own ids and a label."""

import json
from collections import Counter
from html.parser import HTMLParser

import pytest

from dialogue import services
from dialogue.models import MAX_COMMENT_LENGTH, CommentStatus
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, test):
        return next((node for node in self.walk() if test(node)), None)

    @property
    def hidden(self):
        node = self
        while node is not None:
            if "hidden" in node.attrs:
                return True
            node = node.parent
        return False


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent


def parse(html: str) -> Node:
    builder = TreeBuilder()
    builder.feed(html)
    return builder.root


def shape(node: Node, *, visible_only: bool):
    """What the live script relies on: tags, classes and data- hooks, in order. Values that
    differ by comment (ids, text, addresses, the depth class, the body itself) are left out."""
    classes = sorted(
        c for c in node.attrs.get("class", "").split() if not c.startswith("comment--depth")
    )
    hooks = sorted(name for name in node.attrs if name.startswith("data-"))
    children = [
        shape(child, visible_only=visible_only)
        for child in node.children
        if not (visible_only and "hidden" in child.attrs) and "data-body" not in node.attrs
    ]
    return (node.tag, tuple(classes), tuple(hooks), tuple(children))


@pytest.fixture
def page_with_comments(client):
    debate = make_debate()
    first = services.comment_create(user=UserFactory(), debate=debate, body="Første")[0]
    services.comment_create(user=UserFactory(), debate=debate, body="Svar", parent_id=first.pk)
    services.comment_create(user=UserFactory(), debate=debate, body="Anden")
    reader = UserFactory()
    client.force_login(reader)
    response = client.get(debate.url)
    assert response.status_code == 200
    return debate, first, parse(response.content.decode())


def test_the_live_template_is_the_server_include_for_a_published_comment(page_with_comments):
    _debate, first, document = page_with_comments
    template = document.find(lambda n: n.attrs.get("id") == "comment-template")
    from_template = template.find(lambda n: n.tag == "li")
    server = document.find(lambda n: n.attrs.get("id") == f"comment-{first.pk}")
    server.children = [c for c in server.children if c.tag != "ol"]  # its replies
    from_template.children = [c for c in from_template.children if c.tag != "ol"]
    assert shape(from_template, visible_only=True) == shape(server, visible_only=True)
    # The ids the script renumbers are the server's, with the comment's id in place of 0.
    ids = [n.attrs["id"] for n in from_template.walk() if "id" in n.attrs and not n.hidden]
    renumbered = [i.replace("comment-0", f"comment-{first.pk}") for i in ids]
    renumbered = [i.replace("reply-0-", f"reply-{first.pk}-") for i in renumbered]
    assert renumbered == [n.attrs["id"] for n in server.walk() if "id" in n.attrs]


def test_the_template_holds_every_status_the_script_can_show(page_with_comments):
    _debate, _first, document = page_with_comments
    template = document.find(lambda n: n.attrs.get("id") == "comment-template")
    hooks = {name for node in template.walk() for name in node.attrs if name.startswith("data-")}
    assert {
        "data-pending",
        "data-deleted",
        "data-hidden",
        "data-held",
        "data-hidden-reason",
    } <= hooks
    assert {"data-edited", "data-own", "data-report", "data-reply", "data-parent"} <= hooks


def test_limits_and_statuses_reach_the_script_from_python(page_with_comments):
    _debate, _first, document = page_with_comments
    root = document.find(lambda n: "data-debate" in n.attrs)
    assert int(root.attrs["data-max-length"]) == MAX_COMMENT_LENGTH
    statuses = json.loads(root.attrs["data-statuses"])
    assert statuses == {status.name: status.value for status in CommentStatus}
    assert set(root.attrs["data-withheld"].split()) == {
        CommentStatus.HELD,
        CommentStatus.HIDDEN,
        CommentStatus.REMOVED,
        CommentStatus.DELETED,
    }


def test_the_script_repeats_no_limit_or_status_literal():
    from pathlib import Path

    import dialogue

    static = Path(dialogue.__file__).parent / "static" / "dialogue"
    for script in [static / "debate.js", *(static / "debate").glob("*.js")]:
        text = script.read_text()
        assert str(MAX_COMMENT_LENGTH) not in text, script.name
        for status in CommentStatus:
            assert f'"{status.value}"' not in text, (script.name, status)


def test_every_form_control_on_a_page_with_several_reply_forms_has_a_label_and_a_unique_id(
    page_with_comments,
):
    _debate, _first, document = page_with_comments
    reply_forms = [n for n in document.walk() if n.tag == "form" and "data-comment-form" in n.attrs]
    assert len(reply_forms) >= 4  # the new comment, three replies (and the template's)
    ids = [n.attrs["id"] for n in document.walk() if "id" in n.attrs]
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    labelled = {n.attrs.get("for") for n in document.walk() if n.tag == "label"}
    for control in document.walk():
        if control.tag not in ("input", "textarea", "select"):
            continue
        if control.attrs.get("type") in ("hidden", "submit"):
            continue
        wrapped = control.parent.tag == "label" or (
            control.parent.parent is not None and control.parent.parent.tag == "label"
        )
        assert control.attrs.get("id") in labelled or wrapped or "aria-label" in control.attrs, (
            control.attrs
        )
