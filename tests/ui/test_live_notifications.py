"""The notifications tab live over the `user:notification` stream: a new one shows
without a key press above the reader, joins its group, is caught up after a
dropped link, and is counted on the tab while another tab is shown."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.client.test_streaming_client import FAST
from tests.ui.cached import record_requests
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.test_drafts import wait_until
from tests.ui.test_notifications_tab import Happened, _make_notifications
from tests.ui.timelines import as_user
from tootui.client.api import MastodonClient
from tootui.client.streaming import StreamState
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp, create_app
from tootui.ui.notifications_view import NotificationsView, is_account_row

_SCROLLBAR = str.maketrans({c: " " for c in "▁▂▃▄▅▆▇█▔"})


@pytest.fixture
def happened(fast_server: DemoServer) -> Happened:
    with MastodonClient(fast_server.url, fast_server.create_token()) as me:
        return _make_notifications(fast_server, me)


@pytest.fixture
def live_app(fast_server: DemoServer, happened: Happened) -> Iterator[TootuiApp]:
    with MastodonClient(fast_server.url, fast_server.create_token(),
                        stream_timing=FAST) as client:
        yield create_app(client, account_label="demo@demo.invalid")


async def _live_tab(pilot: Pilot[Any]) -> NotificationsView:
    await settle(pilot)
    screen = main_screen(pilot.app)  # type: ignore[arg-type]
    view = await screen.open_timeline("notifications")
    assert isinstance(view, NotificationsView) and view.live is not None
    live = view.live
    await settle(pilot)
    await wait_until(pilot, lambda: live.state is StreamState.LIVE and view.loaded)
    assert "live" in str(view.statuses.border_title)
    return view


def _pane_lines(app: TootuiApp, view: NotificationsView) -> list[str]:
    below_title = view.statuses.region.y + 1
    return [line.translate(_SCROLLBAR) for line in screen_text(app).splitlines()[below_title:]]


async def test_a_mention_arrives_above_the_reader_without_moving_them(
        fast_server: DemoServer, live_app: TootuiApp) -> None:
    # More than a screenful, so that the list can scroll to keep the reader still.
    for n, user in enumerate(("yuzu", "juzi", "mianhua", "haitang", "lanlan", "yezhiqiu")):
        as_user(fast_server, user).post_status(f"@demo 早上好 {n}")
    async with live_app.run_test(size=SIZE) as pilot:
        view = await _live_tab(pilot)
        rows = view.statuses
        await pilot.press("j", "j")
        reading, row = rows.selected_status, rows.selected_row
        seen = _pane_lines(live_app, view)
        mention = as_user(fast_server, "ayu").post_status("@demo 你看到了吗?live")
        await wait_until(pilot, lambda: rows.statuses[0].original.id == mention.id)
        await pilot.pause()
        assert rows.selected_status == reading and rows.selected_row == row
        assert _pane_lines(live_app, view) == seen  # not one line moved
        assert "1 new" in str(rows.border_title)
        assert len(rows.statuses) == 10
        await pilot.press("k", "k", "k")
        assert rows.selected_status is not None
        assert rows.selected_status.original.id == mention.id
        assert "阿鱼 mentioned you" in screen_text(live_app)
        assert "new ·" not in str(rows.border_title)


async def test_a_favourite_joins_its_group_without_asking_the_server_again(
        fast_server: DemoServer, live_app: TootuiApp, happened: Happened) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        view = await _live_tab(pilot)
        rows = view.statuses
        assert rows.statuses[2].original.id == happened.mine
        paths = record_requests(fast_server)
        as_user(fast_server, "ayu").favourite(happened.mine)
        await wait_until(pilot, lambda: rows.statuses[0].original.id == happened.mine)
        # The group grew and moved to the top; it is not listed twice.
        assert [r.original.id for r in rows.statuses].count(happened.mine) == 1
        assert len(rows.statuses) == 3
        assert "阿鱼 and 3 others favourited your post" in screen_text(live_app)
        assert not any("notifications" in p for p in paths), paths
        as_user(fast_server, "kafei").follow(as_user(fast_server, "demo")
                                             .verify_credentials().id)
        await wait_until(pilot, lambda: is_account_row(rows.statuses[0]))
        assert "咖啡码农 and 3 others followed you" in screen_text(live_app)
        assert len(rows.statuses) == 3


async def test_a_mention_while_the_link_was_down_is_caught_up(
        fast_server: DemoServer, live_app: TootuiApp) -> None:
    # The tab's first stream opens and then goes silent: what happens meanwhile
    # is fetched when the next one opens.
    fast_server.faults.add("/api/v1/streaming/user/notification", status=0, stall=True)
    async with live_app.run_test(size=SIZE) as pilot:
        view = await _live_tab(pilot)
        live = view.live
        assert live is not None and live._stream is not None
        assert live._stream.connections == 1
        paths = record_requests(fast_server)
        mention = as_user(fast_server, "ayu").post_status("@demo 断线的时候发的")
        await wait_until(pilot, lambda: view.statuses.statuses[0].original.id == mention.id)
        assert live._stream.connections >= 2
        assert "/api/v2/notifications" in paths  # the catch-up, grouped as the tab is
        assert [r.original.id for r in view.statuses.statuses].count(mention.id) == 1


async def test_an_empty_tab_is_caught_up_after_the_link_drops(
        fast_server: DemoServer) -> None:
    # Nothing shown, so no notification to catch up from: the next stream must
    # still fetch what came while the first one was silent.
    fast_server.faults.add("/api/v1/streaming/user/notification", status=0, stall=True)
    with MastodonClient(fast_server.url, fast_server.create_token(),
                        stream_timing=FAST) as client:
        app = create_app(client, account_label="demo@demo.invalid")
        async with app.run_test(size=SIZE) as pilot:
            view = await _live_tab(pilot)
            live = view.live
            assert live is not None and live._stream is not None
            assert view.statuses.statuses == [] and live._stream.connections == 1
            mention = as_user(fast_server, "ayu").post_status("@demo 空的时候发的")
            await wait_until(pilot, lambda: bool(view.statuses.statuses))
            assert live._stream.connections >= 2
            assert [r.original.id for r in view.statuses.statuses] == [mention.id]
            assert "阿鱼 mentioned you" in screen_text(app)


async def test_the_tab_counts_what_arrives_while_another_is_shown(
        fast_server: DemoServer, live_app: TootuiApp) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        view = await _live_tab(pilot)
        screen = main_screen(live_app)
        await wait_until(pilot, lambda: view.marker_known)
        await pilot.press("1")  # home
        assert screen.current_view is screen.home_view
        assert "2 Notifications" in screen_text(live_app)
        assert "2 Notifications (" not in screen_text(live_app)  # all read: it was shown
        as_user(fast_server, "ayu").post_status("@demo one")
        await wait_until(pilot, lambda: "2 Notifications (1)" in screen_text(live_app))
        as_user(fast_server, "mianhua").post_status("@demo two")
        await wait_until(pilot, lambda: "2 Notifications (2)" in screen_text(live_app))
        await pilot.press("2")
        await pilot.pause()
        # Shown: no badge; the two are above the reader, new and unread until read.
        text = screen_text(live_app)
        assert "2 Notifications (" not in text
        assert "2 new" in str(view.statuses.border_title)
        assert "2 unread" in str(view.statuses.border_title)
        await pilot.press("k", "k")
        assert "unread" not in str(view.statuses.border_title)


async def test_full_stop_after_a_live_arrival_counts_it_once(
        fast_server: DemoServer, live_app: TootuiApp, happened: Happened) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        view = await _live_tab(pilot)
        rows = view.statuses
        mention = as_user(fast_server, "ayu").post_status("@demo 看这里")
        as_user(fast_server, "ayu").favourite(happened.mine)
        await wait_until(pilot, lambda: "阿鱼 and 3 others favourited" in screen_text(live_app)
                         and rows.statuses[1].original.id == mention.id)
        await pilot.press("full_stop")  # the same two, from the server's grouped pages
        await settle(pilot)
        assert "阿鱼 and 3 others favourited your post" in screen_text(live_app)
        assert [r.original.id for r in rows.statuses].count(mention.id) == 1
        assert view.notification_of(rows.statuses[0]).count == 4  # type: ignore[union-attr]
        row = next(r for r in rows.statuses if r.original.id == mention.id)
        assert view.notification_of(row).count == 1  # type: ignore[union-attr]
        assert len(rows.statuses) == 4
