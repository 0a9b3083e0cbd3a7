"""What this app keeps about a person, for the data export (the notices themselves are in the
account's section, accounts.services.user_export)."""

from notifications import services
from notifications.models import DigestSent, Follow


def export_notifications(user) -> dict:
    return {
        "follows": list(
            Follow.objects.filter(user=user).order_by("pk").values("topic", "created_at")
        ),
        "email_settings": services.preferences(user),
        "follow_debates_i_comment": user.follow_debates_i_comment,
        "summaries_sent": list(
            DigestSent.objects.filter(user=user)
            .order_by("pk")
            .values("frequency", "period", "notices", "sent_at")
        ),
    }
