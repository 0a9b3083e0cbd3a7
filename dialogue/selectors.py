"""Reads for debate pages. The number of queries is the same for 20 or 20,000 comments:
one for the top-level page, one for their replies, one for badges, one for the viewer's
reactions."""

import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db.models import (
    Count,
    DateTimeField,
    ExpressionWrapper,
    F,
    Q,
    Subquery,
    Value,
    Window,
)
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from accounts.models import Badge
from accounts.rules import can_take_part
from core import pagecache
from core.locales import children_in_every_language, one_per_translation
from dialogue.cache_tags import DEBATES, debate_tags
from dialogue.models import (
    MAX_COMMENT_LENGTH,
    MAX_REPORT_TEXT,
    PUBLIC_STATUSES,
    WITHHELD_STATUSES,
    Comment,
    CommentStatus,
    DebatePage,
    HideReason,
    Reaction,
    ReportReason,
)

SORTS = ("oldest", "newest", "popular")
REPLIES_SHOWN = 5  # per thread on the first render; the rest behind "show all replies"


@dataclass
class CommentPage:
    comments: list[Comment]
    sort: str
    next_cursor: str | None
    reactions: dict[int, str] = field(default_factory=dict)


def visible_comments(debate: DebatePage, viewer):
    visible = Q(status__in=PUBLIC_STATUSES)
    if viewer is not None and viewer.is_authenticated:
        visible |= Q(status=CommentStatus.PENDING, author_id=viewer.pk)
    return Comment.objects.filter(visible, debate=debate)


def _apply_cursor(queryset, sort: str, cursor: str | None):
    if sort == "popular":
        queryset = queryset.annotate(total=F("agree_count") + F("disagree_count"))
        if cursor:
            total, _, last_id = cursor.partition(".")
            total, last_id = int(total), int(last_id)
            queryset = queryset.filter(Q(total__lt=total) | Q(total=total, id__lt=last_id))
        return queryset.order_by("-total", "-id")
    if sort == "newest":
        if cursor:
            queryset = queryset.filter(id__lt=int(cursor))
        return queryset.order_by("-id")
    if cursor:
        queryset = queryset.filter(id__gt=int(cursor))
    return queryset.order_by("id")


def _cursor_for(comment: Comment, sort: str) -> str:
    if sort == "popular":
        return f"{comment.agree_count + comment.disagree_count}.{comment.pk}"
    return str(comment.pk)


def parse_sort(value: str | None) -> str:
    return value if value in SORTS else "oldest"


def valid_cursor(sort: str, cursor: str | None) -> str | None:
    """A cursor from the address bar is checked, never trusted."""
    if not cursor:
        return None
    parts = cursor.split(".") if sort == "popular" else [cursor]
    # isdigit() alone takes "²" and "٣", which int() or the database then refuse.
    usable = all(p.isascii() and p.isdigit() and len(p) <= 18 for p in parts)
    if len(parts) != (2 if sort == "popular" else 1) or not usable:
        return None
    return cursor


def comment_page(
    *, debate: DebatePage, viewer, sort: str = "oldest", cursor: str | None = None, size=None
) -> CommentPage:
    pagecache.depends_on(*debate_tags(debate.pk))
    # Opening and closing by the clock change the page without a write.
    now = timezone.now()
    for moment in (debate.opens_at, debate.closes_at):
        if moment is not None and moment > now:
            pagecache.valid_until(moment)
    size = size or settings.DIALOGUE_PAGE_SIZE
    sort = parse_sort(sort)
    cursor = valid_cursor(sort, cursor)
    base = visible_comments(debate, viewer).select_related("author")
    top = list(_apply_cursor(base.filter(parent__isnull=True), sort, cursor)[: size + 1])
    has_more = len(top) > size
    top = top[:size]
    replies = list(
        base.filter(root__in=[c.pk for c in top])
        .annotate(
            position=Window(RowNumber(), partition_by=[F("root_id")], order_by=[F("id").asc()]),
            thread_size=Window(Count("id"), partition_by=[F("root_id")]),
        )
        .filter(position__lte=REPLIES_SHOWN)
        .order_by("id")
    )
    _attach_replies(top, replies)
    everything = top + replies
    attach_badges(everything)
    reactions = {}
    if viewer is not None and viewer.is_authenticated and everything:
        reactions = dict(
            Reaction.objects.filter(
                user=viewer, comment_id__in=[c.pk for c in everything]
            ).values_list("comment_id", "value")
        )
    for comment in everything:
        comment.my_reaction = reactions.get(comment.pk)
    next_cursor = _cursor_for(top[-1], sort) if has_more and top else None
    return CommentPage(comments=top, sort=sort, next_cursor=next_cursor, reactions=reactions)


