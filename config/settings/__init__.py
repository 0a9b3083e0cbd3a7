"""Settings are chosen with DJANGO_SETTINGS_MODULE: dev (default), test or production."""
