from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveSessionsConfig(AppConfig):
    """Questions and polls in the room: a live session on an event page, joined from every
    phone with a short code, moderated in the site and shown on the big screen."""

    name = "livesessions"
    verbose_name = _("Live sessions")