def comment_list(*, debate: DebatePage, user, sort: str | None, cursor: str | None) -> dict:
    """What the debate page needs for its list of comments. The first page of them is a section
    (core/sections.py), reused until the debate or its authors change: one for anonymous
    readers, one for logged-in readers with nothing of their own in this debate (no comment, no
    reaction), which is most of them; a reader with their own part gets their own list. The
    comments are read only when the list is rendered (`comment_page`, lazily)."""
    sort = parse_sort(sort)
    cursor = valid_cursor(sort, cursor)
    shared = cursor is None and not has_own_part(debate=debate, user=user)
    viewer = AnonymousUser() if shared else user  # the shared list has no one's own part
    return {
        "comment_page": SimpleLazyObject(
            lambda: comment_page(debate=debate, viewer=viewer, sort=sort, cursor=cursor)
        ),
        "comment_sort": sort,
        "comments_section": "debate-comments" if shared else "",
        "comments_signed_in": user.is_authenticated,
    }


def has_own_part(*, debate: DebatePage, user) -> bool:
    """Whether `user` wrote a comment in `debate` (in any state) or reacted to one of its
    comments: only then is their list of its comments not the one every other logged-in reader
    with the same rights sees (own controls, own reactions, own comments awaiting moderation)."""
    if not user.is_authenticated:
        return False
    return (
        Comment.objects.filter(debate=debate, author=user).exists()
        or Reaction.objects.filter(user=user, comment__debate=debate).exists()
    )


def attach_badges(comments) -> None:
    """Each author's badges, in one query, kept where a prefetch keeps them (so
    `author.badges.all` reads them without a query). Django's own prefetch builds a queryset
    per author to hold them: on a page of a hundred comments that took longer than the query."""
    authors = [c.author for c in comments if c.author_id]
    by_user: dict[int, list] = {}
    if authors:
        for badge in Badge.objects.filter(user_id__in={a.pk for a in authors}).order_by("pk"):
            by_user.setdefault(badge.user_id, []).append(badge)
    for author in authors:
        cache = author.__dict__.setdefault("_prefetched_objects_cache", {})
        cache["badges"] = by_user.get(author.pk, [])


def _attach_replies(top: list[Comment], replies: list[Comment]) -> None:
    by_id = {c.pk: c for c in top}
    for comment in top:
        comment.children = []
        comment.folded_replies = 0
    for reply in replies:
        reply.children = []
        by_id[reply.pk] = reply
    for reply in replies:
        parent = by_id.get(reply.parent_id)
        if parent is not None:
            parent.children.append(reply)
        root = by_id.get(reply.root_id)
        if root is not None:
            root.folded_replies = max(0, reply.thread_size - REPLIES_SHOWN)


