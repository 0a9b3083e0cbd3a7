from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    """The city's promises followed from goal to activity: the committees' action plans, the
    think tank's assessments, the yearly status report and the annual cycle."""

    name = "accountability"
    verbose_name = _("Accountability")

    def ready(self):
        from accountability import signals

        signals.connect()
