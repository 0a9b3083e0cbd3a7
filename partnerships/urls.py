from django.urls import path

from partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("registrer/", views.register, name="register"),
    path("mine/", views.mine, name="mine"),
    path("partner/<slug:slug>/", views.partner, name="partner"),
    path("organisation/<int:pk>/", views.dashboard, name="dashboard"),
    path("organisation/<int:pk>/rediger/", views.edit, name="edit"),
    path("organisation/<int:pk>/tilsagn/", views.pledge, name="pledge"),
    path("organisation/<int:pk>/tilsagn/traek-tilbage/", views.withdraw, name="withdraw"),
    path("organisation/<int:pk>/rapport/", views.report, name="report"),
    path("organisation/<int:pk>/inviter/", views.invite, name="invite"),
    path(
        "organisation/<int:pk>/medlemmer/<int:membership_pk>/fjern/",
        views.remove_member,
        name="remove_member",
    ),
    path("invitation/<str:token>/", views.invitation, name="invitation"),
]
