"""`{% load partnership_tags %}`: the partner chart. (Form fields render through the project's
FORM_RENDERER, core/forms; pledge totals reach home through core.hooks.HOME_SECTIONS.)"""

from django import template

from partnerships.charts import chart_geometry

register = template.Library()


@register.inclusion_tag("partnerships/includes/chart.html")
def partner_chart(chart):
    return {"chart": chart, "geometry": chart_geometry(chart)}
