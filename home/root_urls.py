"""Addresses outside the language prefix. `/was` is the address Danish public sites give for
their accessibility statement, made in Digitaliseringsstyrelsen's WAS tool."""

from django.urls import path

from home import views

urlpatterns = [
    path("was", views.was_redirect, name="was"),
]
