"""The reference for bench/pages.py: a minimal Django project, one view, no middleware, no
apps, no database. What Django and uvicorn cost on this machine before any of the project's
work."""

SECRET_KEY = "bench-reference-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.reference.urls"
MIDDLEWARE = []
INSTALLED_APPS = []
DATABASES = {}
USE_I18N = False
