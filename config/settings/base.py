"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment variables, so the
same code runs embedded (SQLite, in-process fan-out) and distributed (PostgreSQL, Redis).
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    value = env(name)
    if not value:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "accounts",
    "notifications",
    "home",
    "dialogue",
    "partnerships",
    "events",
    "accountability",
    "livesessions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    # Content translation: wagtail-localize (README "Libraries"); it replaces simple_translation
    # and wagtail.locales, whose admin screens it extends.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_zxcvbn_password_validator",  # for its translations of the strength messages
    "channels",
    "huey.contrib.djhuey",  # the worker: `manage.py run_huey` (notifications/tasks.py)
    "csp",
    "rules.apps.AutodiscoverRulesConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",  # Django's widget templates for FORM_RENDERER (core.forms)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the cache, before the session is read (core/pagecache.py).
    "core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Page links made under /xx/ stay in xx (core/locales.py).
    "core.locales.ReaderLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A NUL in the query: 400, before any view looks it up in PostgreSQL (config/errors.py).
    "config.errors.RefuseNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff reach the admin only with a verified e-mail and a second factor (accounts/mfa.py).
    "accounts.middleware.StaffSecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A Wagtail admin form posted with errors: 400, not 200 (core/admin.py).
    "core.admin.InvalidAdminFormMiddleware",
    # The database away: the 503 page instead of the 500 one (config/errors.py).
    "config.errors.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "config.urls"
# Every form field is rendered by one template, with its label, help, errors and ARIA ties.
FORM_RENDERER = "core.forms.FormRenderer"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "config.context_processors.site_shell",
            ],
        },
    },
]

# Database: an SQLite file in the project unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=0,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and the single writer proceed together; the timeout absorbs bursts.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def production_caches(url: str) -> dict:
    """The default cache, and the page cache (core/pagecache.py), which sees Redis's errors
    itself: it serves pages uncached meanwhile and keeps the invalidations it could not write
    until Redis answers, so no page outlives a change made during the outage."""
    return {
        "default": redis_cache(url),
        "pages": redis_cache(url, "bdib-pages", ignore_exceptions=False),
    }


