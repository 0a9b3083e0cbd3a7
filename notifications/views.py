"""The notices page, e-mail settings, what I follow, the follow buttons' form and the
unsubscribe link. Every form works without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from core.errors import ServiceError
from core.http import post_only
from notifications import services
from notifications.forms import EmailSettingsForm
from notifications.topics import describe


def _back(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_http_methods(["GET", "POST"])
def notice_list(request):
    if request.method == "POST":
        ids = None
        if request.POST.get("id"):
            try:
                ids = [int(request.POST["id"])]
            except ValueError:
                ids = []
        marked = services.mark_read(user=request.user, ids=ids)
        if marked:
            messages.success(request, _("Marked as read."))
        return redirect(_back(request, reverse("notifications:list")))
    page = Paginator(services.unread_first(request.user), 30).get_page(request.GET.get("side"))
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread": services.unread_counts([request.user.pk])[request.user.pk]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def email_settings(request):
    form = EmailSettingsForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your e-mail settings are saved."))
        return redirect("notifications:settings")
    return render(
        request, "notifications/settings.html", {"form": form}, status=400 if form.errors else 200
    )


@login_required
@require_http_methods(["GET", "POST"])
def following_list(request):
    if request.method == "POST":
        topic = request.POST.get("topic", "")
        if services.unfollow(user=request.user, topic=topic):
            messages.success(request, _("You no longer follow it."))
        return redirect("notifications:following")
    return render(
        request, "notifications/following.html", {"follows": services.following(request.user)}
    )


@post_only(lambda request: reverse("notifications:following"))
def follow_toggle(request):
    topic = request.POST.get("topic", "")
    back = _back(request, reverse("notifications:following"))
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?next={back}")
    described = describe([topic]).get(topic)
    if request.POST.get("action") == "unfollow":
        services.unfollow(user=request.user, topic=topic)
        if described:
            messages.success(
                request, _("You no longer follow “%(title)s”.") % {"title": described.title}
            )
        return HttpResponseRedirect(back)
    try:
        services.follow(user=request.user, topic=topic)
    except ServiceError as error:
        messages.error(request, error.message)
        return HttpResponseRedirect(back)
    messages.success(
        request,
        _("You now follow “%(title)s”. You choose how you hear of it under e-mail settings.")
        % {"title": described.title},
    )
    return HttpResponseRedirect(back)


@csrf_exempt  # the signed link is the proof; RFC 8058 one-click POSTs come from mail programs
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    try:
        _user, group = services.unsubscribe_read(token)
    except ServiceError as error:
        context = {"error": error.message}
        return render(request, "notifications/unsubscribe.html", context, status=400)
    if request.method == "POST":
        _user, codes = services.unsubscribe(token=token)
        return render(request, "notifications/unsubscribe.html", {"done": True, "codes": codes})
    return render(request, "notifications/unsubscribe.html", {"token": token, "group": group})
