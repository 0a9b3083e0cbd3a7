"""The activity list and the open data of the action plans, a published report's downloads, and
the annual cycle."""

from __future__ import annotations

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from wagtail.models import Locale

from accountability import cycle, opendata, reporting, selectors
from accountability.forms import ActivityFilterForm
from accountability.models import StatusReportPage
from core.locales import localized_page
from core.pages import bind_filters


def _filtered_activities(request):
    form = ActivityFilterForm(request.GET or None, choices=selectors.filter_choices())
    filters, invalid = bind_filters(form)
    return form, filters, invalid


def activity_list(request):
    """Every published activity of every plan, narrowed by goal, focus area, committee and
    status. A filter the form refuses answers 400 with the form refilled; the others apply."""
    form, filters, invalid = _filtered_activities(request)
    activities = selectors.activity_list(**filters)
    response = render(
        request,
        "accountability/activity_list.html",
        {
            "filter_form": form,
            "filters_active": bool(filters),
            "filters_invalid": invalid,
            "activities": activities,
            "status_counts": selectors.status_counts(activities),
            "query": request.GET.urlencode(),
        },
    )
    if invalid:
        response.status_code = 400
    return response


def _open_data(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def activities_csv(request):
    form, filters, invalid = _filtered_activities(request)
    if invalid:
        return _open_data(
            HttpResponse(form.errors.as_text(), status=400, content_type="text/plain")
        )
    body = opendata.activities_csv(selectors.activity_list(**filters))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="activities.csv"'
    return _open_data(response)


def activities_json(request):
    form, filters, invalid = _filtered_activities(request)
    if invalid:
        return _open_data(JsonResponse({"errors": form.errors.get_json_data()}, status=400))
    data = opendata.activities_json(selectors.activity_list(**filters))
    return _open_data(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))


def _published_report(year: int) -> StatusReportPage:
    """The published report of `year`, in the reader's language where it is translated."""
    if not 1900 <= year <= 9999:  # no report, and no number a database would refuse
        raise Http404
    report = StatusReportPage.objects.live().filter(year=year, locale=Locale.get_default()).first()
    if report is None:
        raise Http404
    return localized_page(report).specific


def report_json(request, year: int):
    report = _published_report(year)
    data = {
        "title": report.title,
        "year": report.year,
        "url": report.full_url,
        "first_published_at": report.first_published_at.isoformat(),
        "figures_built_at": report.figures_built_at.isoformat()
        if report.figures_built_at
        else None,
        "figures": report.figures,
    }
    return _open_data(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))


def report_table_csv(request, year: int, table: str):
    report = _published_report(year)
    found = reporting.table(report.figures, table)
    if found is None:
        raise Http404
    response = HttpResponse(opendata.table_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="status-report-{year}-{table}.csv"'
    return _open_data(response)


def report_docx(request, year: int):
    from accountability.documents import report_docx as build_docx

    report = _published_report(year)
    body = build_docx(report, reporting.for_display(report.figures))
    response = HttpResponse(
        body,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    response["Content-Disposition"] = f'attachment; filename="status-report-{year}.docx"'
    return response


def annual_cycle(request):
    entries = cycle.annual_cycle(language=get_language())
    return render(
        request,
        "accountability/annual_cycle.html",
        {"entries": entries, "months": cycle.year_line(entries)},
    )
