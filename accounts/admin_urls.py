"""Served in front of Wagtail's own admin URLs (config/urls.py): the admin's login, logout and
password-reset addresses lead to allauth's, so its rate limits, e-mail verification and MFA
stage stand in front of every way in. Wagtail's own views behind them are never reached.
(accounts/frontend_urls.py does the same for the login Wagtail serves beside the pages.)"""

from allauth.account.views import LogoutView
from django.urls import path, re_path

from accounts import views

urlpatterns = [
    path("login/", views.admin_login, name="accounts_admin_login"),
    path("logout/", LogoutView.as_view(), name="accounts_admin_logout"),
    re_path(r"^password_reset/", views.admin_password_reset, name="accounts_admin_password_reset"),
]
