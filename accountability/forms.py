"""The activity list's GET form: every filter optional, a bad value reported (400) with the
form refilled, never a 500."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from accountability.models import ActivityStatus
from core.forms import IdChoiceField, LanguageSelect
from core.locales import language_of, localized_page


class PageChoiceField(IdChoiceField):
    """A default-language page, labelled with its title in the reader's language; an option
    whose page is not translated says it is Danish (`lang` on the option)."""

    widget = LanguageSelect

    def label_from_instance(self, obj):
        return localized_page(obj).title

    def mark_languages(self, language: str) -> None:
        self.widget.option_langs = {
            str(page.pk): language_of(shown)
            for page in self.queryset
            if language_of(shown := localized_page(page)) != language
        }


class ActivityFilterForm(forms.Form):
    hide_optional = True

    goal = PageChoiceField(
        label=_("Main goal"), required=False, queryset=None, empty_label=_("All goals")
    )
    focus_area = PageChoiceField(
        label=_("Focus area"), required=False, queryset=None, empty_label=_("All focus areas")
    )
    committee = IdChoiceField(
        label=_("Committee"), required=False, queryset=None, empty_label=_("All committees")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *ActivityStatus.choices],
    )

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = choices["goals"]
        self.fields["focus_area"].queryset = choices["focus_areas"]
        self.fields["committee"].queryset = choices["committees"]
        language = get_language()
        for name in ("goal", "focus_area"):
            self.fields[name].mark_languages(language)
