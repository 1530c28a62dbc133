"""The spinner: beside what is pending (a refresh, a thread, the outbox) while the
server is slow, keys answered meanwhile, and gone (its timer too) once it is done."""

from __future__ import annotations

from pathlib import Path

from tests.ui.cached import Gate, cached_client
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tests.ui.test_cached_start import _first_run
from tests.ui.test_drafts import wait_until
from tests.ui.test_outbox import _app, _box
from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.ui.app import TootuiApp, create_app
from tootui.ui.spinner import FRAMES


def _spinning(title: object, words: str) -> str | None:
    """The spinner's frame if `title` shows it before `words`, else None."""
    text = str(title or "")
    for frame in FRAMES:
        if f"{frame} {words}" in text:
            return frame
    return None


def _meta_lines(app: TootuiApp, word: str) -> int:
    """Count lines on screen with a post's counts (★) and `word`."""
    return sum(1 for line in screen_text(app).splitlines() if "★" in line and word in line)


def _no_spinner(app: TootuiApp) -> bool:
    return not any(frame in screen_text(app) for frame in FRAMES)


async def test_a_slow_refresh_spins_in_the_title_and_keys_are_answered(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    await _first_run(cache_file, demo_server)
    # "Slow" is a parameter of the fault: 1.5 s for the timeline here.
    demo_server.faults.add("/api/v1/timelines/home", status=0, delay=1.5)
    client = cached_client(cache_file, Gate(demo_server, demo_server.create_token(),
                                            open_=True))
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        screen = main_screen(app)
        title = lambda: screen.home.border_title  # noqa: E731
        await wait_until(pilot, lambda: _spinning(title(), "refreshing…") is not None)
        first = _spinning(title(), "refreshing…")
        assert any(f"{first} refreshing…" in line for line in screen_text(app).splitlines())
        # It moves: another frame while the same request is still pending.
        await wait_until(pilot, lambda: _spinning(title(), "refreshing…") not in (None, first))
        await pilot.press("j")
        assert screen.timeline.selected == 1  # answered while the request is held
        assert screen.spinner.running
        await wait_until(pilot, lambda: "refreshing" not in str(title()))
        await settle(pilot)
        assert not screen.spinner.running  # idle: no timer left
        assert _no_spinner(app)
    client.close()


async def test_a_slow_thread_spins_in_the_thread_pane(
        demo_server: DemoServer, app: TootuiApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        focus = screen.timeline.statuses[0].original
        demo_server.faults.add(f"/api/v1/statuses/{focus.id}/context", status=0, delay=1.5)
        await pilot.press("enter")
        await wait_until(pilot, lambda: _spinning(screen.thread.border_title, "loading…")
                         is not None)
        active = screen.active_list
        await pilot.press("j")
        assert active.selected == 1
        await wait_until(pilot, lambda: "loading" not in str(screen.thread.border_title))
        await settle(pilot)
        assert str(screen.thread.border_title) == "Thread"
        assert not screen.spinner.running and _no_spinner(app)


async def test_a_slow_delivery_spins_beside_the_outbox_line(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    box = _box(tmp_path)
    app, client = _app(demo_server, box)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = main_screen(app)
        target = screen.timeline.statuses[0].original
        path = f"/api/v1/statuses/{target.id}/favourite"
        # Refused once (queued), then answered slowly when the outbox retries.
        demo_server.faults.add(path, status=500, count=1)
        demo_server.faults.add(path, status=0, delay=1.5, count=1)
        await pilot.press("f")
        line = lambda: str(screen.home.border_subtitle)  # noqa: E731
        await wait_until(pilot, lambda: "waiting to be sent" in line()
                         and _spinning(line(), "sending…") is not None)
        # The post itself says its favourite waits, and only that post.
        assert _meta_lines(app, "queued") == 1
        await pilot.press("j")
        assert screen.timeline.selected == 1
        # A tab opened meanwhile knows it too.
        profile = await screen.open_timeline(f"account:{target.account.id}")
        assert profile.statuses.queued == {target.id}
        screen.show_tab("home")
        await wait_until(pilot, lambda: line() == "")
        await settle(pilot)
        assert server_view.status(target.id).favourited
        assert not screen.spinner.running and _no_spinner(app)
        assert _meta_lines(app, "queued") == 0
    client.close()
