"""Sign-up and cancellation (plain form posts), calendars, partner
submissions and the organiser's lists. The listing and event pages are Wagtail pages."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from core.clientip import client_ip
from core.csv import safe_row
from core.errors import ServiceError, add_to_form
from core.http import localized_url, post_only
from core.links import page_url
from core.locales import active_locale
from core.rules import refusal
from events import selectors, services
from events.calendars import event_calendar, feed_calendar
from events.forms import EventSubmissionForm
from events.models import (
    Districts,
    EventIndexPage,
    EventKind,
    EventPage,
    Registration,
    RegistrationStatus,
)
from events.rules import approved_organisations


def _event(pk: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live().public().specific(), pk=pk)


def _render_event(request, event: EventPage, status: int, **extra):
    context = event.get_context(request)
    context.update(extra)
    return TemplateResponse(request, event.get_template(request), context, status=status)


def _back_to_event(request, event: EventPage):
    return HttpResponseRedirect(f"{event.get_url(request)}#signup", status=303)


def _back_to_signup(request, pk: int) -> str:
    return localized_url(request, _event(pk), "signup")


@post_only(_back_to_signup)
def signup(request, pk: int):
    event = _event(pk)
    if not request.user.is_authenticated:
        return redirect_to_login(event.get_url(request))
    try:
        registration = services.registration_create(
            event=event, user=request.user, ip=client_ip(request)
        )
    except ServiceError as error:
        return _render_event(request, event, error.page_status, signup_error=error.message)
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, _("You have a place. We have sent you an e-mail."))
    else:
        messages.info(
            request,
            _(
                "The event is full, so you are on the waiting list. "
                "We e-mail you if a place frees up."
            ),
        )
    return _back_to_event(request, event)


@post_only(_back_to_signup)
def cancel(request, pk: int):
    event = _event(pk)
    if not request.user.is_authenticated:
        return redirect_to_login(event.get_url(request))
    registration = Registration.objects.active().filter(event=event, user=request.user).first()
    if registration is None:
        messages.info(request, _("You were not signed up for this event."))
        return _back_to_event(request, event)
    try:
        services.registration_cancel(
            registration=registration, user=request.user, ip=client_ip(request)
        )
    except ServiceError as error:
        return _render_event(request, event, error.page_status, signup_error=error.message)
    messages.success(request, _("Your registration is cancelled."))
    return _back_to_event(request, event)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, pk: int):
    event = _event(pk)
    url = page_url(event)
    return _ics_response(event_calendar(event, url=url), f"{slugify(event.title) or 'event'}.ics")


@require_GET
def feed(request):
    """Upcoming events to subscribe to: all, or one kind, or one district (or both)."""
    kind = request.GET.get("kind", "")
    district = request.GET.get("district", "")
    if kind and kind not in EventKind.values:
        return HttpResponseBadRequest(_("Unknown kind of event."), content_type="text/plain")
    if district and district not in Districts.values:
        return HttpResponseBadRequest(_("Unknown district."), content_type="text/plain")
    events = selectors.filter_events(
        selectors.events_for_locale(language=get_language()).specific(),
        kind=kind,
        district=district,
    ).upcoming()
    names = [_("Bland dig i byen: events")]
    if kind:
        names.append(str(EventKind(kind).label))
    if district:
        names.append(str(Districts(district).label))
    name = "-".join(part for part in ("events", kind, district) if part)
    content = feed_calendar(
        " · ".join(names),
        [(event, page_url(event)) for event in events[:500]],
        key=f"{request.LANGUAGE_CODE}-{name}",
    )
    response = _ics_response(content, f"{name}.ics")
    response["Content-Disposition"] = f'inline; filename="{name}.ics"'
    return response


@require_GET
def _organiser_event(request, pk: int) -> EventPage:
    event = get_object_or_404(EventPage.objects.specific(), pk=pk)
    if not request.user.has_perm("events.see_attendees", event):
        raise PermissionDenied
    return event


@login_required
@require_GET
def attendees(request, pk: int):
    event = _organiser_event(request, pk)
    return render(
        request,
        "events/attendees.html",
        {"event": event, **selectors.organiser_lists(event=event)},
    )


@login_required
@require_GET
def attendees_csv(request, pk: int):
    event = _organiser_event(request, pk)
    lists = selectors.organiser_lists(event=event)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{slugify(event.title) or 'event'}-attendees.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # Excel reads UTF-8 only with the byte-order mark
    writer = csv.writer(response)
    writer.writerow(
        safe_row(
            [
                _("List"),
                pgettext("place on an event's list", "Place"),
                _("Name"),
                _("E-mail"),
                _("Signed up"),
                _("Place confirmed"),
            ]
        )
    )
    for label, rows in ((_("Attending"), lists["confirmed"]), (_("Waiting"), lists["waiting"])):
        for position, registration in enumerate(rows, start=1):
            writer.writerow(
                safe_row(
                    [
                        label,
                        position,
                        registration.user.display_name,
                        registration.user.email,
                        timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
                        timezone.localtime(registration.confirmed_at).strftime("%Y-%m-%d %H:%M")
                        if registration.confirmed_at
                        else "",
                    ]
                )
            )
    return response


@require_http_methods(["GET", "POST"])
def submit(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    refused = refusal(request.user, "events.submit_event")
    if refused is not None:
        return render(
            request, "events/submit_refused.html", {"refusal": refused}, status=refused.page_status
        )
    # The reader's index, else the Danish one (a UI language without pages is no dead end).
    locale = active_locale()
    index = (
        EventIndexPage.objects.filter(locale=locale).first()
        or EventIndexPage.objects.filter(locale=Locale.get_default()).first()
    )
    if index is None:
        raise Http404
    form = EventSubmissionForm(
        request.POST or None, organisations=approved_organisations(request.user)
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.fields}
            try:
                event = services.event_submit(user=request.user, index=index, data=data)
            except ServiceError as error:
                add_to_form(form, error)
                status = error.page_status
            else:
                messages.success(
                    request,
                    _(
                        "Thank you. “%(title)s” is sent to the editors, "
                        "who publish it when they have approved it."
                    )
                    % {"title": event.title},
                )
                return HttpResponseRedirect(request.path, status=303)
        else:
            status = 400
    submitted = EventPage.objects.filter(submitted_by=request.user).order_by(
        "-first_published_at", "-pk"
    )
    return render(
        request,
        "events/submit.html",
        {"form": form, "index": index, "submitted": submitted[:20]},
        status=status,
    )
