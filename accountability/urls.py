from django.urls import path

from accountability import views

app_name = "accountability"

urlpatterns = [
    path("handleplaner/aktiviteter/", views.activity_list, name="activities"),
    path("handleplaner/aktiviteter.csv", views.activities_csv, name="activities_csv"),
    path("handleplaner/aktiviteter.json", views.activities_json, name="activities_json"),
    path("statusrapporter/<int:year>.json", views.report_json, name="report_json"),
    path("statusrapporter/<int:year>.docx", views.report_docx, name="report_docx"),
    path(
        "statusrapporter/<int:year>/<slug:table>.csv",
        views.report_table_csv,
        name="report_table_csv",
    ),
    path("arrangementer/aarshjul/", views.annual_cycle, name="annual_cycle"),
]
