"""The test suite: fast hashing, mail kept in memory, the same services as dev unless the
environment points at PostgreSQL and Redis."""

from .base import *  # noqa: F403
from .base import env, env_list

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", "test-only-not-secret")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# The test client's own address: socket tests connect from it (config.guards checks the origin).
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "http://testserver")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The browser tests' server writes its mail to files instead (tests/e2e/conftest.py: outbox),
# so a test can follow the link in a verification mail.
if env("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Tests never reach an outside translation service, whatever the environment says.
globals().pop("WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
