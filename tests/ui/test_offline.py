"""Offline: the app opens from the cache, says since when, retries and recovers."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from requests.adapters import HTTPAdapter

from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tests.ui.test_cached_start import _first_run
from tests.ui.test_drafts import wait_until
from tootui import app_log, paths
from tootui.client.api import MastodonClient
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.client.errors import RateLimitedError, ServerError
from tootui.demo.server import DemoServer
from tootui.ui.app import create_app
from tootui.ui.reconnect import retry_delay


class ControlledTransport(HTTPAdapter):
    """The HTTP transport, with name lookups and connections failing on demand."""

    def __init__(self) -> None:
        super().__init__()
        self.failure: str | None = None
        self.attempts = 0

    def send(self, request, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self.attempts += 1
        if self.failure == "dns":
            raise requests.ConnectionError(socket.gaierror(socket.EAI_NONAME, "Name unknown"))
        if self.failure == "unreachable":
            raise requests.ConnectionError(ConnectionRefusedError(111, "Connection refused"))
        return super().send(request, *args, **kwargs)


@pytest.fixture
def file_log(tmp_path: Path) -> Iterator[Path]:
    """The app's log file for this test; the logger is put back as it was after."""
    logger = logging.getLogger("tootui")
    saved = (list(logger.handlers), logger.level, logger.propagate)
    yield app_log.start_file_log(tmp_path / "state" / "tootui.log")
    for handler in logger.handlers:
        handler.close()
    logger.handlers[:] = saved[0]
    logger.setLevel(saved[1])
    logger.propagate = saved[2]


def _client(cache_file: Path, demo_server: DemoServer, token: str,
            transport: ControlledTransport) -> CachedClient:
    def connect() -> MastodonClient:
        client = MastodonClient(demo_server.url, token)
        client._session.mount("http://", transport)
        return client

    return CachedClient(Cache(cache_file), connect)


async def _offline_then_back(tmp_path: Path, demo_server: DemoServer, log_path: Path,
                             failure: str, detail: str) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)
    token = demo_server.create_token()
    app_log.redact(token)
    transport = ControlledTransport()
    transport.failure = failure
    client = _client(cache_file, demo_server, token, transport)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen._reconnect.base = 0.1  # the outage's retry pace, short for the test
        await wait_until(pilot, lambda: "offline since" in screen_text(app)
                         and bool(error_notes(app)))
        assert [s.id for s in screen.timeline.statuses] == before  # browsing the cache
        notes = error_notes(app)  # one per failed try so far
        assert notes and all(detail in n and "\n" not in n and "Traceback" not in n
                             for n in notes)
        await pilot.press("j", "enter")  # a thread read before is there offline too
        first_tries = transport.attempts
        await wait_until(pilot, lambda: transport.attempts > first_tries + 1)  # retrying
        transport.failure = None
        await wait_until(pilot, lambda: "offline since" not in screen_text(app))
        await settle(pilot)
        assert client.offline_since is None
        assert any("answers again" in n.message for n in app._notifications)
    client.close()
    logged = log_path.read_text("utf-8")
    assert detail in logged and token not in logged


async def test_dns_failure(tmp_path: Path, demo_server: DemoServer, file_log: Path) -> None:
    await _offline_then_back(tmp_path, demo_server, file_log, "dns", "host name not found")


async def test_unreachable_host(tmp_path: Path, demo_server: DemoServer,
                                file_log: Path) -> None:
    await _offline_then_back(tmp_path, demo_server, file_log, "unreachable",
                             "connection refused")


async def test_a_server_down_for_a_while_is_retried_until_it_is_back(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)
    # "Down for a while" is three 503s in a row, at the retry pace below.
    demo_server.faults.add("/api/v1/timelines/home", status=503, count=3)
    transport = ControlledTransport()
    client = _client(cache_file, demo_server, demo_server.create_token(), transport)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen._reconnect.base = 0.1
        await wait_until(pilot, lambda: any("answers again" in n.message
                                            for n in app._notifications))
        await settle(pilot)
        assert [s.id for s in screen.timeline.statuses] == before
        assert len(error_notes(app)) == 3
        assert any("answers again" in n.message for n in app._notifications)
    client.close()


