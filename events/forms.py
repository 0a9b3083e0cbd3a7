import re

from django import forms
from django.core.validators import MaxValueValidator
from django.forms.models import construct_instance
from django.utils.translation import gettext_lazy as _

from events.models import Districts, EventKind, EventPage, OrganiserType

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
# Months a calendar can hold: year 1 or 9999 would overflow the date arithmetic.
YEARS = range(1900, 3000)
# More places than any venue in the city has; beyond it the database's integer overflows.
MAX_CAPACITY = 100_000


class EventFilterForm(forms.Form):
    """The listing's GET form. Every field is optional; a bad value is reported, not a 500."""

    # Every filter is optional, so no label says so.
    hide_optional = True

    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )
    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        choices=[("", _("All districts")), *Districts.choices],
    )
    month = forms.CharField(
        label=_("Month"),
        required=False,
        help_text=_("For example 2027-03."),
        widget=forms.TextInput(
            attrs={"type": "month", "pattern": r"\d{4}-\d{2}", "placeholder": "2027-03"}
        ),
    )

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        match = MONTH_RE.match(value)
        if not match or int(match.group(1)) not in YEARS:
            raise forms.ValidationError(_("Write the month as year-month, for example 2027-03."))
        return int(match.group(1)), int(match.group(2))


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class EventSubmissionForm(forms.ModelForm):
    """What a partner organisation fills in to propose an event. Times are Copenhagen time."""

    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea,
        max_length=5000,
        help_text=_("Plain text. What happens, and who it is for."),
    )

    class Meta:
        model = EventPage
        fields = [
            "title",
            "kind",
            "teaser",
            "start",
            "end",
            "venue",
            "address",
            "online_url",
            "district",
            "organiser_name",
            "capacity",
            "signup_closes",
            "step_free_access",
            "interpretation_languages",
            "sign_language",
            "childcare",
            "accessibility_notes",
        ]
        labels = {"title": _("Name of the event")}
        widgets = {
            "start": LocalDateTimeInput(),
            "end": LocalDateTimeInput(),
            "signup_closes": LocalDateTimeInput(),
        }

    field_order = ["title", "kind", "teaser", "description"]

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = ""
        capacity = self.fields["capacity"]
        capacity.max_value = MAX_CAPACITY
        capacity.validators.append(MaxValueValidator(MAX_CAPACITY))
        capacity.widget.attrs["max"] = MAX_CAPACITY
        if organisations is not None and organisations.exists():
            # Members of approved partner organisations pick theirs from the register.
            del self.fields["organiser_name"]
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Your organisation"),
                queryset=organisations,
                empty_label=None,
            )
            self.order_fields(["organisation", *self.fields])
        else:
            self.fields["organiser_name"].required = True
            self.fields["organiser_name"].label = _("Your organisation")
            self.fields["organiser_name"].help_text = ""

    def _post_clean(self):
        # A page can only be fully validated once it has a place in the tree, which the
        # service gives it; here the event's own rules are checked field by field.
        try:
            self.instance = construct_instance(self, self.instance, self._meta.fields)
        except forms.ValidationError as error:
            self._update_errors(error)
            return
        if self.cleaned_data.get("organisation"):
            self.instance.organiser_organisation = self.cleaned_data["organisation"]
        self.instance.organiser_type = OrganiserType.PARTNER
        for field, message in self.instance.event_errors().items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
