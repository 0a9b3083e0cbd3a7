"""Which services the settings choose, read in a fresh interpreter for each environment."""

import json
import subprocess
import sys

import pytest

from devtools.servers import PRODUCTION_SECRET, ROOT, base_env

PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "print(json.dumps({'engine': settings.DATABASES['default']['ENGINE'], "
    "'name': str(settings.DATABASES['default']['NAME']), "
    "'cache': settings.CACHES['default']['BACKEND'], "
    "'layer': getattr(settings, 'CHANNEL_LAYERS', None), "
    "'fanout': settings.LIVE_FANOUT_BACKEND, 'debug': settings.DEBUG, "
    "'email': settings.EMAIL_BACKEND, 'delivery': settings.MAIL_DELIVERY_BACKEND, "
    "'queue': settings.HUEY['huey_class']}))"
)


def read_settings(module: str, **env: str) -> dict:
    environment = base_env(DJANGO_SETTINGS_MODULE=module, **env)
    for name in ("DATABASE_URL", "REDIS_URL", "EMAIL_HOST"):
        if name not in env:
            environment.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise AssertionError(result.stderr)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_dev_defaults_to_sqlite_and_in_process_live_fanout():
    found = read_settings("config.settings.dev")
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["name"].endswith("db.sqlite3")
    assert found["cache"].endswith("LocMemCache")
    assert found["layer"] is None  # the live hub carries everything; no channel layer
    assert found["fanout"] == "core.live.backends.InProcessBackend"
    # Every mail goes through the outbox and the worker, which prints it (no SMTP server here);
    # the worker's queue is an SQLite file: nothing but Python.
    assert found["email"] == "notifications.outbox.QueuedEmailBackend"
    assert found["delivery"].endswith("console.EmailBackend")
    assert found["queue"] == "huey.SqliteHuey"
    assert found["debug"] is True


def test_redis_url_switches_cache_and_fanout_to_redis():
    found = read_settings("config.settings.dev", REDIS_URL="redis://127.0.0.1:6379/3")
    assert found["cache"] == "django_redis.cache.RedisCache"
    assert found["layer"] is None
    assert found["fanout"] == "core.live.backends.RedisBackend"
    assert found["queue"] == "huey.RedisHuey"


def test_database_url_selects_postgresql():
    found = read_settings("config.settings.dev", DATABASE_URL="postgres://u@db:5432/bdib")
    assert found["engine"] == "django.db.backends.postgresql"
    assert found["name"] == "bdib"


def test_email_host_switches_to_smtp():
    found = read_settings("config.settings.dev", EMAIL_HOST="smtp.example.org")
    assert found["email"] == "notifications.outbox.QueuedEmailBackend"
    assert found["delivery"].endswith("smtp.EmailBackend")


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        ({"DJANGO_ALLOWED_HOSTS": "example.org"}, "DJANGO_SECRET_KEY"),
        ({"DJANGO_SECRET_KEY": PRODUCTION_SECRET}, "DJANGO_ALLOWED_HOSTS"),
        ({"DJANGO_SECRET_KEY": "short", "DJANGO_ALLOWED_HOSTS": "example.org"}, "SECRET_KEY"),
    ],
)
def test_production_refuses_to_start_without_secret_and_hosts(env, complaint):
    environment = base_env(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    for name in ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"):
        if name not in env:
            environment.pop(name, None)
    environment["REDIS_URL"] = "redis://127.0.0.1:6379/0"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert complaint in result.stderr


@pytest.mark.parametrize(("allow", "starts"), [("", False), ("1", True)])
def test_production_refuses_to_print_mail_to_the_log_unless_told_to(allow, starts):
    environment = base_env(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="blanddigibyen.kk.dk",
        REDIS_URL="redis://127.0.0.1:6379/0",
        DJANGO_ALLOW_CONSOLE_EMAIL=allow,
    )
    environment.pop("EMAIL_HOST", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert (result.returncode == 0) is starts, result.stderr
    if not starts:
        assert "EMAIL_HOST must be set" in result.stderr


def test_production_passes_check_deploy_with_zero_issues():
    environment = base_env(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET,
        DJANGO_ALLOWED_HOSTS="blanddigibyen.kk.dk",
        REDIS_URL="redis://127.0.0.1:6379/0",
        EMAIL_HOST="smtp.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


def test_no_model_change_lacks_a_migration():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=ROOT,
        env=base_env(DJANGO_SETTINGS_MODULE="config.settings.test"),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
