"""One way to render a form field across the project (settings.FORM_RENDERER).

`{{ form }}` gives an error summary and every field; `{{ form.name.as_field_group }}` gives one
field: label (with "optional" where it is), help, errors and the input, tied together with
`aria-describedby` and `aria-invalid` (Django's own ids: `<id>_helptext`, `<id>_error`).
A form whose fields are all optional (a filter form) sets `mark_optional = False`, so no label
carries "(optional)"."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"
