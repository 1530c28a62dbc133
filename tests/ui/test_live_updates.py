"""Live updates in the running app, over the demo instance's streaming API:
new posts arrive without a key press and never move the reader; edits and
deletions update in place; the stream survives ending, stalling and absence."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from tests.client.test_streaming_client import FAST
from tests.ui.cached import Gate
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.test_drafts import wait_until
from tootui.client.api import MastodonClient
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.client.streaming import StreamState
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp, create_app
from tootui.ui.status_list import StatusList


@pytest.fixture
def live_app(fast_server: DemoServer) -> Iterator[TootuiApp]:
    with MastodonClient(fast_server.url, fast_server.create_token(),
                        stream_timing=FAST) as client:
        yield create_app(client, account_label="demo@demo.invalid")


@pytest.fixture
def juzi(fast_server: DemoServer) -> Iterator[MastodonClient]:
    """Another account, one the demo user follows."""
    with MastodonClient(fast_server.url, fast_server.create_token("juzi")) as client:
        yield client


_SCROLLBAR = str.maketrans({c: " " for c in "▁▂▃▄▅▆▇█▔"})


def _pane_lines(app: TootuiApp) -> list[str]:
    """The screen below the timeline's title row, without the scrollbar (which does
    move: the list got longer above): what the reader is looking at."""
    below_title = main_screen(app).timeline.region.y + 1
    return [line.translate(_SCROLLBAR) for line in screen_text(app).splitlines()[below_title:]]


async def _live(pilot: Pilot[Any]) -> StatusList:
    await settle(pilot)
    screen = main_screen(pilot.app)  # type: ignore[arg-type]
    await wait_until(pilot, lambda: screen.home_view.live.state is StreamState.LIVE)
    assert "live" in str(screen.timeline.border_title)
    return screen.timeline


async def test_a_new_post_arrives_above_the_reader_without_moving_them(
        live_app: TootuiApp, juzi: MastodonClient) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        timeline = await _live(pilot)
        await pilot.press("j", "j")
        reading = timeline.selected_status
        assert reading is not None
        row, seen = timeline.selected_row, _pane_lines(live_app)
        posted = juzi.post_status("刚刚发的：a post that arrives live")
        await wait_until(pilot, lambda: timeline.statuses[0].id == posted.id)  # no key pressed
        await pilot.pause()
        assert timeline.selected_status == reading and timeline.selected_row == row
        assert _pane_lines(live_app) == seen  # not one line moved
        assert "1 new" in str(timeline.border_title)
        await pilot.press("k", "k")  # up past what was above, then onto the new post
        assert "new" in str(timeline.border_title)
        await pilot.press("k")
        assert timeline.selected_status is not None
        assert timeline.selected_status.id == posted.id
        assert "new" not in str(timeline.border_title)
        assert "a post that arrives live" in screen_text(live_app)


async def test_a_burst_is_counted_and_the_reader_stays(
        live_app: TootuiApp, juzi: MastodonClient) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        timeline = await _live(pilot)
        await pilot.press("j")
        reading, row = timeline.selected_status, timeline.selected_row
        posted = [juzi.post_status(f"burst {n}") for n in range(5)]
        await wait_until(pilot, lambda: "5 new" in str(timeline.border_title))
        assert [s.id for s in timeline.statuses[:5]] == [p.id for p in reversed(posted)]
        assert timeline.selected_status == reading and timeline.selected_row == row


async def test_edits_and_deletions_update_in_place(
        live_app: TootuiApp, juzi: MastodonClient) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        timeline = await _live(pilot)
        posted = juzi.post_status("first words")
        await wait_until(pilot, lambda: timeline.statuses[0].id == posted.id)
        await pilot.press("j")
        reading, row = timeline.selected_status, timeline.selected_row
        assert reading is not None and reading.id != posted.id
        # An edit that makes the post above the reader longer still moves nothing.
        juzi.edit_status(posted.id, "second words\n\nand\n\nmany\n\nmore\n\nlines")
        await wait_until(pilot, lambda: "second words" in " ".join(timeline.lines_of(0)))
        assert timeline.selected_status is not None
        assert timeline.selected_status.id == reading.id and timeline.selected_row == row
        assert timeline.statuses[0].edited_at is not None
        juzi.delete_status(posted.id)
        await wait_until(pilot, lambda: posted.id not in [s.id for s in timeline.statuses])
        assert timeline.selected_status is not None
        assert timeline.selected_status.id == reading.id and timeline.selected_row == row
        assert "second words" not in screen_text(live_app)


async def test_an_ended_stream_reconnects_and_later_posts_still_arrive(
        fast_server: DemoServer, live_app: TootuiApp, juzi: MastodonClient) -> None:
    fast_server.faults.add("/api/v1/streaming", status=0, end_stream=True, count=2)
    async with live_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(live_app)
        await wait_until(pilot, lambda: screen.home_view.live._stream is not None
                         and screen.home_view.live._stream.connections >= 3
                         and screen.home_view.live.state is StreamState.LIVE)
        posted = juzi.post_status("after the stream ended twice")
        await wait_until(pilot, lambda: screen.timeline.statuses[0].id == posted.id)
        assert str(screen.timeline.border_title).endswith("live")


async def test_a_stalled_stream_says_so_and_recovers(
        fast_server: DemoServer, juzi: MastodonClient) -> None:
    fast_server.faults.add("/api/v1/streaming", status=0, stall=True)
    # A second between the stall and the next attempt: long enough to see it said.
    timing = replace(FAST, first_retry=1.0)
    client = MastodonClient(fast_server.url, fast_server.create_token(), stream_timing=timing)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        titles: set[str] = set()

        def recovered() -> bool:
            titles.add(str(screen.timeline.border_title))
            stream = screen.home_view.live._stream
            return stream is not None and stream.connections >= 2 \
                and screen.home_view.live.state is StreamState.LIVE

        await wait_until(pilot, recovered)
        assert any("reconnecting" in title for title in titles)
        posted = juzi.post_status("after the stall")
        await wait_until(pilot, lambda: screen.timeline.statuses[0].id == posted.id)
    client.close()


async def test_without_streaming_new_posts_come_by_polling(
        fast_server: DemoServer, live_app: TootuiApp, juzi: MastodonClient) -> None:
    fast_server.faults.add("/api/v1/streaming", status=404, count=None)
    async with live_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(live_app)
        await wait_until(pilot, lambda: "polling" in str(screen.timeline.border_title))
        await pilot.press("j")
        reading, row = screen.timeline.selected_status, screen.timeline.selected_row
        posted = juzi.post_status("found by polling")
        await wait_until(pilot, lambda: screen.timeline.statuses[0].id == posted.id)
        assert screen.timeline.selected_status == reading
        assert screen.timeline.selected_row == row
        assert "1 new · polling" in str(screen.timeline.border_title)


async def test_own_post_is_shown_once(app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        await wait_until(pilot, lambda: screen.home_view.live.state is StreamState.LIVE)
        await pilot.press("c", *"mine, once", "ctrl+s")
        await settle(pilot)
        await wait_until(pilot, lambda: "mine, once" in " ".join(screen.timeline.lines_of(0)))
        mine = screen.timeline.statuses[0].id
        live = screen.home_view.live
        # The stream's copy of it has come and been handled.
        await wait_until(pilot, lambda: live._stream is not None and live._stream._since == mine
                         and not live._inbox and not live._pending)
        ids = [s.id for s in screen.timeline.statuses]
        assert len(ids) == len(set(ids)) == 10


async def test_through_the_cache_what_arrives_is_kept(
        tmp_path: Path, fast_server: DemoServer, juzi: MastodonClient) -> None:
    gate = Gate(fast_server, fast_server.create_token(), open_=True)
    client = CachedClient(Cache(tmp_path / "cache.sqlite3"), gate.connect, stream_timing=FAST)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        timeline = await _live(pilot)
        posted = juzi.post_status("kept for next time")
        await wait_until(pilot, lambda: timeline.statuses[0].id == posted.id)
        juzi.edit_status(posted.id, "kept, and edited")

        def kept_edited() -> bool:
            kept = client.cache.status(posted.id)
            return kept is not None and "edited" in kept.content_html

        await wait_until(pilot, kept_edited)
        await wait_until(pilot, lambda: "kept, and edited" in " ".join(timeline.lines_of(0)))
    client.close()


@pytest.mark.parametrize("name", ["tag:NeoDB", "local", "federated"])
async def test_other_tabs_are_live_too(
        live_app: TootuiApp, juzi: MastodonClient, name: str) -> None:
    async with live_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = await main_screen(live_app).open_timeline(name)
        await settle(pilot)
        live = view.live
        assert live is not None
        await wait_until(pilot, lambda: live.state is StreamState.LIVE)
        assert "live" in str(view.statuses.border_title)
        posted = juzi.post_status("刚标记了一本书 #NeoDB", visibility="public")
        await wait_until(pilot, lambda: bool(view.statuses.statuses)
                         and view.statuses.statuses[0].id == posted.id)
        await pilot.press("home")  # above the reader, where a full tab keeps it
        await pilot.pause()
        assert "刚标记了一本书" in screen_text(live_app)
