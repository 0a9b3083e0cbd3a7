"""Production: refuses to start without a secret key, the hosts it serves, Redis and a mail
server."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import EMAIL_HOST, REDIS_URL, env, env_bool, env_list

SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
if not SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must list the host names this site serves.")
if not REDIS_URL and not env_bool("DJANGO_ALLOW_NO_REDIS"):
    raise ImproperlyConfigured(
        "REDIS_URL must be set in production: several processes share live events through it."
    )
if not EMAIL_HOST and not env_bool("DJANGO_ALLOW_CONSOLE_EMAIL"):
    raise ImproperlyConfigured(
        "EMAIL_HOST must be set in production: without it e-mail is printed to the log, with "
        "addresses and sign-in links. Set DJANGO_ALLOW_CONSOLE_EMAIL=1 to allow that anyway."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(env("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Under ASGI each request may run on another thread: no persistent connections there.

if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A pool instead of a new connection per request or socket message (each costs a TCP
    # connect and authentication); safe under ASGI, where requests run on changing threads.
    #
    # When PostgreSQL is away a request waits at most DJANGO_DB_POOL_TIMEOUT for a connection and
    # then gets the 503 page (config/errors.py); /healthz says "database down" as fast. A broken
    # connection is checked and thrown away before it is handed out (CONN_HEALTH_CHECKS), and the
    # pool stops its own reconnect attempts after DJANGO_DB_POOL_RECONNECT_TIMEOUT: from then on
    # each request asks for a fresh connection at once, so the first request after PostgreSQL is
    # back gets one instead of waiting for a reconnect attempt backed off to many seconds.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 2  # noqa: F405
    DATABASES["default"]["OPTIONS"]["pool"] = {  # noqa: F405
        "min_size": 2,
        "max_size": int(env("DJANGO_DB_POOL_MAX", "20")),
        "timeout": float(env("DJANGO_DB_POOL_TIMEOUT", "1.5")),
        "reconnect_timeout": float(env("DJANGO_DB_POOL_RECONNECT_TIMEOUT", "2")),
    }
