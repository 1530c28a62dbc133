"""Start from the cache: the last timeline and threads paint before any request."""

from __future__ import annotations

from pathlib import Path

from tests.ui.cached import Gate, cached_client, record_requests
from tests.ui.conftest import SIZE, error_notes, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.client.errors import NetworkError
from tootui.demo.server import DemoServer
from tootui.ui.app import create_app


async def _first_run(cache_file: Path, demo_server: DemoServer, *,
                     open_thread: bool = False) -> list[str]:
    """Run the app once with the network, as the user's previous session."""
    client = cached_client(cache_file, Gate(demo_server, demo_server.create_token(),
                                            open_=True))
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = [s.id for s in main_screen(app).timeline.statuses]
        if open_thread:
            await pilot.press("enter")
            await settle(pilot)
    client.close()
    return shown


async def test_warm_start_paints_the_cached_timeline_before_any_request(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)
    assert len(before) == 9
    posted = server_view.post_status("written while tootui was closed")
    requests = record_requests(demo_server)
    gate = Gate(demo_server, demo_server.create_token())
    client = cached_client(cache_file, gate)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timeline = main_screen(app).timeline
        assert [s.id for s in timeline.statuses] == before
        assert "打工打魔怔了" in screen_text(app)
        assert requests == []  # painted from the disk alone
        # The stored rendering was used: nothing had to be rendered again.
        assert client.prerendered(timeline.statuses[0]) is not None
        await pilot.press("j")
        assert timeline.selected == 1
        gate.opened.set()
        await settle(pilot)
        # The refresh brought the new post and kept the reader where they were.
        assert [s.id for s in timeline.statuses] == [posted.id, *before]
        assert timeline.selected == 2
        assert "written while tootui was closed" in screen_text(app)
        assert any(path.startswith("/api/v1/timelines/home") for path in requests)
    client.close()


async def test_a_thread_read_before_shows_at_once_then_is_revalidated(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    await _first_run(cache_file, demo_server, open_thread=True)
    gate = Gate(demo_server, demo_server.create_token())
    client = cached_client(cache_file, gate)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = main_screen(app)
        post1 = screen.timeline.statuses[0]
        await pilot.press("enter")
        await pilot.pause()
        assert [s.account.acct for s in screen.thread.statuses] == ["lanlan", "yuzu"]
        reply = server_view.post_status("a late reply", in_reply_to_id=post1.id)
        gate.opened.set()
        await settle(pilot)
        assert [s.id for s in screen.thread.statuses][-1] == reply.id
    client.close()


async def test_with_the_server_unreachable_the_cache_stays_on_screen(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)

    def unreachable() -> MastodonClient:
        raise NetworkError("connection refused")

    from tootui.client.cache import Cache
    from tootui.client.cached import CachedClient

    client = CachedClient(Cache(cache_file), unreachable)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [s.id for s in main_screen(app).timeline.statuses] == before
        [note] = error_notes(app)
        assert "connection refused" in note and "\n" not in note
        assert "Traceback" not in screen_text(app)
    client.close()


FIRST_PAINT = """
import asyncio, sys
from pathlib import Path
from tootui.client.cache import Cache
from tootui.client.cached import CachedClient
from tootui.client.errors import NetworkError
from tootui.ui.app import create_app

HEAVY = ("mastodon", "requests", "urllib3", "keyring", "starlette", "uvicorn",
         "tootui.client.api", "tootui.demo.server", "PIL", "textual_image")

calls = []

def connect():
    # The first request: by now the cached timeline must be on screen, and
    # nothing of the network stack loaded. Other workers retry later; only the
    # first attempt is the moment that matters.
    calls.append(1)
    if len(calls) > 1:
        raise NetworkError("offline for this test")
    screen = app.main_screen
    print(len(screen.timeline.statuses), screen.timeline.measured_count > 0,
          ",".join(m for m in HEAVY if m in sys.modules) or "-", flush=True)
    raise NetworkError("offline for this test")

client = CachedClient(Cache(Path(sys.argv[1])), connect)
app = create_app(client, account_label="x")

async def main() -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        app.exit()

asyncio.run(main())
"""


async def test_the_first_paint_imports_no_network_stack(
        tmp_path: Path, demo_server: DemoServer) -> None:
    import subprocess
    import sys

    cache_file = tmp_path / "cache.sqlite3"
    await _first_run(cache_file, demo_server)
    result = subprocess.run([sys.executable, "-c", FIRST_PAINT, str(cache_file)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["9", "True", "-"]


async def test_a_start_reopens_the_timeline_last_shown(
        tmp_path: Path, demo_server: DemoServer) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    client = cached_client(cache_file, Gate(demo_server, demo_server.create_token(),
                                            open_=True))
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await main_screen(app).open_timeline("tag:NeoDB")  # as `g` does
        await settle(pilot)
        tagged = [s.id for s in main_screen(app).timeline.statuses]
        assert tagged
    client.close()
    requests = record_requests(demo_server)
    gate = Gate(demo_server, demo_server.create_token())
    client = cached_client(cache_file, gate)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        screen = main_screen(app)
        # The hashtag's tab is open and on show, painted from the disk alone.
        assert screen.current_view.timeline_name == "tag:NeoDB"
        assert [s.id for s in screen.timeline.statuses] == tagged
        assert requests == []
        assert "#NeoDB" in screen_text(app)
        gate.opened.set()
        await settle(pilot)
    client.close()
