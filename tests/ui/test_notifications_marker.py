"""The notifications read position lives in the server's `notifications` marker:
the newest notification seen, saved as the reader goes (forward only) and on
quit; what is newer than it when the tab opens is marked new."""

from __future__ import annotations

from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.test_drafts import wait_until
from tests.ui.test_notifications_tab import _make_notifications
from tests.ui.timelines import as_user
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp
from tootui.ui.notifications_view import NEW_MARK, NotificationsView


def _marker(server_view: MastodonClient) -> str | None:
    return server_view.markers(["notifications"]).get("notifications")


def _newest_ids(server_view: MastodonClient) -> list[str]:
    """The newest notification of each group, newest group first, as the server has them."""
    return [n.newest_id or n.id for n in server_view.notifications().items]


async def _open(app: TootuiApp) -> NotificationsView:
    view = await main_screen(app).open_timeline("notifications")
    assert isinstance(view, NotificationsView)
    return view


async def test_reading_saves_the_newest_notification_seen_and_never_goes_back(
        demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient) -> None:
    _make_notifications(demo_server, server_view)
    newest = _newest_ids(server_view)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open(app)
        await settle(pilot)
        # The top row is on screen, selected: seen. Saved once the reader pauses.
        await wait_until(pilot, lambda: _marker(server_view) == newest[0])
        await pilot.press("j", "j")  # older ones: the marker stays where it was
        assert view.position is not None and view.position._timer is None
        mention = as_user(demo_server, "ayu").post_status("@demo 新的提及")
        await pilot.press("full_stop")
        await settle(pilot)
        assert view.statuses.statuses[0].original.id == mention.id
        await pilot.press("k", "k", "k")
        latest = _newest_ids(server_view)[0]
        await wait_until(pilot, lambda: _marker(server_view) == latest)
        assert latest != newest[0]


async def test_quitting_saves_the_marker(
        demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient) -> None:
    _make_notifications(demo_server, server_view)
    newest = _newest_ids(server_view)[0]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open(app)
        await settle(pilot)
        await wait_until(pilot, lambda: view.marker_known)
        assert _marker(server_view) is None  # not yet: the reader just got here
        await pilot.press("q")
    assert _marker(server_view) == newest


async def test_what_came_since_the_last_read_is_marked(
        demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient) -> None:
    _make_notifications(demo_server, server_view)
    groups = _newest_ids(server_view)
    # Read up to the follows (in the web UI, say): the mention after them is new.
    server_view.save_markers({"notifications": groups[1]})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open(app)
        await settle(pilot)
        await wait_until(pilot, lambda: view.marker_known)
        rows = view.statuses
        assert NEW_MARK in rows.lines_of(0)[0]
        assert all(NEW_MARK not in line for i in (1, 2) for line in rows.lines_of(i))
        assert f"{NEW_MARK} +" not in screen_text(app)  # the follows: read before
        assert f"{NEW_MARK} @ 咖啡码农 mentioned you" in screen_text(app)
        # Shown, so read now: the server hears of it.
        await wait_until(pilot, lambda: _marker(server_view) == groups[0])
        assert "unread" not in str(rows.border_title)


async def test_a_marker_the_server_holds_is_never_moved_back(
        demo_server: DemoServer, app: TootuiApp, server_view: MastodonClient) -> None:
    _make_notifications(demo_server, server_view)
    newest = _newest_ids(server_view)[0]
    ahead = str(int(newest) + 1_000_000)  # read further elsewhere (a newer notification)
    server_view.save_markers({"notifications": ahead})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await _open(app)
        await settle(pilot)
        await wait_until(pilot, lambda: view.marker_known)
        await pilot.press("j", "k")
        assert NEW_MARK not in screen_text(app)
        await pilot.press("q")
    assert _marker(server_view) == ahead
