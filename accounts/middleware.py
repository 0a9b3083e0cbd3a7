"""Staff reach the admin only with a verified e-mail and a second factor proved in this session
(accounts/mfa.py). Every admin page and every moderation action lives under the admin's
prefix, so one check in front of it covers them all, POSTs included."""

from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import mfa


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.guard(request)
        return response if response is not None else self.get_response(request)

    def guard(self, request):
        if not request.user.is_authenticated or not self.is_admin_path(request.path):
            return None
        step = mfa.refusal_step(request)
        if step is None:
            return None
        next_path = (
            request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
        )
        if step == "verify":
            messages.error(request, _("Confirm your e-mail address before you use the admin."))
            return HttpResponseRedirect(reverse("account_email"))
        if step == "set_up":
            request.session[mfa.NEXT_SESSION_KEY] = next_path
            messages.info(
                request,
                _(
                    "City staff log in with a code from an authenticator app as well as their "
                    "password. Set it up now: it takes two steps."
                ),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        messages.info(request, _("Enter the code from your authenticator app to go on."))
        query = urlencode({"next": next_path})
        return HttpResponseRedirect(f"{reverse('mfa_reauthenticate')}?{query}")

    @staticmethod
    def is_admin_path(path: str) -> bool:
        if not path.startswith(reverse("wagtailadmin_home")):
            return False
        # Leaving is always allowed; the login address only forwards to allauth's.
        return path not in (reverse("wagtailadmin_logout"), reverse("wagtailadmin_login"))
