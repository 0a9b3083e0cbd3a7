import pytest
from django.db import connection
from django.test import override_settings

pytestmark = pytest.mark.django_db


def test_healthz_reports_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"
    assert response.json()["status"] == "ok"


def test_healthz_is_503_naming_the_database_when_it_does_not_answer(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database went away")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_healthz_is_degraded_naming_redis_when_redis_is_configured_but_down(client):
    """Pages still render without Redis: the process stays in the load balancer's rotation."""
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "degraded"
    assert body["failed"] == ["redis"]
    assert body["checks"]["database"] == "ok"


@override_settings(REDIS_URL="redis://127.0.0.1:1/0")
def test_healthz_is_503_when_the_database_is_down_even_if_redis_is_down_too(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise ConnectionError("database went away")

    monkeypatch.setattr(connection, "cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["failed"] == ["database", "redis"]


def test_healthz_checks_redis_when_configured_and_up(client, settings):
    from devtools.services import redis_url, require

    require("redis")
    settings.REDIS_URL = redis_url()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"]["redis"] == "ok"


def test_healthz_shows_what_the_live_fan_out_of_this_process_did(client):
    live = client.get("/healthz").json()["live"]
    counted = {"direct_writes", "asgi_sends", "failed_writes", "sinks_without_fast_path"}
    assert counted <= set(live)


def test_a_failing_details_hook_is_left_out_and_the_status_stays_ok(client, caplog):
    from wagtail import hooks

    from config.health import HEALTHZ_DETAILS_HOOK

    def broken():
        raise RuntimeError("no details today")

    with hooks.register_temporarily(HEALTHZ_DETAILS_HOOK, broken):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "broken" in caplog.text
