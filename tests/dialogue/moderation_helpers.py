"""What the moderation service tests share: a debate with a comment, a reader who reports it
from an address of their own, and the site's moderation settings."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Site

from dialogue import services
from dialogue.models import ModerationSettings
from tests.factories import UserFactory


def set_moderation(**fields):
    site = Site.objects.get(is_default_site=True)
    settings, _ = ModerationSettings.objects.get_or_create(site=site)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def report(user, comment, reason="spam", text="", ip=None):
    """Each reader reports from an address of their own unless `ip` says otherwise."""
    if ip is None and user.pk:
        ip = f"10.0.{user.pk // 256}.{user.pk % 256}"
    return services.report_create(user=user, comment=comment, reason=reason, text=text, ip=ip)


def blocked_user():
    return UserFactory(blocked_until=timezone.now() + timedelta(days=3))
