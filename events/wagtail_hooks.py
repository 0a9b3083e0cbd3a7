"""The admin side of events: every registration in one filterable list with CSV/XLSX export,
and promotion from the waiting list when an editor publishes more places."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from core.csv import safe_cell
from core.forms import IdChoiceField
from core.hooks import ACCOUNT_DELETING, DATA_EXPORT, DEMO_CONTENT, TAKE_PART
from events.exporters import export_registrations, export_submitted_events
from events.models import EventPage, Registration


class RegistrationIndexView(generic.IndexView):
    """The registrations list; its CSV export defuses formulas, since names and addresses are
    typed by residents (the XLSX export already stores them as text)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return safe_cell(value)
        return value


class EventFilter(django_filters.ModelChoiceFilter):
    field_class = IdChoiceField  # ?event=<thirty digits> is an invalid choice, not a 500


class RegistrationFilterSet(WagtailFilterSet):
    event = EventFilter(label=_("Event"), queryset=EventPage.objects.all())

    class Meta:
        model = Registration
        fields = ["status", "event"]


class RegistrationViewSet(ModelViewSet):
    model = Registration
    index_view_class = RegistrationIndexView
    icon = "list-ul"
    menu_label = _("Registrations")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["user", "event", "status", "created_at", "confirmed_at", "cancelled_at"]
    filterset_class = RegistrationFilterSet
    list_export = [
        "event.title",
        "status",
        "user.display_name",
        "user.email",
        "created_at",
        "confirmed_at",
        "cancelled_at",
    ]
    export_headings = {
        "event.title": _("Event"),
        "user.display_name": _("Name"),
        "user.email": _("E-mail"),
    }
    export_filename = "registrations"
    search_fields = ["user__email", "user__display_name"]
    form_fields = ["status"]
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return RegistrationViewSet("event_registrations")


@hooks.register("after_publish_page")
def fill_places_after_publish(request, page):
    """An editor who raises the number of places gives them to those waiting, in order."""
    if isinstance(page.specific, EventPage):
        from events.services import event_fill_from_waiting_list

        event_fill_from_waiting_list(event=page.specific)


# Extension points of the lower layers (core/hooks.py).


@hooks.register(DATA_EXPORT)
def events_data_export(user):
    return {
        "event_registrations": export_registrations(user),
        "events_submitted": export_submitted_events(user),
    }


@hooks.register(ACCOUNT_DELETING)
def events_account_deleting(user):
    """A place at an event still to come goes to the first person waiting."""
    from events.services import registrations_release

    registrations_release(user=user)


@hooks.register(DEMO_CONTENT)
def events_demo_content():
    return (40, "load_demo_events")


@hooks.register(TAKE_PART)
def events_take_part(request):
    from django.utils.translation import gettext

    from core.locales import default_locale_page
    from events.models import EventIndexPage

    index = default_locale_page(EventIndexPage)
    if index is None:
        return None
    return {
        "order": 30,
        "heading": gettext("Come to a meeting"),
        "steps": [
            gettext("Find a conference, a status meeting or a meet-up near you."),
            gettext(
                "Sign up. If the event is full, you go on the waiting list, and we write to "
                "you when a place is free."
            ),
            gettext("Add the event to your calendar."),
            gettext("Cannot come after all? Cancel, so someone else gets your place."),
        ],
        "url": index.url,
        "link": gettext("See the events"),
    }