def redis_cache(url: str, prefix: str = "bdib", *, ignore_exceptions: bool = True) -> dict:
    """The cache on Redis, degrading to no cache while Redis is away (see below)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": ignore_exceptions,
            "SOCKET_CONNECT_TIMEOUT": float(env("REDIS_CONNECT_TIMEOUT", "0.5")),
            "SOCKET_TIMEOUT": float(env("REDIS_TIMEOUT", "0.5")),
        },
    }


# Redis: unset means everything stays inside the one process.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # django-redis rather than Django's own RedisCache: with IGNORE_EXCEPTIONS a Redis that is
    # away makes the cache a miss (reads) or a no-op (writes) instead of an exception, so pages
    # still render from the database. Short timeouts keep a dead Redis from slowing each page;
    # every operation is tried once (no reconnect loop inside a request). Rate limits on this
    # cache see None from incr() while it is away and decide per limit (README, "Outages").
    CACHES = production_caches(REDIS_URL)
    LIVE_FANOUT_BACKEND = "core.live.backends.RedisBackend"
    # Live channels and viewer counts are namespaced by database, so two deployments (or test
    # runs) sharing one Redis never see each other's debates.
    LIVE_REDIS_PREFIX = env(
        "LIVE_REDIS_PREFIX", f"bdib:{Path(str(DATABASES['default']['NAME'])).name}:"
    )
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }
    LIVE_FANOUT_BACKEND = "core.live.backends.InProcessBackend"

# The task queue (huey, README "Libraries"): the worker (`manage.py run_huey`, started by `make
# run` beside the web server) sends every e-mail and runs the periodic jobs of
# notifications/tasks.py. Its queue lives in Redis when REDIS_URL is set, else in an SQLite file
# beside the database: nothing but Python on the embedded default.
TASK_QUEUE_NAME = env("TASK_QUEUE_NAME", f"bdib-{Path(str(DATABASES['default']['NAME'])).stem}")
if REDIS_URL:
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": TASK_QUEUE_NAME,
        "url": REDIS_URL,
        "immediate": False,
        "consumer": {"workers": 2, "worker_type": "thread"},
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": TASK_QUEUE_NAME,
        "filename": env("TASK_QUEUE_FILE", str(BASE_DIR / "tasks.sqlite3")),
        "immediate": False,
        # The SQLite queue is polled: at most a second's wait for the next mail when idle.
        "consumer": {"workers": 2, "worker_type": "thread", "max_delay": 1.0},
    }

# Who hears of a new comment (its parent's author, the debate's followers) is worked out by the
# worker when the queue is in Redis: the resident's write then costs one push onto the queue, not
# the notices' queries, and the worker's live unread counts reach every web process through
# Redis. On the embedded default the web process does it after commit (the pages listen to its
# in-process hub).
NOTICES_IN_WORKER = env_bool("NOTICES_IN_WORKER", bool(REDIS_URL))

# The anonymous page cache (core/pagecache.py): whole pages per language and address, retired
# by tags when what they show changes. PAGE_CACHE_SECONDS=0 turns it off. Responses that may
# be shared say `Cache-Control: public, max-age=0, s-maxage=PAGE_CACHE_PROXY_SECONDS` and
# `Vary: Cookie`, so a caching proxy in front may keep them that long (browsers always ask).
PAGE_CACHE_ALIAS = "pages"
# A stored page is answered in front of Django's handler, on the event loop (config/asgi.py).
ASGI_HTTP_MIDDLEWARE = ["core.pagecache.StoredPagesASGI"]
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "300"))
PAGE_CACHE_PROXY_SECONDS = int(env("PAGE_CACHE_PROXY_SECONDS", "0"))
# Sections (core/sections.py): the parts of a page that are the same for every reader, kept
# while what they read is current, for logged-in readers too. false renders them every time.
PAGE_SECTIONS = env_bool("PAGE_SECTIONS", True)
# A caching proxy that takes purge requests (Varnish, nginx with a purge module, or any HTTP
# purge endpoint): Wagtail purges a page's addresses there when it is published, unpublished,
# moved or deleted (wagtail.contrib.frontend_cache). Other changes (comments, sign-ups) are not
# purged there: keep PAGE_CACHE_PROXY_SECONDS as short as readers may see them late.
FRONTEND_CACHE_PURGE_URL = env("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # zxcvbn's estimate of how guessable it is ("Copenhagen1" and "aaaaaaaaaaaa" are refused).
    {"NAME": "django_zxcvbn_password_validator.ZxcvbnPasswordValidator"},
]
# 3: "cannot be guessed without access to our database"; the place names below count as words
# an attacker tries first.
PASSWORD_MINIMAL_STRENGTH = int(env("PASSWORD_MINIMAL_STRENGTH", "3"))
PASSWORD_EXTRA_DICTIONARY = [
    "bland dig i byen",
    "blanddigibyen",
    "københavn",
    "kobenhavn",
    "copenhagen",
    "kbh",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"
LOGOUT_REDIRECT_URL = "/"

# allauth: e-mail is the login, and it must be verified before a resident takes part.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapters.AccountAdapter"
# allauth's own limits (sign-up per client address among them); the address comes from
# core.clientip through AccountAdapter.get_client_ip.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": env("RATE_LIMIT_SIGNUP", "5/m/ip,30/h/ip"),
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Bland dig i byen] "
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Bland dig i byen"
# Authenticator codes also accepted this many 30-second steps early or late (clock drift);
# each code still works only once. The browser tests' server takes 1 (tests/e2e/conftest.py).
MFA_TOTP_TOLERANCE = int(env("MFA_TOTP_TOLERANCE", "0"))
MFA_FORMS = {"activate_totp": "accounts.forms.ActivateTOTPForm"}
# Recovery codes are shown once, right after the authenticator is set up; new ones can be made.
MFA_RECOVERY_CODES_SHOW_ONCE = True

# Languages: Danish first. Each is named in its own language (the switcher shows the names as
# they are). Arabic, Urdu and Persian are right-to-left: Django's LANGUAGES_BIDI lists them, and
# `get_language_bidi()` sets `<html dir>` (config.context_processors).
LANGUAGE_CODE = "da"
LANGUAGES = [
    ("da", "Dansk"),
    ("en", "English"),
    ("ar", "العربية"),
    ("tr", "Türkçe"),
    ("ur", "اردو"),
    ("so", "Soomaali"),
    ("pl", "Polski"),
    ("fa", "فارسی"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
# One date format per language; ours first, where Django's are wrong or missing (config/formats).
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
# wagtail-localize: machine translation in the translation editor stays off unless a DeepL key is
# given; nothing calls an outside service by default or in tests.
if env("DEEPL_AUTH_KEY", ""):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_AUTH_KEY")},
    }
# Every UI language is a content language editors can translate pages into (wagtail-localize).
# The policy is translated whole into English and Arabic; into the other languages the key pages
# (home.translating). A page not translated into the reader's language is the Danish one, shown
# under the reader's prefix with a note (core/locales.py).
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = "Bland dig i byen"
# The one address absolute links are built on (e-mails, the API, calendar feeds; core.links).
SITE_URL = env("SITE_URL", env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "core.search", "SEARCH_CONFIG": "danish"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt", "xlsx", "odt", "docx"]
# Every document upload is checked: its content must be what its extension says (core.uploads).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.documents.DocumentForm"
# Documents always stream through Django, whatever the storage: with the type of their checked
# extension, `X-Content-Type-Options: nosniff` and the collection's privacy applied.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_LOGIN_URL = "account_login"
# Pages restricted to logged-in people send visitors to allauth's login too.
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Passwords and e-mail addresses change through allauth only (its rate limits, notifications and
# e-mail verification), never in the admin's own account settings.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Uploads. The whole request body is capped before Django reads it (config.guards, 413); put the
# same figure in the proxy (nginx `client_max_body_size`, see the README). Form fields without
# files may hold 2.5 MB; uploaded files above 2.5 MB are spooled to disk, not kept in memory.
UPLOAD_MAX_BYTES = int(env("DJANGO_UPLOAD_MAX_MB", "20")) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# E-mail: the console until EMAIL_HOST is set (production refuses that unless
# DJANGO_ALLOW_CONSOLE_EMAIL=1: printed mail puts addresses and sign-in links in the log).
EMAIL_HOST = env("EMAIL_HOST")
# Every message, whoever sends it (allauth, moderation, events, partnerships, digests), goes into
# the outbox table in the sender's transaction and leaves through the worker, which hands it to
# MAIL_DELIVERY_BACKEND and tries again with back-off while the mail server is away
# (notifications/outbox.py).
EMAIL_BACKEND = "notifications.outbox.QueuedEmailBackend"
MAIL_DELIVERY_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
# The worker's tries after a failed send: 30 s, then each wait twice the last (30 s, 1, 2, 4 ...
# min): ten tries cover about eight and a half hours; after that the outbox sweep starts again,
# for three days in all (notifications/outbox.py: GIVE_UP_AFTER).
MAIL_RETRIES = int(env("MAIL_RETRIES", "10"))
MAIL_RETRY_DELAY = float(env("MAIL_RETRY_DELAY", "30"))
MAIL_RETRY_BACKOFF = 2
EMAIL_TIMEOUT = int(env("EMAIL_TIMEOUT", "20"))
EMAIL_PORT = int(env("EMAIL_PORT", "587"))
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Bland dig i byen <noreply@blanddigibyen.kk.dk>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Content Security Policy: no inline script anywhere; styles only from our own files.
CONTENT_SECURITY_POLICY = {
    # The Wagtail admin brings its own inline styles and scripts; it keeps its own rules.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# The site uses none of these browser features, and nothing embedded in it may; passkeys and a
# full-screen presenter view are for the site itself only.
PERMISSIONS_POLICY = {
    "fullscreen": ["self"],
    "publickey-credentials-get": ["self"],
} | {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "picture-in-picture",
        "screen-wake-lock",
        "usb",
        "xr-spatial-tracking",
    )
}
# Staff avatars are not fetched from gravatar.com (a third party would learn staff e-mail hashes).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Where /.well-known/security.txt and SECURITY.md send reports of vulnerabilities.
# Accessibility statement (webtilgængelighedsloven): the statement itself is made and kept in
# Digitaliseringsstyrelsen's WAS tool; /was leads there. Problems are reported to this contact.
ACCESSIBILITY_STATEMENT_URL = env(
    "ACCESSIBILITY_STATEMENT_URL", "https://www.was.digst.dk/blanddigibyen-kk-dk"
)
ACCESSIBILITY_CONTACT_EMAIL = env("ACCESSIBILITY_CONTACT_EMAIL", "blanddigibyen@kk.dk")
ACCESSIBILITY_CONTACT_PHONE = env("ACCESSIBILITY_CONTACT_PHONE", "33 66 33 66")

SECURITY_CONTACT = env("SECURITY_CONTACT", "mailto:security@blanddigibyen.kk.dk")

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Live dialogue limits (see dialogue/consumers.py and dialogue/services.py).
LIVE_MAX_FRAME_BYTES = 16 * 1024
LIVE_MESSAGES_PER_10S = int(env("LIVE_MESSAGES_PER_10S", "30"))
DIALOGUE_COMMENTS_PER_MINUTE = int(env("DIALOGUE_COMMENTS_PER_MINUTE", "5"))
# On PostgreSQL the comments of a process's sockets are written side by side, each in a thread
# with a pooled connection (dialogue/consumers.py); off, they wait for each other.
DIALOGUE_PARALLEL_WRITES = env_bool("DIALOGUE_PARALLEL_WRITES", True)


def _rate_limit(name: str, user: str, ip: str) -> dict[str, str]:
    """One limit's rates per person and per client address, each overridable by
    RATE_LIMIT_<NAME>_USER / RATE_LIMIT_<NAME>_IP ("10/hour", "30/10 seconds"; empty: none)."""
    key = name.upper().replace(".", "_")
    return {
        "user": env(f"RATE_LIMIT_{key}_USER", user),
        "ip": env(f"RATE_LIMIT_{key}_IP", ip),
    }


# Rate limits on every repeatable write (core/ratelimit.py), counted per account and per client
# address in one store every process shares, so neither a reconnect nor a new tab resets them.
RATE_LIMITS = {
    "comment.post": _rate_limit(
        "comment.post", f"{DIALOGUE_COMMENTS_PER_MINUTE}/minute", "30/minute"
    ),
    "comment.edit": _rate_limit("comment.edit", "10/10 minutes", "30/10 minutes"),
    "comment.report": _rate_limit("comment.report", "10/hour", "20/hour"),
    "reaction.set": _rate_limit("reaction.set", "30/minute", "120/minute"),
    "event.registration": _rate_limit("event.registration", "10/hour", "30/hour"),
    "invitation.send": _rate_limit("invitation.send", "20/hour", "40/hour"),
    "live.message": _rate_limit(
        "live.message", f"{LIVE_MESSAGES_PER_10S}/10 seconds", "120/10 seconds"
    ),
    "live.connect": _rate_limit("live.connect", "30/minute", "60/minute"),
    # Live sessions (livesessions/): a guest is counted by device; the address limits are high
    # because a whole conference hall may share one.
    "livesession.connect": _rate_limit("livesession.connect", "30/minute", "3000/minute"),
    "livesession.message": _rate_limit("livesession.message", "30/10 seconds", "5000/10 seconds"),
    "livesession.question": _rate_limit("livesession.question", "5/minute", "300/minute"),
    "livesession.vote": _rate_limit("livesession.vote", "60/minute", "6000/minute"),
}
RATE_LIMIT_STORAGE_URL = env("RATE_LIMIT_STORAGE_URL", REDIS_URL or "memory://")
RATE_LIMIT_KEY_PREFIX = f"bdib:{Path(str(DATABASES['default']['NAME'])).name}:limits"
# Reports hide a comment only when they come from accounts at least this old and from distinct
# client addresses (dialogue/services/reports.py).
DIALOGUE_REPORTER_MIN_ACCOUNT_DAYS = int(env("DIALOGUE_REPORTER_MIN_ACCOUNT_DAYS", "7"))
DIALOGUE_EDIT_WINDOW_MINUTES = 15
DIALOGUE_PAGE_SIZE = 20

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

# Logs hold no e-mail address, no token from a URL and no traceback for a refused request:
# every handler, uvicorn's included, passes records through config.logredact.RedactingFilter.
LOGGING_CONFIG = "config.logredact.configure"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "config.logredact.RedactingFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["redact"]}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
