"""The JSON a live event carries about a comment: exactly what the page's <template> needs."""

from django.utils.translation import gettext as _

from dialogue.models import Comment, CommentStatus


def author_payload(comment: Comment) -> dict:
    author = comment.author
    if author is None:
        return {"id": None, "name": _("Deleted account"), "badges": []}
    badges = [{"kind": b.kind, "label": str(b.get_kind_display())} for b in author.badges.all()]
    return {"id": author.pk, "name": author.display_name, "badges": badges}


def comment_payload(comment: Comment) -> dict:
    removed = comment.status in (CommentStatus.DELETED, CommentStatus.HIDDEN)
    return {
        "id": comment.pk,
        "debate": comment.debate_id,
        "parent": comment.parent_id,
        "root": comment.root_id,
        "depth": comment.depth,
        "status": comment.status,
        "author": author_payload(comment),
        "body_html": "" if removed else comment.body_html,
        "created_at": comment.created_at.isoformat(),
        "edited": comment.edited_at is not None,
        "agree": comment.agree_count,
        "disagree": comment.disagree_count,
        "client_id": str(comment.client_id),
    }
