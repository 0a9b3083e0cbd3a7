from django.urls import path

from dialogue import views

app_name = "dialogue"

urlpatterns = [
    path("<int:debate_id>/kommentarer/", views.comment_list, name="comment_list"),
    path("<int:debate_id>/kommenter/", views.comment_create, name="comment_create"),
    path("<int:debate_id>/traad/<int:root_id>/", views.thread, name="thread"),
    path("kommentar/<int:comment_id>/ret/", views.comment_edit, name="comment_edit"),
    path("kommentar/<int:comment_id>/slet/", views.comment_delete, name="comment_delete"),
    path("kommentar/<int:comment_id>/reaktion/", views.reaction_set, name="reaction_set"),
    path("kommentar/<int:comment_id>/rapporter/", views.comment_report, name="comment_report"),
]
