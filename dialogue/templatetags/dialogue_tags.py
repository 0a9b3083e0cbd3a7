"""Template helpers for debate pages."""

from django import template

from dialogue.forms import CommentForm

register = template.Library()


@register.simple_tag
def reply_form(comment):
    """`{% reply_form comment as form %}`: the reply form under `comment`, with its own ids."""
    return CommentForm.for_reply(comment)
