"""Telling the people who follow a debate (notifications/): a reply to their comment, new
comments in a debate they follow, and the debate closed with its conclusion.

Everything here runs after the write's transaction commits, in a transaction of its own, and
never fails the write: a resident's comment is posted even when the notices cannot be written
(the failure is logged). The cost does not grow with the number of followers: a few queries
for the notices (notifications.services.notify_collapsed) whatever their number."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import Truncator

from accounts.models import Notification, User
from core.links import page_url
from core.locales import localized_page
from dialogue.models import Comment, CommentStatus, DebatePage
from dialogue.services.notify import comment_link
from notifications.services import (
    after_commit,
    follow_quietly,
    followers,
    notify,
    notify_collapsed,
)
from notifications.topics import page_topic

EXCERPT_CHARS = 200
CONCLUSION_CHARS = 600
CLOSED_TOLD_FOR = timedelta(days=1)


def _title(debate: DebatePage):
    """The debate's title in the language being written in. A function: `notify` calls it in
    each reader's language, and so do templates (a variable that is a function is called)."""
    return lambda: localized_page(debate).title


def _author_may_be_heard(author) -> bool:
    return author is not None and author.is_active and not author.is_blocked


def commenter_follows(*, user, debate: DebatePage) -> None:
    """Commenting follows the debate, unless the person turned that off (their setting)."""
    follow_quietly(user=user, topic=page_topic(debate))


def comment_went_public(comment: Comment) -> None:
    """The comment is visible to readers for the first time (posted without being held, or
    approved from the queue): after commit, its parent's author and the debate's followers
    hear of it. Call inside the write's transaction. With settings.NOTICES_IN_WORKER the worker
    does it (dialogue/tasks.py), and the write only queues the comment's id."""
    from dialogue.tasks import tell_about_comment as queued

    after_commit("a new comment", lambda: tell_about_comment(comment), queued=(queued, comment.pk))


def tell_about_comment(comment: Comment) -> None:
    author = comment.author
    if comment.status != CommentStatus.PUBLISHED or not _author_may_be_heard(author):
        return
    debate = comment.debate
    topic = page_topic(debate)
    title = _title(debate)
    common = {
        "topic": topic,
        "link": lambda: comment_link(comment),
        "topic_title": title,
        "actor": author,
    }
    audience = followers(topic)
    if comment.parent_id is not None:
        # The parent's author hears of the reply (unless it is their own) and not, besides,
        # of a new comment in the debate. Subqueries: no query of their own.
        parent_author = Comment.objects.filter(pk=comment.parent_id, author__isnull=False).values(
            "author_id"
        )
        audience = audience.exclude(pk__in=parent_author)
        notify(
            User.objects.filter(pk__in=parent_author),
            kind="reply",
            template="dialogue/notices/reply",
            context={
                "title": title,
                "author_name": author.display_name,
                "excerpt": Truncator(" ".join(comment.body.split())).chars(EXCERPT_CHARS),
            },
            **common,
        )
    notify_collapsed(
        audience,
        kind="debate_comments",
        template="dialogue/notices/debate_comments",
        context={"title": title},
        **common,
    )


def debate_was_closed(debate: DebatePage) -> None:
    """The debate is closed: after commit, its followers hear of it, with its conclusion."""
    after_commit("a debate closed", lambda: _tell_closed(debate))


def _conclusion(debate: DebatePage):
    def shown() -> str:
        page = localized_page(debate)
        text = page.conclusion if getattr(page, "conclusion", "") else debate.conclusion
        return Truncator(" ".join((text or "").split())).chars(CONCLUSION_CHARS)

    return shown


def _tell_closed(debate: DebatePage) -> None:
    topic = page_topic(debate)
    # Closing each translation of the debate in turn tells each follower once.
    told = Notification.objects.filter(
        topic=topic, kind="debate_closed", created_at__gte=timezone.now() - CLOSED_TOLD_FOR
    ).values("user_id")
    notify(
        followers(topic).exclude(pk__in=told),
        kind="debate_closed",
        template="dialogue/notices/debate_closed",
        context={"title": _title(debate), "conclusion": _conclusion(debate)},
        topic=topic,
        link=lambda: page_url(debate),
        topic_title=_title(debate),
    )
