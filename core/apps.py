from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor every app stands on (DESIGN.md, "Layout"). No models of its own."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from core.csv import guard_wagtail_exports

        guard_wagtail_exports()
