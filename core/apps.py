from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The ground floor every app stands on (DESIGN.md, "Layout"). No models of its own."""

    name = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import pre_save

        from core.csv import guard_wagtail_exports
        from core.locales import install_localized_urls, install_source_fallback
        from core.page_addresses import install_reserved_address_check
        from core.pagecache import connect_page_signals
        from core.uploads import strip_metadata_before_save

        guard_wagtail_exports()
        install_localized_urls()
        install_source_fallback()
        install_reserved_address_check()
        connect_page_signals()
        pre_save.connect(strip_metadata_before_save, dispatch_uid="core.uploads.strip_metadata")
