"""`{% load partnership_tags %}`: the partner chart, and form fields with their help and errors
tied to the input."""

from django import template

from partnerships.charts import chart_geometry

register = template.Library()


@register.inclusion_tag("partnerships/includes/chart.html")
def partner_chart(chart):
    return {"chart": chart, "geometry": chart_geometry(chart)}


@register.inclusion_tag("partnerships/includes/field.html")
def partner_field(field, extra_class=""):
    describedby = []
    if field.help_text:
        describedby.append(f"{field.auto_id}-help")
    if field.errors:
        describedby.append(f"{field.auto_id}-errors")
    attrs = {}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        attrs["aria-invalid"] = "true"
    widget_type = field.widget_type
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs),
        "is_check": widget_type == "checkbox",
        "extra_class": extra_class,
    }
