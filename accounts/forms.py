from allauth.core import context
from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.mfa import SECOND_FACTOR_SESSION_KEY
from accounts.models import User


class SignupForm(forms.Form):
    """Extra fields on allauth's sign-up form: the name shown beside what a resident writes."""

    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_("Shown beside what you write. Your first name or a nickname is fine."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )

    field_order = ["display_name", "email", "password1", "password2"]

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.save(update_fields=["display_name"])


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "preferred_language"]
        widgets = {"display_name": forms.TextInput(attrs={"autocomplete": "nickname"})}

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["preferred_language"] = forms.ChoiceField(
            label=_("Language for e-mails"),
            choices=[("", _("The language I sign up in")), *settings.LANGUAGES],
            required=False,
        )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my account is deleted for good."), required=True
    )


class ActivateTOTPForm(AllauthActivateTOTPForm):
    """allauth's TOTP activation (MFA_FORMS). A valid code from the new app proves the second
    factor for this session too, so staff who just set it up go on to the admin without
    being asked for a code again (accounts/mfa.py)."""

    def clean_code(self) -> str:
        code = super().clean_code()
        context.request.session[SECOND_FACTOR_SESSION_KEY] = str(self.user.pk)
        return code
