from django.urls import path

from notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("indstillinger/", views.email_settings, name="settings"),
    path("foelger/", views.following_list, name="following"),
    path("foelg/", views.follow_toggle, name="follow"),
    path("afmeld/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
