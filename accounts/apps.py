from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from accounts.cache_tags import PEOPLE
        from accounts.models import Badge
        from core import pagecache

        def badges_changed(**kwargs):
            pagecache.invalidate(PEOPLE)

        post_save.connect(
            badges_changed, sender=Badge, dispatch_uid="accounts.pagecache.badge", weak=False
        )
        post_delete.connect(
            badges_changed,
            sender=Badge,
            dispatch_uid="accounts.pagecache.badge_deleted",
            weak=False,
        )
