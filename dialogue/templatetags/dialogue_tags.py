"""Template helpers for debate pages."""

from django import template

from dialogue.forms import CommentForm

register = template.Library()


@register.simple_tag
def reply_form(comment):
    """`{% reply_form comment as form %}`: the reply form under `comment`, with its own ids."""
    return CommentForm.for_reply(comment)


@register.simple_tag(takes_context=True)
def comment_tree(context, comments):
    """`{% comment_tree comments %}`: every comment of `comments` (a list, or one comment) with
    its replies, each an `<li>` (dialogue/includes/comment.html), from the fragments rendered
    once per look (dialogue/rendering.py)."""
    from dialogue.rendering import render_comments

    if comments is None:
        return ""
    return render_comments(context, comments if isinstance(comments, list | tuple) else [comments])
