"""Wagtail's front-end URLs, its pages served with their routing remembered (core/routing.py)."""

from django.urls import re_path
from wagtail import urls as wagtail_urls

from core.routing import serve

urlpatterns = [
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
