"""One way to render a form field across the project (settings.FORM_RENDERER).

`{{ form }}` gives an error summary and every field; `{{ form.name.as_field_group }}` gives one
field: label (with "optional" where it is), help, errors and the input, tied together with
`aria-describedby` and `aria-invalid` (Django's own ids: `<id>_helptext`, `<id>_error`).

"(optional)" is left out where it would be noise: on every field of a form with
`hide_optional = True` (filters, all optional), and on a field with `hide_optional_marker = True`
(required in some cases, which its help or the form says)."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