def thread(*, debate: DebatePage, viewer, root_id: int) -> Comment | None:
    """A whole thread, for "show all replies"."""
    pagecache.depends_on(*debate_tags(debate.pk))
    base = visible_comments(debate, viewer).select_related("author")
    root = base.filter(pk=root_id, parent__isnull=True).first()
    if root is None:
        return None
    replies = list(base.filter(root=root).order_by("id"))
    root.children, root.folded_replies = [], 0
    by_id = {root.pk: root}
    for reply in replies:
        reply.children = []
        by_id[reply.pk] = reply
    for reply in replies:
        parent = by_id.get(reply.parent_id)
        if parent is not None:
            parent.children.append(reply)
    everything = [root, *replies]
    attach_badges(everything)
    reactions = {}
    if viewer is not None and viewer.is_authenticated:
        reactions = dict(
            Reaction.objects.filter(
                user=viewer, comment_id__in=[c.pk for c in everything]
            ).values_list("comment_id", "value")
        )
    for comment in everything:
        comment.my_reaction = reactions.get(comment.pk)
    return root


# Comments saved at the same moment by different processes (or threads of one) may commit, and
# so reach open pages, out of id order: a page that saw id 11 may not have seen 10 yet. Catch-up
# also returns what was written this long before the last comment seen; the page skips those
# it has.
CATCH_UP_OVERLAP = timedelta(seconds=10)


def comments_after(*, debate: DebatePage, after_id: int, limit: int = 200) -> list[Comment]:
    """Catch-up after a reconnect: everything public with an id above the last one seen, and
    what was written in the moments before it (CATCH_UP_OVERLAP). One query."""
    pagecache.depends_on(*debate_tags(debate.pk))
    last_seen = Comment.objects.filter(pk=after_id, debate=debate).values("created_at")[:1]
    just_before = Q(
        id__lt=after_id,
        created_at__gte=ExpressionWrapper(
            Subquery(last_seen) - Value(CATCH_UP_OVERLAP), output_field=DateTimeField()
        ),
    )
    comments = list(
        Comment.objects.filter(debate=debate, status=CommentStatus.PUBLISHED)
        .filter(Q(id__gt=after_id) | just_before)
        .select_related("author")
        .order_by("id")[:limit]
    )
    attach_badges(comments)
    return comments


def debate_index(*, parent, focus_area: int | None = None, state: str | None = None):
    """The live debates under `parent`, most recently active first, narrowed by plain filters
    (already checked by the page's filter form)."""
    pagecache.depends_on(DEBATES)
    # Debates written under the index's translations are listed too, each once, in the
    # reader's language where it has one (core/locales.py).
    debates = one_per_translation(
        children_in_every_language(parent, DebatePage).live().public()
    ).select_related("focus_area", "locale")
    if focus_area:
        # The chosen focus area in any of its languages.
        key = Page.objects.filter(pk=focus_area).values("translation_key")
        debates = debates.filter(focus_area__translation_key__in=key)
    if state:
        debates = debates.filter(state=state)
    return debates.order_by("-last_activity_at", "-first_published_at")


def comment_context(user) -> dict:
    """What every rendering of a comment needs besides the comment: whether this reader may
    report at all (the per-comment rule, not one's own and only published ones, is applied in
    the template) and the reasons' labels."""
    return {
        "can_report": user.is_authenticated and can_take_part.test(user),
        "report_reasons": ReportReason.choices,
        "max_report_text": MAX_REPORT_TEXT,
        "hide_reasons": HideReason.choices,
    }


def comment_template_context(debate: DebatePage) -> dict:
    """What the page's live script reads from the server instead of repeating it: the
    `<template>` a new comment is cloned from (the same include as every server-rendered
    comment, for a placeholder comment with id 0), the length limit and the statuses."""
    placeholder = Comment(
        id=0, debate=debate, depth=0, status=CommentStatus.PUBLISHED, created_at=None
    )
    placeholder.children, placeholder.folded_replies, placeholder.my_reaction = [], 0, None
    return {
        "template_comment": placeholder,
        "max_comment_length": MAX_COMMENT_LENGTH,
        "comment_statuses": json.dumps({status.name: status.value for status in CommentStatus}),
        "withheld_statuses": " ".join(WITHHELD_STATUSES),
    }
