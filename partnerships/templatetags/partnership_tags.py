"""`{% load partnership_tags %}`: pledge totals for the home and focus area pages, and the
partner chart. (Form fields render through the project's FORM_RENDERER, core/forms.)"""

from django import template

from partnerships import selectors
from partnerships.charts import chart_geometry

register = template.Library()


@register.inclusion_tag("partnerships/includes/pledge_totals.html", takes_context=True)
def pledge_totals(context, focus_area=None, heading_level=2):
    """`{% pledge_totals %}` on the home page, `{% pledge_totals focus_area=page %}` on a focus
    area: "412 internship places" and the like, from partners in the public register."""
    from partnerships.views import register_page

    request = context.get("request")
    return {
        "totals": selectors.pledge_totals(focus_area=focus_area),
        "register_page": register_page(request) if request is not None else None,
        "heading_level": heading_level,
    }


@register.inclusion_tag("partnerships/includes/chart.html")
def partner_chart(chart):
    return {"chart": chart, "geometry": chart_geometry(chart)}
