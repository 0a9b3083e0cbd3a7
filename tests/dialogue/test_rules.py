"""Every debate permission, role by role and state by state (meinBerlin's rules tests): who may
comment, change, delete, react, report, moderate and switch a debate's state. A superuser holds
every permission, as Django gives them."""

import pytest

from dialogue.models import Comment, CommentStatus, DebatePage, DebateState
from tests.dialogue.factories import make_debate
from tests.factories import UserFactory
from tests.roles import make_user, matrix

pytestmark = pytest.mark.django_db

T, F = True, False


def debate(state) -> DebatePage:
    """A closed debate needs its conclusion."""
    if state == DebateState.CLOSED:
        return make_debate(state=state, conclusion="Tak for debatten.")
    return make_debate(state=state)


def comment(*, author, status=CommentStatus.PUBLISHED, state=DebateState.OPEN) -> Comment:
    return Comment.objects.create(
        debate=debate(state), author=author, body="Hej", body_html="<p>Hej</p>",
        status=status,
    )  # fmt: skip


def own_or_other(user):
    """The role's own comment; someone else's for the anonymous visitor, who has none."""
    return user if user.is_authenticated else UserFactory()


DEBATES = ("open", "premoderated", "closed")
POST_COMMENT = {
    "anonymous": (F, F, F),
    "unverified": (F, F, F),
    "resident": (T, T, F),
    "blocked": (F, F, F),
    "partner": (T, T, F),
    "editor": (T, T, F),
    "moderator": (T, T, F),
    "superuser": (T, T, T),
}


@pytest.mark.parametrize("role, state, expected", matrix(DEBATES, POST_COMMENT))
def test_post_comment(role, state, expected):
    user = make_user(role)
    assert user.has_perm("dialogue.post_comment", debate(state)) is expected


OWN_COMMENTS = ("own_published", "own_pending", "own_hidden", "own_in_closed", "others")
EDIT_COMMENT = {
    "anonymous": (F, F, F, F, F),
    "unverified": (F, F, F, F, F),
    "resident": (T, T, F, F, F),
    "blocked": (F, F, F, F, F),
    "partner": (T, T, F, F, F),
    "editor": (T, T, F, F, F),
    "moderator": (T, T, F, F, F),
    "superuser": (T, T, T, T, T),
}
DELETE_OWN_COMMENT = {
    "anonymous": (F, F, F, F, F),
    "unverified": (T, T, F, T, F),
    "resident": (T, T, F, T, F),
    "blocked": (T, T, F, T, F),
    "partner": (T, T, F, T, F),
    "editor": (T, T, F, T, F),
    "moderator": (T, T, F, T, F),
    "superuser": (T, T, T, T, T),
}


def own_comment_in(state: str, user) -> Comment:
    if state == "others":
        return comment(author=UserFactory())
    author = own_or_other(user)
    if state == "own_in_closed":
        return comment(author=author, state=DebateState.CLOSED)
    status = {
        "own_published": CommentStatus.PUBLISHED,
        "own_pending": CommentStatus.PENDING,
        "own_hidden": CommentStatus.HIDDEN,
    }[state]
    return comment(author=author, status=status)


@pytest.mark.parametrize("role, state, expected", matrix(OWN_COMMENTS, EDIT_COMMENT))
def test_edit_comment(role, state, expected):
    user = make_user(role)
    assert user.has_perm("dialogue.edit_comment", own_comment_in(state, user)) is expected


@pytest.mark.parametrize("role, state, expected", matrix(OWN_COMMENTS, DELETE_OWN_COMMENT))
def test_delete_own_comment(role, state, expected):
    user = make_user(role)
    assert user.has_perm("dialogue.delete_own_comment", own_comment_in(state, user)) is expected


OTHERS_COMMENTS = ("published", "pending", "hidden", "in_closed", "own")
REACT_TO_COMMENT = {
    "anonymous": (F, F, F, F, F),
    "unverified": (F, F, F, F, F),
    "resident": (T, F, F, F, F),
    "blocked": (F, F, F, F, F),
    "partner": (T, F, F, F, F),
    "editor": (T, F, F, F, F),
    "moderator": (T, F, F, F, F),
    "superuser": (T, T, T, T, T),
}
# Reporting is not taking part: a closed debate's comments may still be reported.
REPORT_COMMENT = {
    "anonymous": (F, F, F, F, F),
    "unverified": (F, F, F, F, F),
    "resident": (T, F, F, T, F),
    "blocked": (F, F, F, F, F),
    "partner": (T, F, F, T, F),
    "editor": (T, F, F, T, F),
    "moderator": (T, F, F, T, F),
    "superuser": (T, T, T, T, T),
}


def others_comment_in(state: str, user) -> Comment:
    if state == "own":
        return comment(author=own_or_other(user))
    if state == "in_closed":
        return comment(author=UserFactory(), state=DebateState.CLOSED)
    status = {
        "published": CommentStatus.PUBLISHED,
        "pending": CommentStatus.PENDING,
        "hidden": CommentStatus.HIDDEN,
    }[state]
    return comment(author=UserFactory(), status=status)


@pytest.mark.parametrize("role, state, expected", matrix(OTHERS_COMMENTS, REACT_TO_COMMENT))
def test_react_to_comment(role, state, expected):
    user = make_user(role)
    if role == "anonymous" and state == "own":
        expected = False
    assert user.has_perm("dialogue.react_to_comment", others_comment_in(state, user)) is expected


@pytest.mark.parametrize("role, state, expected", matrix(OTHERS_COMMENTS, REPORT_COMMENT))
def test_report_comment(role, state, expected):
    user = make_user(role)
    assert user.has_perm("dialogue.report_comment", others_comment_in(state, user)) is expected


STAFF = ("-",)
ONLY_MODERATORS = {
    "anonymous": (F,),
    "unverified": (F,),
    "resident": (F,),
    "blocked": (F,),
    "partner": (F,),
    "editor": (F,),
    "moderator": (T,),
    "superuser": (T,),
}
MODERATORS_AND_EDITORS = {**ONLY_MODERATORS, "editor": (T,)}


@pytest.mark.parametrize(
    "perm",
    [
        "dialogue.moderate_comments",
        "dialogue.view_moderation_log",
        "dialogue.see_comment_revisions",
    ],
)
@pytest.mark.parametrize("role, state, expected", matrix(STAFF, ONLY_MODERATORS))
def test_only_comment_moderators_moderate(perm, role, state, expected):
    assert make_user(role).has_perm(perm) is expected


@pytest.mark.parametrize("role, state, expected", matrix(STAFF, MODERATORS_AND_EDITORS))
def test_switch_debate_state(role, state, expected):
    assert make_user(role).has_perm("dialogue.switch_debate_state") is expected


@pytest.mark.parametrize("role, state, expected", matrix(STAFF, ONLY_MODERATORS))
def test_only_comment_moderators_reach_the_moderation_queue(client, role, state, expected):
    user = make_user(role)
    if user.is_authenticated:
        client.force_login(user)
    assert (client.get("/admin/moderation/").status_code == 200) is expected
