from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from accounts import services
from accounts.forms import DeleteAccountForm, ProfileForm
from core.http import post_only


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(
            user=request.user,
            display_name=form.cleaned_data["display_name"],
            preferred_language=form.cleaned_data["preferred_language"],
        )
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    status = 400 if form.errors else 200
    # The newest few; the notices page (notifications:list) has them all and marks them read.
    notifications = list(request.user.notifications.all()[:5])
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "notifications": notifications},
        status=status,
    )


@login_required
@post_only(lambda request: reverse("accounts:profile"))
def export(request):
    response = HttpResponse(
        services.user_export(user=request.user), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="bland-dig-i-byen-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete(request):
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.user_delete(user=user)
        messages.success(request, _("Your account has been deleted."))
        return redirect("/")
    status = 400 if form.errors else 200
    return render(request, "accounts/delete.html", {"form": form}, status=status)


def _forward_to_login(request, default_next: str):
    wanted = request.GET.get("next") or default_next
    if not url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        wanted = default_next
    return HttpResponseRedirect(f"{reverse('account_login')}?{urlencode({'next': wanted})}")


@csrf_exempt  # it only forwards: nothing is read from the form, nobody is logged in here
def admin_login(request):
    """`/admin/login/` (Wagtail's login view otherwise): forwards, GET or POST, to allauth's
    login with the page the person wanted, and never authenticates anybody itself."""
    return _forward_to_login(request, reverse("wagtailadmin_home"))


@csrf_exempt  # as above
def frontend_login(request):
    """`/<language>/_util/login/` (Django's plain login view, which Wagtail serves for pages
    restricted to logged-in people): forwards to allauth's login like `admin_login`."""
    return _forward_to_login(request, "/")


def admin_password_reset(request):
    """Wagtail's password reset pages forward to allauth's (rate limited, one e-mail path)."""
    return HttpResponseRedirect(reverse("account_reset_password"))
