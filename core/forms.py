"""One way to render a form field across the project (settings.FORM_RENDERER).

`{{ form }}` gives an error summary and every field; `{{ form.name.as_field_group }}` gives one
field: label (with "optional" where it is), help, errors and the input, tied together with
`aria-describedby` and `aria-invalid` (Django's own ids: `<id>_helptext`, `<id>_error`).

"(optional)" is left out where it would be noise: on every field of a form with
`hide_optional = True` (filters, all optional), and on a field with `hide_optional_marker = True`
(required in some cases, which its help or the form says)."""

from django.core.exceptions import ValidationError
from django.forms import ModelChoiceField, Select
from django.forms.renderers import TemplatesSetting


class LanguageSelect(Select):
    """A select whose options may be in other languages than the page (a Danish focus area on
    an Arabic page): `option_langs` maps an option's value to its language code, written on
    the option as `lang` and `dir` (WCAG 3.1.2)."""

    option_langs: dict = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        code = self.option_langs.get(str(value))
        if code:
            from core.locales import direction

            option["attrs"] = {**option["attrs"], "lang": code, "dir": direction(code)}
        return option


class FormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"


class IdChoiceField(ModelChoiceField):
    """A choice of one object by id that refuses an id no database can hold ("²", thirty
    digits) as an invalid choice, where ModelChoiceField would let the database raise (SQLite:
    OverflowError, a 500)."""

    def to_python(self, value):
        if value not in self.empty_values:
            text = str(value)
            if not (text.isascii() and text.isdigit() and len(text) <= 18):
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)
