"""Every failure reaches the caller as one of our errors, with a usable message."""

from __future__ import annotations

import socket
import time

import pytest

from tootui.client.api import MastodonClient
from tootui.client.errors import (
    AuthError,
    ClientError,
    NetworkError,
    NotFoundError,
    RateLimitedError,
    RefusedError,
    ServerError,
)
from tootui.demo.server import DemoServer


def _clean(error: ClientError, *secrets: str) -> str:
    text = str(error)
    assert "\n" not in text and all(ch.isprintable() for ch in text)
    for secret in secrets:
        assert secret not in text and secret not in repr(error.args)
    return text


def test_bad_token_is_auth_error(demo_server: DemoServer) -> None:
    bad = "not-a-real-token-0123456789"
    with MastodonClient(demo_server.url, bad) as api, pytest.raises(AuthError) as caught:
        api.verify_credentials()
    assert caught.value.status == 401
    assert "log in again" in _clean(caught.value, bad)


def test_revoked_token_is_auth_error(demo_server: DemoServer, client: MastodonClient,
                                     token: str) -> None:
    client.timeline(limit=1)
    demo_server.revoke_tokens()
    with pytest.raises(AuthError) as caught:
        client.timeline(limit=1)
    _clean(caught.value, token)


def test_missing_status_is_not_found(client: MastodonClient) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.status("999999999")
    assert caught.value.status == 404
    with pytest.raises(NotFoundError):
        client.favourite("999999999")


@pytest.mark.parametrize(("text", "reason"), [
    ("", "can't be blank"),
    ("x" * 5001, "character limit"),
])
def test_refused_post_carries_the_servers_reason(
    client: MastodonClient, token: str, text: str, reason: str
) -> None:
    with pytest.raises(RefusedError) as caught:
        client.post_status(text)
    assert caught.value.status == 422 and not caught.value.retryable
    assert reason in _clean(caught.value, token)


def test_rate_limit_raises_at_once_with_retry_after(
    client: MastodonClient, demo_server: DemoServer
) -> None:
    demo_server.faults.add("/api/v1/timelines", status=429, retry_after=120)
    started = time.monotonic()
    with pytest.raises(RateLimitedError) as caught:
        client.timeline(limit=1)
    # Mastodon.py's default would sleep until the limit resets: two minutes.
    assert time.monotonic() - started < 30
    assert caught.value.retry_after is not None and 100 < caught.value.retry_after <= 120
    assert "120 s" in str(caught.value) or "119 s" in str(caught.value)
    assert client.timeline(limit=1).items  # the fault was one request long


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_server_errors_are_retryable(
    client: MastodonClient, demo_server: DemoServer, status: int
) -> None:
    demo_server.faults.add("/api/v1/statuses", status=status)
    with pytest.raises(ServerError) as caught:
        client.post_status("try me", idempotency_key="k")
    assert caught.value.retryable and caught.value.status == status
    assert client.post_status("try me", idempotency_key="k").id


def test_dropped_connection_is_network_error(
    client: MastodonClient, demo_server: DemoServer
) -> None:
    demo_server.faults.add("/api/v1/timelines", drop=True, status=0)
    with pytest.raises(NetworkError) as caught:
        client.timeline(limit=1)
    assert caught.value.retryable and not caught.value.timed_out


def test_slow_server_times_out(demo_server: DemoServer, token: str) -> None:
    demo_server.faults.add("/api/v1/timelines", delay=2.0, status=0)
    with MastodonClient(demo_server.url, token, timeout=0.3) as api:
        started = time.monotonic()
        with pytest.raises(NetworkError) as caught:
            api.timeline(limit=1)
    assert caught.value.timed_out and time.monotonic() - started < 1.9
    assert "timed out" in _clean(caught.value, token)


def test_nobody_listening_is_network_error() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with MastodonClient(f"http://127.0.0.1:{port}", "token-xyz") as api, \
            pytest.raises(NetworkError) as caught:
        api.verify_credentials()
    assert "connection refused" in _clean(caught.value, "token-xyz")
