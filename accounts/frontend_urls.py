"""Served in front of Wagtail's page URLs (config/urls.py): Wagtail's `_util/login/` is Django's
plain login view (no rate limit, no MFA stage); it forwards to allauth's login instead."""

from django.urls import path

from accounts import views

urlpatterns = [
    path("_util/login/", views.frontend_login, name="accounts_frontend_login"),
]
