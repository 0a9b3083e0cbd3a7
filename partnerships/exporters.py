"""What the partnerships holds about one person, for their data export (GDPR articles 15 and 20)."""


def export_memberships(user) -> list[dict]:
    """For the user's data export: the organisations they act for."""
    from partnerships.models import Membership

    return [
        {
            "organisation": m.organisation.name,
            "role": m.role,
            "joined_at": m.joined_at,
        }
        for m in Membership.objects.filter(user=user).select_related("organisation")
    ]
