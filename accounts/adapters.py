import time
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context
from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language

from core.clientip import client_ip
from core.links import absolute_url, site_url


@dataclass(frozen=True)
class SiteIdentity:
    """What allauth's mails call `current_site`: the platform's name and public host, not the
    host and port a request happened to come in on."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """Keeps the language a resident signed up in, so later e-mails reach them in it; and builds
    every link and greeting in allauth's mails from SITE_URL (core.links)."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data.get("display_name", "").strip()
        if not user.preferred_language:
            user.preferred_language = get_language() or ""
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        site = SiteIdentity(name=settings.WAGTAIL_SITE_NAME, domain=urlsplit(site_url()).netloc)
        return super().send_mail(template_prefix, email, {"current_site": site, **context})

    def get_client_ip(self, request):
        """allauth's limits (sign-up, login) count the address the rest of the site uses: the
        peer, or the proxy's X-Forwarded-For only when uvicorn trusts that proxy."""
        return client_ip(request)

    def get_email_confirmation_url(self, request, emailconfirmation):
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def get_reset_password_from_key_url(self, key):
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A login a few minutes ago is as fresh as a reauthentication (allauth 65 counts only
        the latter): staff sent to set up their authenticator right after logging in are not
        asked for their password a second time. A session from earlier still is."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = self.request or context.request
        if request is None or not request.user.is_authenticated:
            return True
        times = [r.get("at", 0) for r in get_authentication_records(request, request.user)]
        return not times or time.time() - max(times) >= account_settings.REAUTHENTICATION_TIMEOUT
