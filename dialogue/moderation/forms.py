"""Forms for readers' reports and the moderators' screens. They only shape input; the rules
live in the services."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from dialogue.models import (
    MAX_REPORT_TEXT,
    DebatePage,
    DebateState,
    HideReason,
    ModerationAction,
    ReportReason,
    validate_conclusion,
)
from dialogue.moderation.selectors import QUEUE_REASONS
from dialogue.services import BLOCK_DAYS, MAX_NOTE


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you report this comment?"),
        choices=ReportReason.choices,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Tell the moderators more (needed for “something else”)"),
        required=False,
        max_length=MAX_REPORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": MAX_REPORT_TEXT}),
    )

    def clean(self):
        data = super().clean()
        if data.get("reason") == ReportReason.OTHER and not (data.get("text") or "").strip():
            self.add_error("text", _("Tell the moderators what is wrong."))
        return data


def _note(label, required=False):
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_NOTE,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": MAX_NOTE}),
    )


class NoteForm(forms.Form):
    note = _note(_("Note for the log (optional)"))


class HideForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason shown to readers"), choices=HideReason.choices)
    note = _note(_("Note to the author and the log (optional)"))


class RemoveForm(forms.Form):
    note = _note(_("Note to the author and the log (do not repeat the personal data)"))
    confirm = forms.BooleanField(
        label=_("I understand the text and its earlier versions are deleted for good.")
    )


class WarnForm(forms.Form):
    note = _note(_("Message to the author"), required=True)


def _days(days: int) -> str:
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


# Translated when the form is shown, in the moderator's language, not once at import.
days_label = lazy(_days, str)


class BlockForm(forms.Form):
    FOR_GOOD = "for_good"
    period = forms.ChoiceField(
        label=_("For how long"),
        choices=[
            *[(str(days), days_label(days)) for days in BLOCK_DAYS],
            (FOR_GOOD, _("For good")),
        ],
    )
    reason = _note(_("Reason, sent to the author"), required=True)

    def days(self) -> int | None:
        value = self.cleaned_data["period"]
        return None if value == self.FOR_GOOD else int(value)


class DebateStateForm(forms.Form):
    state = forms.ChoiceField(label=_("State"), choices=DebateState.choices)
    conclusion = forms.CharField(
        label=_("Conclusion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed to close a debate. Shown at the top of the closed debate."),
    )

    def clean(self):
        data = super().clean()
        try:
            validate_conclusion(data.get("state"), data.get("conclusion"))
        except ValidationError as error:
            self.add_error(None, error)
        return data


def _debate_choices():
    return [("", _("All debates"))] + [
        (str(pk), question)
        for pk, question in DebatePage.objects.order_by("title").values_list("pk", "question")
    ]


class QueueFilterForm(forms.Form):
    debate = forms.ChoiceField(label=_("Debate"), required=False)
    reason = forms.ChoiceField(
        label=_("Reason"), required=False, choices=[("", _("All reasons")), *QUEUE_REASONS]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["debate"].choices = _debate_choices()


class LogFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        required=False,
        choices=[("", _("All actions")), *ModerationAction.choices],
    )
    debate = forms.ChoiceField(label=_("Debate"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["debate"].choices = _debate_choices()
