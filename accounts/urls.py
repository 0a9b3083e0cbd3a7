from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("data/", views.export, name="export"),
    path("slet/", views.delete, name="delete"),
]
