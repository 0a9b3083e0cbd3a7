from django.urls import path

from home import views

app_name = "home"

urlpatterns = [
    path("deltag/", views.take_part, name="take_part"),
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("privatliv/", views.privacy, name="privacy"),
    path("kontakt/", views.contact, name="contact"),
    path("soeg/", views.search, name="search"),
    # Open data: stable whatever editors call the barometer page (see README, "Open data").
    path("barometer/data.csv", views.barometer_csv, name="barometer_csv"),
    path("barometer/data.json", views.barometer_json, name="barometer_json"),
]
