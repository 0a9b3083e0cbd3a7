"""The test suite: fast hashing, mail kept in memory, the same services as dev unless the
environment points at PostgreSQL and Redis."""

import os

# Under pytest-xdist each worker gets a Redis database of its own (the suite clears the cache
# before every test, which is FLUSHDB on Redis) before the base settings read REDIS_URL; servers
# the worker starts inherit it. Live channels are global to a Redis server whatever the database,
# so the worker's name also goes into their prefix below.
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if _WORKER.startswith("gw") and os.environ.get("REDIS_URL"):
    _base, _, _db = os.environ["REDIS_URL"].rpartition("/")
    _number = (int(_db) if _db.isdigit() else 0) + 1 + int(_WORKER[2:])
    os.environ["REDIS_URL"] = f"{_base}/{_number % 16}"

from .base import *  # noqa: E402, F403
from .base import REDIS_URL, env, env_list  # noqa: E402

if _WORKER and REDIS_URL:
    LIVE_REDIS_PREFIX = f"{LIVE_REDIS_PREFIX}{_WORKER}:"  # noqa: F405

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", "test-only-not-secret")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
# The test client's own address: socket tests connect from it (config.guards checks the origin).
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "http://testserver")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MAIL_DELIVERY_BACKEND = EMAIL_BACKEND
# Tasks run at once in the process that queues them (huey's immediate mode, in memory); the
# worker itself is tested in tests/notifications/.
HUEY = {"huey_class": "huey.MemoryHuey", "name": "tests", "immediate": True}
# Notices of new comments are worked out in the process that saves them, with Redis or without;
# tests/dialogue/test_notifications.py also runs them through the (immediate) queue.
NOTICES_IN_WORKER = False
# A socket's writes run on the thread that holds the test's transaction (data a test made
# without committing is seen); tests/dialogue/test_consumer.py turns it on with PostgreSQL.
DIALOGUE_PARALLEL_WRITES = False
# The browser tests' server writes its mail to files instead (tests/e2e/conftest.py: outbox),
# so a test can follow the link in a verification mail.
if env("EMAIL_FILE_PATH"):
    EMAIL_BACKEND = MAIL_DELIVERY_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Tests never reach an outside translation service, whatever the environment says.
globals().pop("WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
