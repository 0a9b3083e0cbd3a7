from django import forms
from django.utils.translation import gettext_lazy as _

from notifications import services
from notifications.kinds import GROUPS
from notifications.models import Frequency


class EmailSettingsForm(forms.Form):
    follow_debates_i_comment = forms.BooleanField(
        label=_("Follow the debates I comment in"),
        required=False,
        help_text=_("You then hear of new comments there, as chosen below."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        current = services.preferences(user)
        self.fields["follow_debates_i_comment"].initial = user.follow_debates_i_comment
        for group in GROUPS:
            self.fields[f"group_{group.code}"] = forms.ChoiceField(
                label=group.label,
                choices=Frequency.choices,
                initial=current[group.code],
                widget=forms.RadioSelect,
            )

    def save(self) -> None:
        services.email_settings_save(
            user=self.user,
            frequencies={group.code: self.cleaned_data[f"group_{group.code}"] for group in GROUPS},
            follow_debates_i_comment=self.cleaned_data["follow_debates_i_comment"],
        )
