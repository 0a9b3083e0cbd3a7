"""Plain-Danish helpers for page templates: the "Kort fortalt" box with the read-aloud
button's place, and glossary marking (home.glossary).

    {% load plain_tags %}
    {% in_short page %}
    {% glossary %}...page text...{% endglossary %}
    {% glossary_notes %}
"""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from core.locales import direction
from home.glossary import GlossaryState, mark_terms, notes_html_items

register = template.Library()

STATE_ATTR = "_bdib_glossary"


def _state(context) -> GlossaryState | None:
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not hasattr(page, "locale_id"):
        return None
    state = getattr(request, STATE_ATTR, None)
    if state is None:
        from home.models.plain import glossary_terms

        state = GlossaryState(terms=glossary_terms(page.locale_id))
        setattr(request, STATE_ATTR, state)
    return state


@register.inclusion_tag("home/includes/in_short.html", takes_context=True)
def in_short(context, page):
    return {
        "page": page,
        "summary": getattr(page, "plain_summary", ""),
        "lang": page_language(page),
        "dir": direction(page_language(page)),
    }


def page_language(page) -> str:
    """The language code of the page's locale without a query per page view (locales do not
    change their code)."""
    key = f"bdib:locale-code:{page.locale_id}"
    code = cache.get(key)
    if code is None:
        code = page.locale.language_code
        cache.set(key, code, 3600)
    return code


class GlossaryNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        html = self.nodelist.render(context)
        state = _state(context)
        if state is None or not state.terms:
            return html
        return mark_safe(mark_terms(html, state))  # noqa: S308 (rendered template output)


@register.tag
def glossary(parser, token):
    nodelist = parser.parse(("endglossary",))
    parser.delete_first_token()
    return GlossaryNode(nodelist)


@register.simple_tag(takes_context=True)
def glossary_notes(context):
    """The explanations of the terms marked above, as a list the term links lead to."""
    state = _state(context)
    if state is None or not state.notes:
        return ""
    return render_to_string(
        "home/includes/glossary_notes.html",
        {"notes": notes_html_items(state), "lang": page_language(context["page"])},
    )
