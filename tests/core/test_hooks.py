"""The lower layers reach the feature apps only through the hooks in core/hooks.py."""

import json

import pytest

from accounts.services import user_block, user_export
from config import asgi
from core import hooks
from tests.factories import UserFactory


def test_the_project_package_asks_for_socket_routes_by_the_hooks_name():
    assert asgi.WEBSOCKET_URLS_HOOK == hooks.WEBSOCKET_URLS
    routes = [str(route.pattern) for route in asgi.websocket_urlpatterns]
    assert "ws/debates/<int:debate_id>/" in routes


@pytest.mark.django_db
def test_the_data_export_holds_a_section_from_every_feature_app():
    data = json.loads(user_export(user=UserFactory()))
    assert {"account", "notifications", "dialogue", "event_registrations", "partnerships"} <= set(
        data
    )


@pytest.mark.django_db
def test_every_app_offers_its_demo_content_in_order():
    steps = sorted(hooks.run_hooks(hooks.DEMO_CONTENT))
    assert [name for _order, name in steps] == [
        "load_demo_debates",
        "load_demo_partners",
        "load_demo_events",
        "load_demo_accountability",
        "load_demo_live_session",
    ]


@pytest.mark.django_db
def test_a_block_runs_the_blocked_hook_after_commit(
    monkeypatch, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from django.utils import timezone

    seen = []
    monkeypatch.setattr(
        hooks.hooks,
        "get_hooks",
        lambda name: [lambda u, r: seen.append((u.pk, r))] if name == hooks.ACCOUNT_BLOCKED else [],
    )
    user = UserFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        user_block(user=user, until=timezone.now() + timedelta(days=1), reason="spam")
    assert seen == []  # nothing before the block has committed
    for callback in callbacks:
        callback()
    assert seen == [(user.pk, "spam")]


def test_healthz_asks_for_its_details_by_the_hooks_name():
    from config.health import HEALTHZ_DETAILS_HOOK

    assert HEALTHZ_DETAILS_HOOK == hooks.HEALTHZ_DETAILS
