"""What the debates hold about one person, for their data export (GDPR articles 15 and 20)."""

from django.db.models import Prefetch, Q

from dialogue.models import Comment, CommentRevision, ModerationLogEntry, Reaction, Report


def export_dialogue(user) -> dict:
    comments = (
        Comment.objects.filter(author=user)
        .order_by("id")
        .prefetch_related(
            Prefetch("revisions", queryset=CommentRevision.objects.order_by("created_at", "id"))
        )
    )
    return {
        "comments": [
            {
                "id": comment.pk,
                "debate_id": comment.debate_id,
                "parent_id": comment.parent_id,
                "body": comment.body,
                "status": comment.status,
                "hidden_reason": comment.hidden_reason,
                "created_at": comment.created_at,
                "edited_at": comment.edited_at,
                # Every earlier text, oldest first (the moderators keep them, so the person may
                # see them too).
                "earlier_versions": [
                    {"body": revision.body, "replaced_at": revision.created_at}
                    for revision in comment.revisions.all()
                ],
            }
            for comment in comments
        ],
        "reactions": list(
            Reaction.objects.filter(user=user)
            .order_by("id")
            .values("comment_id", "value", "created_at")
        ),
        "reports": list(
            Report.objects.filter(reporter=user)
            .order_by("id")
            .values("comment_id", "reason", "text", "created_at", "resolved_at", "outcome")
        ),
        # What the moderators did about the person or their comments, with the reasons and
        # notes they wrote (the privacy page says so). Who the moderator was is left out.
        "moderation": list(
            ModerationLogEntry.objects.filter(Q(target_user=user) | Q(comment__author=user))
            .order_by("created_at", "id")
            .values("action", "created_at", "reason", "note", "comment_id", "target")
        ),
    }
