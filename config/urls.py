from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from config import health, security
from config.api import api_router

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path(".well-known/security.txt", security.security_txt, name="security_txt"),
    # The admin's login, logout and password-reset addresses lead to allauth's (one way in);
    # they must come before Wagtail's own.
    path("admin/", include("accounts.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    path("", include("home.root_urls")),
]

urlpatterns += i18n_patterns(
    path("konto/", include("allauth.urls")),
    path("profil/varsler/", include("notifications.urls")),
    path("profil/", include("accounts.urls")),
    path("", include("home.urls")),
    path("dialog/", include("dialogue.urls")),
    # Before events: the annual cycle (arrangementer/aarshjul/) is accountability's.
    path("", include("accountability.urls")),
    path("arrangementer/", include("events.urls")),
    path("partnerskaber/", include("partnerships.urls")),
    path("live/", include("livesessions.urls")),
    # Wagtail's own front-end login leads to allauth's (one way in); before Wagtail's URLs.
    path("", include("accounts.frontend_urls")),
    # Wagtail serves every page not caught above (its routing remembered); it must stay last.
    path("", include("core.page_urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"
