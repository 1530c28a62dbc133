"""Notifications from the cache: painted before any request, browsable offline,
refreshed (the cached list replaced) once the server answers."""

from __future__ import annotations

from pathlib import Path

from tests.ui.cached import Gate, cached_client, record_requests
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.test_drafts import wait_until
from tests.ui.test_notifications_tab import _make_notifications
from tests.ui.timelines import as_user
from tootui.client.api import MastodonClient
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.demo.server import DemoServer
from tootui.ui.app import create_app
from tootui.ui.notifications_view import NotificationsView


async def _read_notifications(client: CachedClient) -> list[str]:
    """A session that opens the notifications tab and quits on it."""
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await main_screen(app).open_timeline("notifications")
        await settle(pilot)
        shown = [row.id for row in view.statuses.statuses]
    client.close()
    return shown


async def test_notifications_paint_from_the_cache_before_any_request(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    happened = _make_notifications(demo_server, server_view)
    cache_file = tmp_path / "cache.sqlite3"
    before = await _read_notifications(cached_client(
        cache_file, Gate(demo_server, demo_server.create_token(), open_=True)))
    assert len(before) == 3
    as_user(demo_server, "kafei").favourite(happened.mine)  # while tootui was closed
    requests = record_requests(demo_server)
    gate = Gate(demo_server, demo_server.create_token())
    client = cached_client(cache_file, gate)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        await wait_until(pilot, lambda: screen.current_view.timeline_name == "notifications")
        await pilot.pause()
        view = screen.current_view
        assert isinstance(view, NotificationsView)
        assert [row.id for row in view.statuses.statuses] == before
        text = screen_text(app)
        assert "咖啡码农 mentioned you" in text
        assert "and 2 others favourited your post" in text
        assert requests == []  # painted from the disk alone
        gate.opened.set()
        await wait_until(pilot, lambda: view.loaded)
        await settle(pilot)
        assert "and 3 others favourited your post" in screen_text(app)
        assert "/api/v2/notifications" in requests
    client.close()
    # The refresh replaced the cached first page: the grown group, not both.
    kept = Cache(cache_file).notifications(())
    assert kept is not None
    assert [n.count for n in kept.items if n.type == "favourite"] == [4]


async def test_offline_the_cached_notifications_stay_browsable_until_the_server_is_back(
        tmp_path: Path) -> None:
    data = tmp_path / "demo"
    server = DemoServer(data).start()
    port = int(server.url.rsplit(":", 1)[1])
    url, token = server.url, server.create_token()
    with MastodonClient(url, token) as me:
        _make_notifications(server, me)
    cache_file = tmp_path / "cache.sqlite3"

    def connect() -> MastodonClient:
        return MastodonClient(url, token)

    before = await _read_notifications(CachedClient(Cache(cache_file), connect))
    server.stop()  # connections refused from now on
    client = CachedClient(Cache(cache_file), connect)
    app = create_app(client, account_label="demo@demo.invalid")
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = main_screen(app)
            screen._reconnect.base = 0.1  # the outage's retry pace, short for the test
            await wait_until(pilot, lambda: isinstance(screen.current_view, NotificationsView))
            view = screen.current_view
            title = lambda: str(view.statuses.border_title)  # noqa: E731
            await wait_until(pilot, lambda: "offline since" in title())
            assert [row.id for row in view.statuses.statuses] == before
            assert "and 2 others followed you" in screen_text(app)
            await pilot.press("j")  # browsing the cache
            assert view.statuses.selected == 1
            server = DemoServer(data, port=port).start()
            await wait_until(pilot, lambda: view.loaded and "offline" not in title())
            await settle(pilot)
            assert [row.id for row in view.statuses.statuses] == before
    finally:
        client.close()
        server.stop()
