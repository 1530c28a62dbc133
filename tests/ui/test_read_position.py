"""The read position lives in the server's markers: saved as the reader moves and
on quit, and where the next start (of tootui, or of the web UI) resumes."""

from __future__ import annotations

from pathlib import Path

from tests.ui.cached import Gate, cached_client
from tests.ui.conftest import SIZE, main_screen, settle
from tests.ui.test_drafts import wait_until
from tootui.client.api import MastodonClient
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.client.errors import NetworkError
from tootui.client.oauth import demo_login
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp, create_app


def _home_marker(server_view: MastodonClient) -> str | None:
    return server_view.markers(["home"]).get("home")


async def test_moving_saves_the_marker_on_the_server(
        app: TootuiApp, server_view: MastodonClient) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        await pilot.press("j", "j", "j")
        reading = timeline.selected_status
        assert reading is not None
        # Debounced: saved once the reader has stopped for a moment, without quitting.
        await wait_until(pilot, lambda: _home_marker(server_view) == reading.id)
        await pilot.press("j")
        now = timeline.selected_status
        assert now is not None
        await wait_until(pilot, lambda: _home_marker(server_view) == now.id)


async def test_quitting_saves_the_last_position(
        app: TootuiApp, server_view: MastodonClient) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        await pilot.press("j", "j")
        reading = timeline.selected_status
        assert reading is not None
        assert _home_marker(server_view) is None  # not yet: the reader just moved
        await pilot.press("q")
    assert _home_marker(server_view) == reading.id


async def test_a_new_start_resumes_at_the_marker(
        demo_server: DemoServer, server_view: MastodonClient) -> None:
    home = server_view.timeline(limit=9).items
    # Set elsewhere (the web UI, another tootui): the next start takes it up.
    server_view.save_markers({"home": home[5].id})
    with MastodonClient(demo_server.url, demo_login(demo_server.url)) as client:
        app = create_app(client, account_label="demo@demo.invalid")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = main_screen(app).timeline
            await wait_until(pilot, lambda: timeline.selected_status is not None
                             and timeline.selected_status.id == home[5].id)
            assert timeline.selected == 5
            await pilot.press("k")
            back = timeline.selected_status
            assert back is not None and back.id == home[4].id
            await wait_until(pilot, lambda: _home_marker(server_view) == home[4].id)
        # And the position tootui saved is where the next start resumes.
        app = create_app(client, account_label="demo@demo.invalid")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            timeline = main_screen(app).timeline
            await wait_until(pilot, lambda: timeline.selected == 4)


async def test_markers_round_trip_for_home_and_notifications(
        server_view: MastodonClient) -> None:
    assert server_view.markers() == {}
    server_view.save_markers({"home": "103", "notifications": "7"})
    assert server_view.markers() == {"home": "103", "notifications": "7"}
    assert server_view.markers(["notifications"]) == {"notifications": "7"}


async def test_offline_the_last_known_position_is_resumed(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    client = cached_client(cache_file, Gate(demo_server, demo_server.create_token(),
                                            open_=True))
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")
        reading = main_screen(app).timeline.selected_status
        assert reading is not None
    client.close()

    def unreachable() -> MastodonClient:
        raise NetworkError("connection refused")

    offline = CachedClient(Cache(cache_file), unreachable)
    app = create_app(offline, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = main_screen(app).timeline
        await wait_until(pilot, lambda: timeline.selected_status is not None
                         and timeline.selected_status.id == reading.id)
    offline.close()
