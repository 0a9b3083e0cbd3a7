"""`{% each_fragment items "template.html" "name" %}`: a list's items, each rendered once per
look and reused (core/fragments.py).

Each item says what its template shows through `fragment_parts()`: every value the HTML is made
from (the language, the release and the request's host are added here). The template
must show nothing personal: the same HTML goes to every reader of the list."""

from django import template
from django.utils.safestring import mark_safe

from core import fragments

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
        renderers[key] = _renderer(context, tmpl, name, item)
    found = fragments.get_or_render(renderers)
    return mark_safe("".join(found[key] for key in names))  # noqa: S308 (rendered templates)


def _renderer(context, tmpl, name, item):
    def render() -> str:
        with context.push({name: item}):
            return tmpl.render(context)

    return render
