"""The JSON a live event carries about a comment: exactly what the page's <template> needs."""

from django.utils.translation import gettext as _

from dialogue.models import Comment


def author_payload(comment: Comment) -> dict:
    author = comment.author
    if author is None:
        return {"id": None, "name": _("Deleted account"), "badges": []}
    badges = [{"kind": b.kind, "label": str(b.get_kind_display())} for b in author.badges.all()]
    return {"id": author.pk, "name": author.display_name, "badges": badges}


def comment_payload(comment: Comment) -> dict:
    removed = comment.is_withheld
    return {
        "id": comment.pk,
        "debate": comment.debate_id,
        "parent": comment.parent_id,
        "root": comment.root_id,
        "depth": comment.depth,
        "status": comment.status,
        "author": author_payload(comment),
        "body_html": "" if removed else comment.body_html,
        # The page shows "Hidden by the moderators: <reason>" in its reader's language from
        # the code; the label (in the sender's language) is for other clients.
        "hidden_reason": comment.hidden_reason,
        "hidden_reason_label": str(comment.get_hidden_reason_display())
        if comment.hidden_reason
        else "",
        "created_at": comment.created_at.isoformat(),
        "edited": comment.edited_at is not None,
        "agree": comment.agree_count,
        "disagree": comment.disagree_count,
        "client_id": str(comment.client_id),
    }
