from django.core.exceptions import PermissionDenied

from partnerships.models import Organisation, ReviewStatus


def require(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied(perm)


def refresh_public(organisation: Organisation) -> None:
    """Public means approved and holding a pledge in force; stored so search can filter on it."""
    is_public = (
        organisation.status == ReviewStatus.APPROVED
        and organisation.pledges.filter(withdrawn_at__isnull=True).exists()
    )
    if is_public != organisation.is_public:
        organisation.is_public = is_public
        organisation.save(update_fields=["is_public", "updated_at"])
