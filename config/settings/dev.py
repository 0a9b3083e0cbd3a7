"""`make run`: a laptop with nothing installed but Python."""

from urllib.parse import urlsplit

from .base import *  # noqa: F403
from .base import SITE_URL, env, env_list

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-not-secret-bland-dig-i-byen")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# `make run` serves at 127.0.0.1:<port>; a page opened as localhost:<port> is the same site, so its
# sockets pass the origin check (config/guards.py) too.
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS") or [
    f"http://{host}:{urlsplit(SITE_URL).port or 80}" for host in ("127.0.0.1", "localhost")
]
