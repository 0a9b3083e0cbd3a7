"""core.clientip and core.ratelimit: one client address for everyone, limits that refuse the
N+1th time and let writes through when their store is away."""

import pytest
from django.test import RequestFactory

from core import ratelimit
from core.clientip import address_token, client_ip


def test_the_address_is_the_peer_for_requests_and_sockets():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="1.2.3.4")
    assert client_ip(request) == "198.51.100.4"
    assert client_ip({"client": ("198.51.100.4", 5000)}) == "198.51.100.4"


def test_ipv6_addresses_count_by_their_64_block_and_junk_is_unknown():
    assert client_ip({"client": ("2001:db8:1:2:a::1", 1)}) == "2001:db8:1:2::/64"
    assert client_ip({"client": ("::ffff:192.0.2.1", 1)}) == "192.0.2.1"
    assert client_ip({"client": None}) == "unknown"


def test_address_tokens_tell_addresses_apart_without_holding_them():
    assert address_token("192.0.2.1") != address_token("192.0.2.2")
    assert "192.0.2.1" not in address_token("192.0.2.1")
    assert address_token(None) == ""


@pytest.mark.django_db
def test_the_n_plus_first_hit_is_refused_with_429_and_a_wait(rate_limit, django_user_model):
    rate_limit("comment.edit", user="2/minute", ip="")
    user = django_user_model.objects.create(email="a@example.org")
    ratelimit.hit("comment.edit", user=user)
    ratelimit.hit("comment.edit", user=user)
    with pytest.raises(ratelimit.RateLimited) as refused:
        ratelimit.hit("comment.edit", user=user)
    assert refused.value.status == 429 and 1 <= refused.value.retry_after <= 60


def test_limits_fail_open_when_their_store_is_unreachable(settings, monkeypatch, caplog):
    settings.RATE_LIMIT_STORAGE_URL = "redis://127.0.0.1:9/0"  # nothing listens there
    monkeypatch.setattr(ratelimit, "_limiter", None)
    monkeypatch.setattr(ratelimit, "_storage", None)
    for _ in range(5):
        ratelimit.hit("comment.report", ip="192.0.2.1")
    assert "unreachable" in caplog.text
