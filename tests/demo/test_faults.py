"""Injected faults: errors, rate limiting, latency, dropped connections, revocation."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import requests

from tests.demo.api import api_for
from tootui.demo.faults import FaultSpecError, parse_rule
from tootui.demo.server import DemoServer


def test_error_status_for_a_number_of_requests(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    demo_server.faults.add("/api/v1/timelines/home", status=503, count=2)
    first, second, third = (api.home_response() for _ in range(3))
    assert (first.status_code, second.status_code, third.status_code) == (503, 503, 200)
    assert first.json() == {"error": "Service Unavailable"}
    assert "X-RateLimit-Remaining" in first.headers
    assert api.get("/api/v2/instance").status_code == 200


def test_an_error_with_the_message_a_test_gives(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    demo_server.faults.add("/api/v1/timelines/home", status=422, error="Text [/b] refused")
    answer = api.home_response()
    assert (answer.status_code, answer.json()) == (422, {"error": "Text [/b] refused"})


def test_rate_limited_with_retry_after(demo_server: DemoServer) -> None:
    demo_server.faults.add("/api/v2/instance", status=429, retry_after=7)
    response = requests.get(f"{demo_server.url}/api/v2/instance", timeout=10)
    assert response.status_code == 429 and response.headers["Retry-After"] == "7"


def test_latency(demo_server: DemoServer) -> None:
    demo_server.faults.add("/api/v2/instance", status=0, delay=0.4)
    started = time.monotonic()
    assert requests.get(f"{demo_server.url}/api/v2/instance", timeout=10).status_code == 200
    assert time.monotonic() - started >= 0.4


def test_dropped_connection(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    demo_server.faults.add("/api/v1/timelines/home", status=0, drop=True)
    with pytest.raises(requests.exceptions.RequestException):
        api.home_response().json()
    assert api.home_response().status_code == 200


def test_end_stream(demo_server: DemoServer) -> None:
    token = demo_server.create_token()
    demo_server.faults.add("/api/v1/streaming", status=0, end_stream=True)
    response = requests.get(
        f"{demo_server.url}/api/v1/streaming/user",
        headers={"Authorization": f"Bearer {token}"},
        stream=True,
        timeout=10,
    )
    assert list(response.iter_lines(decode_unicode=True)) == [":)"]


def test_revoked_tokens(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    assert api.home_response().status_code == 200
    demo_server.revoke_tokens()
    refused = api.home_response()
    assert refused.status_code == 401 and refused.json() == {
        "error": "The access token was revoked"
    }


def test_spec_rules() -> None:
    rule = parse_rule("/api/v1/timelines=503:2")
    assert (rule.path_prefix, rule.status, rule.count) == ("/api/v1/timelines", 503, 2)
    slow = parse_rule("/api=delay@1.5:*")
    assert slow.delay == 1.5 and slow.count is None and slow.status == 0
    limited = parse_rule("/x=429@30")
    assert limited.retry_after == 30 and limited.count == 1
    assert parse_rule("/s=drop").drop and parse_rule("/s=end-stream").end_stream
    assert parse_rule("/s=revoke:*").revoke_tokens
    stall = parse_rule("/api/v1/streaming=stall:2")
    assert stall.stall and stall.count == 2 and stall.status == 0
    for bad in ("api=503", "/x=teapot", "/x=503:0", "/x=200"):
        with pytest.raises(FaultSpecError, match="fault rule"):
            parse_rule(bad)


def test_faults_from_the_command_line_spec(tmp_path: Path) -> None:
    with DemoServer(tmp_path, faults="/api/v2/instance=502") as server:
        url = f"{server.url}/api/v2/instance"
        assert [requests.get(url, timeout=10).status_code for _ in range(2)] == [502, 200]


def test_revoke_rule_from_the_spec(tmp_path: Path) -> None:
    with DemoServer(tmp_path, faults="/api/v1/timelines/home=revoke") as server:
        api = api_for(server)
        refused = api.home_response()
        assert refused.status_code == 401
        assert api.get("/api/v1/accounts/verify_credentials").status_code == 401
        assert api_for(server).home_response().status_code == 200
