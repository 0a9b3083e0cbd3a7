from django.urls import path

from events import views

app_name = "events"

urlpatterns = [
    path("kalender.ics", views.feed, name="feed"),
    path("indsend/", views.submit, name="submit"),
    path("<int:pk>/tilmeld/", views.signup, name="signup"),
    path("<int:pk>/afmeld/", views.cancel, name="cancel"),
    path("<int:pk>/kalender.ics", views.event_ics, name="event_ics"),
    path("<int:pk>/deltagere/", views.attendees, name="attendees"),
    path("<int:pk>/deltagere.csv", views.attendees_csv, name="attendees_csv"),
]
