"""`{% each_fragment items "template.html" "name" %}`: a list's items, each rendered once per
look and reused (core/fragments.py).

Each item says what its template shows through `fragment_parts()`: every value the HTML is made
from (the language, the release and the request's host are added here). The template
must show nothing personal: the same HTML goes to every reader of the list."""

from django import template
from django.conf import settings
from django.template.base import token_kwargs
from django.utils.safestring import mark_safe

from core import fragments, sections

register = template.Library()


@register.simple_tag(takes_context=True)
def each_fragment(context, items, template_name: str, name: str = "item"):
    items = list(items or ())
    if not items:
        return ""
    tmpl = context.template.engine.get_template(template_name)
    request = context.get("request")
    host = request.get_host() if request is not None else ""
    names, renderers = [], {}
    for item in items:
        key = fragments.key(template_name, host, item.fragment_parts())
        names.append(key)
        renderers[key] = fragments.renderer(context, tmpl, **{name: item})
    found = fragments.get_or_render(renderers)
    return mark_safe("".join(found[key] for key in names))  # noqa: S308 (rendered templates)


@register.simple_tag
def filter_field(field):
    """`{% filter_field form.kind %}`: a field of a list's filter form (GET: its values are in
    the address, nothing personal), as `{{ field.as_field_group }}` would render it, rendered
    once per look: a select's options are a template each, which made the filter forms a fifth
    of a list page's time. Named by everything the field's HTML is made from. Only a choice
    among the field's own choices is kept (so typed text and made-up values, each another name,
    cannot fill the cache); anything else is rendered as usual."""
    choices = _plain(list(getattr(field.field, "choices", ())))
    if not choices or field.errors or not _among(field.value(), choices):
        return field.as_field_group()
    key = fragments.key("filter-field", *_field_parts(field), choices)
    return mark_safe(fragments.get_or_render({key: field.as_field_group})[key])  # noqa: S308


def _among(value, choices) -> bool:
    """Whether `value` (one or several) is empty or among `choices`' values."""
    values = {str(choice[0]) for choice in choices if isinstance(choice, tuple) and choice}
    for group in choices:  # grouped choices: (label, ((value, label), ...))
        if isinstance(group, tuple) and len(group) == 2 and isinstance(group[1], tuple):
            values |= {str(item[0]) for item in group[1] if isinstance(item, tuple) and item}
    given = value if isinstance(value, list | tuple) else [value]
    return all(item in (None, "") or str(item) in values for item in given)


def _field_parts(field) -> tuple:
    form, definition = field.form, field.field
    return (
        f"{type(form).__module__}.{type(form).__qualname__}",
        form.prefix,
        form.auto_id,
        form.is_bound,
        field.html_name,
        _plain(field.value()),
        tuple(field.errors),
        str(field.label),
        str(field.help_text),
        definition.required,
        definition.disabled,
        type(definition.widget).__name__,
        _plain(definition.widget.attrs),
    )


def _plain(value):
    """`value` with lazy strings and choice values (ModelChoiceIteratorValue has no stable
    repr) made plain, lists and dicts walked."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), _plain(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return tuple(_plain(item) for item in value)
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


class SectionNode(template.Node):
    def __init__(self, name, named, used, nodelist):
        self.name, self.named, self.used, self.nodelist = name, named, used, nodelist

    def render(self, context):
        name = self.name.resolve(context)
        named = {key: value.resolve(context) for key, value in self.named.items()}

        def values() -> dict:  # the values after `using` are resolved only for a render
            return {**named, **{key: value.resolve(context) for key, value in self.used.items()}}

        if not name or not settings.PAGE_SECTIONS:  # rendered in the page, with its values
            with context.push(**values()):
                return self.nodelist.render(context)
        html = sections.get_or_render(
            sections.key(name, context.get("request"), named),
            lambda: sections.render_alone(context, self.nodelist, values()),
        )
        return mark_safe(fragments.as_served(html, lambda: str(context.get("csrf_token", ""))))  # noqa: S308


@register.tag
def section(parser, token):
    """`{% section "name" page=page ... using data=data ... %}...{% endsection %}`: a part of
    the page that is the same for every reader, rendered once and kept while what it read is
    current (core/sections.py). Its content sees only the values passed here (those before
    `using` name it), the request and the context processors' values, as an anonymous
    visitor. An empty name renders it in the page's context with those values, kept nowhere."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% section %} needs a name")
    rest = bits[2:]
    split = rest.index("using") if "using" in rest else len(rest)
    named_bits, used_bits = rest[:split], rest[split + 1 :]
    counts = len(named_bits), len(used_bits)
    named = token_kwargs(named_bits, parser, support_legacy=False)  # consumes what it reads
    used = token_kwargs(used_bits, parser, support_legacy=False)
    if (len(named), len(used)) != counts or named_bits or used_bits:
        raise template.TemplateSyntaxError(
            "{% section %} takes a name, name=value pairs and, after 'using', more of them"
        )
    nodelist = parser.parse(("endsection",))
    parser.delete_first_token()
    return SectionNode(parser.compile_filter(bits[1]), named, used, nodelist)
