from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from notifications import topics
        from partnerships import notices, signals

        signals.connect()
        topics.register(notices.PREFIX, notices.describe_topics)
