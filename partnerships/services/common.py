from django.core.exceptions import ValidationError
from wagtail.search.index import insert_or_update_object

from core.errors import ServiceError
from partnerships.models import Organisation, ReviewStatus


def full_clean(instance, **kwargs) -> None:
    """`instance.full_clean(...)`, its refusal as a `ServiceError` with each message on its
    field, so views put it next to the input it concerns."""
    try:
        instance.full_clean(**kwargs)
    except ValidationError as error:
        raise ServiceError.from_validation_error(error) from None


def refresh_public(organisation: Organisation) -> None:
    """Public means approved and holding a pledge in force; stored so search can filter on it.
    The search index is brought up to date either way: it holds the pledge's commitments."""
    is_public = (
        organisation.status == ReviewStatus.APPROVED
        and organisation.pledges.filter(withdrawn_at__isnull=True).exists()
    )
    if is_public != organisation.is_public:
        organisation.is_public = is_public
        organisation.save(update_fields=["is_public", "updated_at"])  # re-indexes it too
    else:
        insert_or_update_object(organisation)
