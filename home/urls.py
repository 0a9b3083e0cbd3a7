from django.urls import path

from home import views

app_name = "home"

urlpatterns = [
    path("tilgaengelighed/", views.accessibility, name="accessibility"),
    path("privatliv/", views.privacy, name="privacy"),
    path("kontakt/", views.contact, name="contact"),
]
