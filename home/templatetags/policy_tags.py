"""Template tags for the policy pages: breadcrumbs, barometer numbers and charts."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from core import pagecache
from core.hooks import HOME_SECTIONS, run_hooks
from core.locales import language_of
from home import charts
from home.templatetags.site_shell import lang_attrs

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The way from the home page down to this page, read in one query."""
    page = context.get("page")
    request = context.get("request")
    if not isinstance(page, Page) or page.depth <= 2:
        return {"crumbs": [], "current": None}
    # The same for every reader: once per process, page, host and language while no page
    # changes (core.pagecache.remember).
    host = request.get_host() if request is not None else ""
    return pagecache.remember(
        f"breadcrumbs:{page.pk}:{host}:{get_language()}", lambda: _breadcrumbs(page, request)
    )


def _breadcrumbs(page, request) -> dict:
    ancestors = (
        page.get_ancestors()
        .filter(depth__gt=1)
        .only("id", "title", "url_path", "path", "locale", "translation_key")
    )
    crumbs = [
        {"title": a.title, "url": a.get_url(request), "lang_attrs": lang_attrs(a)}
        for a in ancestors
    ]
    return {"crumbs": crumbs, "current": page.title, "current_lang_attrs": lang_attrs(page)}


@register.inclusion_tag("home/includes/indicator_chart.html")
def indicator_chart(data):
    chart_id = f"chart-{data.indicator.pk}"
    return {"chart": charts.line_chart(data, chart_id), "data": data}


@register.filter
def language(page) -> str:
    """`{{ page|language }}`: the language a page is written in, without reading its locale
    (core.locales.language_of)."""
    return language_of(page)


@register.filter
def num(value):
    return charts.fmt(value)


@register.filter
def signed(value):
    return charts.fmt_signed(value)


@register.filter
def status_label(status):
    return charts.status_label(status)


@register.filter
def status_symbol(status):
    return charts.status_symbol(status)


@register.filter
def direction_label(direction):
    return charts.direction_label(direction)


@register.filter
def status_class(status):
    return {
        "on_track": "status--good",
        "off_track": "status--bad",
    }.get(status, "status--none")


@register.simple_tag(takes_context=True)
def home_sections(context, page):
    """`{% home_sections page %}`: what the apps above home add to the home page or a focus
    area (pledge totals, for one), through the core.hooks.HOME_SECTIONS hook."""
    request = context.get("request")
    parts = [html for html in run_hooks(HOME_SECTIONS, request, page) if html]
    return mark_safe("".join(parts))  # noqa: S308 (each part is a rendered template)
