"""Each comment's HTML, rendered once per look and reused (core/fragments.py).

A debate page shows up to a hundred comments and their replies, each with its reactions, and for
a logged-in reader a reply and a report form: rendering them was nearly all of the page's time
(README, "Performance"). Each comment (`comment.html`, its replies left out) is a fragment named
by every value it is made from:

- the comment's: id, debate, depth, status, hide reason, times, counts, text, author, the
  author's public name and badges;
- the reader's: logged in or not, may post (then the reply form's debate) or report, their own
  comment or not, their reaction to it; the live script's placeholder (`as_template`);
- the language, and the release (core.fragments.release).

So a comment that changes, a reaction counted or a name changed is a new fragment, and no
fragment is ever retired. The CSRF token is put in when the fragment is served.
"""

from django.utils.safestring import mark_safe

from core import fragments

COMMENT_TEMPLATE = "dialogue/includes/comment.html"
# Where a comment's fragment has its replies (never in a comment: its text is escaped).
_REPLIES = "\x00replies\x00"
_REPLIES_MARK = mark_safe(_REPLIES)  # noqa: S308 (a constant)


def _trees(comments) -> list:
    everything, stack = [], list(reversed(comments))
    while stack:
        comment = stack.pop()
        everything.append(comment)
        stack.extend(reversed(getattr(comment, "children", None) or []))
    return everything


def _comment_parts(comment) -> tuple:
    author = comment.author if comment.author_id else None
    badges = ()
    if author is not None:
        # The badges the selector prefetched (a new queryset per comment costs more than the key).
        prefetched = getattr(author, "_prefetched_objects_cache", {}).get("badges")
        badges = tuple(
            badge.kind for badge in (prefetched if prefetched is not None else author.badges.all())
        )
    return (
        comment.pk,
        comment.debate_id,
        comment.depth,
        getattr(comment, "folded_replies", 0),
        comment.status,
        comment.hidden_reason,
        comment.created_at,
        comment.edited_at,
        comment.agree_count,
        comment.disagree_count,
        comment.body_html,
        comment.author_id,
        author.display_name if author is not None else None,
        badges,
    )


def _reader_parts(context, comment, as_template: bool) -> tuple:
    user = context.get("user")
    logged_in = bool(user is not None and user.is_authenticated)
    can_post = bool(context.get("can_post"))
    page = context.get("page")
    return (
        logged_in,
        can_post,
        getattr(page, "pk", None) if can_post else None,
        bool(context.get("can_report")),
        logged_in and comment.author_id == user.pk,
        getattr(comment, "my_reaction", None) if logged_in else None,
        as_template,
    )


def render_comments(context, comments) -> str:
    """The HTML of `comments` (each an `<li>`) and of their replies, from the fragments or
    rendered with `context` (the page's template context)."""
    everything = _trees(comments)
    if not everything:
        return mark_safe("")
    template = context.template.engine.get_template(COMMENT_TEMPLATE)
    as_template = bool(context.get("as_template"))
    names, renderers = {}, {}
    for comment in everything:
        name = fragments.key(
            "comment",
            _comment_parts(comment),
            _reader_parts(context, comment, as_template),
        )
        names[comment.pk] = name
        renderers[name] = fragments.renderer(
            context, template, comment=comment, replies_html=_REPLIES_MARK
        )
    found = fragments.get_or_render(renderers)
    token = _token_of(context)

    def tree(comment) -> str:
        html = fragments.as_served(found[names[comment.pk]], token)
        before, after = html.split(_REPLIES, 1)
        children = getattr(comment, "children", None) or []
        return before + "".join(tree(child) for child in children) + after

    return mark_safe("".join(tree(comment) for comment in comments))  # noqa: S308 (rendered templates)


def _token_of(context):
    def token() -> str:
        return str(context.get("csrf_token", ""))

    return token
