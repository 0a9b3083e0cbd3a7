from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = _("Dialogue")

    def ready(self):
        from accounts.services import register_exporter
        from dialogue.exporters import export_dialogue

        register_exporter("dialogue", export_dialogue)
