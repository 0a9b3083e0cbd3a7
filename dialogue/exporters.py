"""What the debates hold about one person, for their data export (GDPR articles 15 and 20)."""

from dialogue.models import Comment, Reaction, Report


def export_dialogue(user) -> dict:
    return {
        "comments": list(
            Comment.objects.filter(author=user)
            .order_by("id")
            .values(
                "id",
                "debate_id",
                "parent_id",
                "body",
                "status",
                "hidden_reason",
                "created_at",
                "edited_at",
            )
        ),
        "reactions": list(
            Reaction.objects.filter(user=user)
            .order_by("id")
            .values("comment_id", "value", "created_at")
        ),
        "reports": list(
            Report.objects.filter(reporter=user)
            .order_by("id")
            .values("comment_id", "reason", "text", "created_at", "outcome")
        ),
    }
