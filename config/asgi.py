"""The one entry point for uvicorn: HTTP goes to Django, websockets under /ws/ to Channels.

Every request body passes the size cap before Django reads it; every socket passes the origin
check (scheme, host and port) and the session authentication before any consumer runs.
"""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402
from django.utils.module_loading import import_string  # noqa: E402
from wagtail import hooks  # noqa: E402

from config.guards import RequestBodyLimit, SiteOriginValidator  # noqa: E402

# The apps offer their socket routes through a Wagtail hook (core.hooks.WEBSOCKET_URLS), asked for
# by name: config is the lowest layer and imports no project package.
WEBSOCKET_URLS_HOOK = "bdib_websocket_urls"
websocket_urlpatterns = [
    route for routes_of_app in hooks.get_hooks(WEBSOCKET_URLS_HOOK) for route in routes_of_app()
]

# ASGI wrappers around Django's handler, innermost first, named in settings.ASGI_HTTP_MIDDLEWARE
# (the page cache answers stored pages there: core/pagecache.py).
http_application = django_asgi_app
for wrapper in settings.ASGI_HTTP_MIDDLEWARE:
    http_application = import_string(wrapper)(http_application)

application = ProtocolTypeRouter(
    {
        "http": RequestBodyLimit(http_application),
        "websocket": SiteOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
