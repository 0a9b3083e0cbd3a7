from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


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


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from accounts.services import register_exporter

        register_exporter("partnerships", export_memberships)
