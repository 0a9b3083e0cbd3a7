from django.urls import path

from livesessions import views

app_name = "livesessions"

urlpatterns = [
    path("", views.join, name="join"),
    path("ny/<int:event_pk>/", views.create, name="create"),
    path("skaerm/<str:key>/", views.screen, name="screen"),
    path("<str:code>/", views.participant, name="participant"),
    path("<str:code>/spoerg/", views.ask, name="ask"),
    path("<str:code>/spoergsmaal/<int:question_pk>/stem/", views.upvote, name="upvote"),
    path("<str:code>/afstemning/<int:poll_pk>/", views.vote, name="vote"),
    path("<str:code>/qr.svg", views.qr_svg, name="qr"),
    path("<str:code>/styring/", views.moderate, name="moderate"),
    path("<str:code>/styring/<slug:action>/", views.moderate_action, name="moderate_action"),
    path("<str:code>/eksport.csv", views.export_csv, name="export"),
]