def test_the_log_never_holds_a_token(file_log: Path) -> None:
    path = file_log
    app_log.redact("s3cr3t-token-value")
    log = logging.getLogger("tootui.test")
    log.warning("request with s3cr3t-token-value failed")
    log.warning("header Authorization: Bearer abc.def-ghi, url ?access_token=xyz&x=1")
    text = path.read_text("utf-8")
    assert "s3cr3t" not in text and "abc.def" not in text and "xyz" not in text
    assert "request with [redacted] failed" in text
    assert paths.log_file().is_relative_to(paths.state_dir())


async def test_a_slow_server_leaves_the_keys_answering(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)
    # "Slow" is a parameter of the fault: 1.5 s per timeline request here.
    demo_server.faults.add("/api/v1/timelines/home", status=0, delay=1.5)
    transport = ControlledTransport()
    client = _client(cache_file, demo_server, demo_server.create_token(), transport)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await wait_until(pilot, lambda: "refreshing" in screen_text(app))
        await pilot.press("j", "j")
        assert screen.timeline.selected == 2  # answered while the request is pending
        assert "refreshing" in screen_text(app)
        await wait_until(pilot, lambda: "refreshing" not in screen_text(app))
        await settle(pilot)
        assert [s.id for s in screen.timeline.statuses] == before
        assert screen.timeline.selected == 2
        assert error_notes(app) == []
    client.close()


async def test_a_connection_dropped_mid_answer_is_retried(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)
    demo_server.faults.add("/api/v1/timelines/home", status=0, drop=True)
    transport = ControlledTransport()
    client = _client(cache_file, demo_server, demo_server.create_token(), transport)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen._reconnect.base = 0.1
        await wait_until(pilot, lambda: any("answers again" in n.message
                                            for n in app._notifications))
        await settle(pilot)
        [note] = error_notes(app)
        assert "connection dropped" in note
        assert [s.id for s in screen.timeline.statuses] == before
    client.close()


async def test_a_request_that_times_out_is_retried(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)
    # The timeout and the server's delay are parameters: 0.3 s against 1 s here.
    demo_server.faults.add("/api/v1/timelines/home", status=0, delay=1.0)
    token = demo_server.create_token()
    client = CachedClient(Cache(cache_file),
                          lambda: MastodonClient(demo_server.url, token, timeout=0.3))
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen._reconnect.base = 0.1
        await wait_until(pilot, lambda: any("answers again" in n.message
                                            for n in app._notifications))
        await settle(pilot)
        [note] = error_notes(app)
        assert "timed out" in note
        assert [s.id for s in screen.timeline.statuses] == before
    client.close()


def test_retries_back_off_up_to_a_cap_and_never_before_retry_after() -> None:
    down = ServerError("Service Unavailable", status=503)
    delays = [retry_delay(n, down, base=2, cap=60) for n in range(8)]
    assert delays == [2, 4, 8, 16, 32, 60, 60, 60]
    limited = RateLimitedError(retry_after=90)
    assert retry_delay(0, limited, base=2, cap=60) == 90  # the server's word wins
    assert retry_delay(6, RateLimitedError(retry_after=1), base=2, cap=60) == 60
    assert retry_delay(0, RateLimitedError(), base=2, cap=60) == 2


async def test_a_rate_limited_refresh_waits_for_retry_after_without_freezing(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)
    # Retry-After is a parameter of the fault: 1 s here, against a 0.05 s backoff.
    demo_server.faults.add("/api/v1/timelines/home", status=429, retry_after=1)
    asked: list[float] = []
    take = demo_server.faults.take

    def timed(path: str):  # type: ignore[no-untyped-def]
        if path.startswith("/api/v1/timelines/home"):
            asked.append(time.monotonic())
        return take(path)

    demo_server.faults.take = timed  # type: ignore[method-assign]
    transport = ControlledTransport()
    client = _client(cache_file, demo_server, demo_server.create_token(), transport)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        screen._reconnect.base = 0.05
        await wait_until(pilot, lambda: bool(error_notes(app)))
        assert "Too many requests" in error_notes(app)[0]
        await pilot.press("j", "j")  # keys are answered while the wait runs
        assert screen.timeline.selected == 2
        await wait_until(pilot, lambda: any("answers again" in n.message
                                            for n in app._notifications))
        await settle(pilot)
        assert [s.id for s in screen.timeline.statuses] == before
        assert screen.timeline.selected == 2
    client.close()
    assert len(asked) == 2 and asked[1] - asked[0] >= 1.0
