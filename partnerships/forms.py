"""Forms of the partnership register. They check input and show errors next to the field; the
services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partnerships.cvr import normalise_cvr, validate_cvr
from partnerships.logos import validate_logo
from partnerships.models import (
    KINDS_REQUIRING_CVR,
    CommitmentType,
    District,
    Kind,
    Organisation,
    ProgressStatus,
    Role,
)


class CVRField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def to_python(self, value):
        return normalise_cvr(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value:
            validate_cvr(value)


class OrganisationForm(forms.ModelForm):
    cvr = CVRField(
        label=_("CVR number"),
        required=False,
        help_text=_("8 digits. Required for businesses and housing companies."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    website = forms.URLField(
        label=_("Website"),
        required=False,
        max_length=300,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"placeholder": "https://", "autocomplete": "url"}),
    )
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most 2 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    class Meta:
        model = Organisation
        fields = [
            "name",
            "kind",
            "cvr",
            "address",
            "district",
            "website",
            "description",
            "logo",
            "contact_name",
            "contact_email",
            "contact_phone",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "contact_email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cvr"].hide_optional_marker = True  # required for some kinds, said in help
        self.fields["kind"].choices = [("", _("Choose a kind"))] + list(Kind.choices)
        self.fields["district"].choices = [("", _("Choose a district"))] + list(District.choices)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo and hasattr(logo, "content_type"):  # a new upload
            validate_logo(logo)
        return logo

    def clean(self):
        cleaned = super().clean()
        needs_cvr = cleaned.get("kind") in KINDS_REQUIRING_CVR
        if needs_cvr and not cleaned.get("cvr") and "cvr" not in self.errors:
            self.add_error("cvr", _("Businesses and housing companies must give their CVR number."))
        return cleaned

    def _post_clean(self):
        # The service runs the model checks; doing them here too would check the CVR twice.
        pass

    def service_fields(self) -> dict:
        data = {k: v for k, v in self.cleaned_data.items() if k != "logo"}
        logo = self.cleaned_data.get("logo")
        if logo is False:
            data["logo"] = ""
        elif logo and hasattr(logo, "content_type"):
            data["logo"] = logo
        return data


class PledgeForm(forms.Form):
    """The signature, and one fieldset per catalogue entry the organisation may choose."""

    signatory_name = forms.CharField(label=_("Name of the signatory"), max_length=120)
    signatory_role = forms.CharField(
        label=_("Role of the signatory"),
        max_length=120,
        help_text=_("For example director, chair of the board or head of HR."),
    )
    agree = forms.BooleanField(
        label=_("We sign the pledge above on behalf of the organisation."),
        error_messages={"required": _("Tick the box to sign the pledge.")},
    )

    def __init__(self, *args, catalogue: list[CommitmentType], **kwargs):
        super().__init__(*args, **kwargs)
        self.catalogue = catalogue
        for ct in catalogue:
            prefix = f"c{ct.pk}"
            self.fields[f"{prefix}_chosen"] = forms.BooleanField(
                label=_("We commit to this"), required=False
            )
            if ct.is_counted:
                self.fields[f"{prefix}_quantity"] = forms.IntegerField(
                    label=_("Number of %(unit)s") % {"unit": ct.shown.unit},
                    min_value=1,
                    max_value=100000,
                    required=False,
                )
            else:
                self.fields[f"{prefix}_description"] = forms.CharField(
                    label=_("What you will do"), max_length=300, required=False
                )
            self.fields[f"{prefix}_target"] = forms.DateField(
                label=_("Target date"),
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            for name in self.fields:
                if name.startswith(prefix + "_"):
                    self.fields[name].hide_optional_marker = True  # needed once chosen

    def commitment_groups(self):
        """(catalogue entry, its bound fields) for the template."""
        groups = []
        for ct in self.catalogue:
            prefix = f"c{ct.pk}"
            fields = [self[name] for name in self.fields if name.startswith(prefix + "_")]
            groups.append({"type": ct, "fields": fields, "errors": self.errors.get(prefix)})
        return groups

    def clean(self):
        cleaned = super().clean()
        chosen = []
        for ct in self.catalogue:
            prefix = f"c{ct.pk}"
            if not cleaned.get(f"{prefix}_chosen"):
                continue
            quantity = cleaned.get(f"{prefix}_quantity")
            description = (cleaned.get(f"{prefix}_description") or "").strip()
            target = cleaned.get(f"{prefix}_target")
            if ct.is_counted and not quantity and f"{prefix}_quantity" not in self.errors:
                self.add_error(f"{prefix}_quantity", _("Give the number you commit to."))
            if not ct.is_counted and not description:
                self.add_error(f"{prefix}_description", _("Describe what you will do."))
            if not target and f"{prefix}_target" not in self.errors:
                self.add_error(f"{prefix}_target", _("Give a target date."))
            chosen.append(
                {
                    "commitment_type": ct,
                    "quantity": quantity,
                    "description": description,
                    "target_date": target,
                }
            )
        if not chosen and not self.errors:
            raise forms.ValidationError(_("Choose at least one commitment from the catalogue."))
        cleaned["commitments"] = chosen
        return cleaned


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you withdraw? (optional, seen only by the city's staff)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm = forms.BooleanField(
        label=_("Yes, withdraw our pledge and remove us from the public register."),
        error_messages={"required": _("Tick the box to confirm.")},
    )


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices, initial=Role.MEMBER)


class ReportForm(forms.Form):
    summary = forms.CharField(
        label=_("How did the year go? (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, commitments, **kwargs):
        super().__init__(*args, **kwargs)
        self.commitments = list(commitments)
        for c in self.commitments:
            prefix = f"p{c.pk}"
            self.fields[f"{prefix}_status"] = forms.ChoiceField(
                label=_("Status"), choices=[("", "—")] + list(ProgressStatus.choices)
            )
            if c.commitment_type.is_counted:
                self.fields[f"{prefix}_quantity"] = forms.IntegerField(
                    label=_("Number of %(unit)s so far") % {"unit": c.commitment_type.shown.unit},
                    min_value=0,
                    max_value=1000000,
                    required=False,
                )
            self.fields[f"{prefix}_note"] = forms.CharField(
                label=_("Note"), max_length=500, required=False
            )

    def groups(self):
        return [
            {
                "commitment": c,
                "fields": [self[n] for n in self.fields if n.startswith(f"p{c.pk}_")],
            }
            for c in self.commitments
        ]

    def entries(self) -> list[dict]:
        return [
            {
                "commitment": c,
                "status": self.cleaned_data[f"p{c.pk}_status"],
                "quantity_achieved": self.cleaned_data.get(f"p{c.pk}_quantity"),
                "note": self.cleaned_data.get(f"p{c.pk}_note", ""),
            }
            for c in self.commitments
        ]


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the organisation)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RegisterFilterForm(forms.Form):
    hide_optional = True  # every filter is optional; saying so on each is noise

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[("", _("All kinds"))] + list(Kind.choices),
    )
    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        choices=[("", _("All districts"))] + list(District.choices),
    )
    commitment = forms.ModelChoiceField(
        label=_("Commitment"),
        required=False,
        queryset=CommitmentType.objects.active(),
        empty_label=_("All commitments"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
