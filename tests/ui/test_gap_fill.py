"""What the cache painted and what the server has now meet without a hole between them."""

from __future__ import annotations

from pathlib import Path

from tests.ui.cached import Gate, cached_client, record_requests
from tests.ui.conftest import SIZE, main_screen, settle
from tests.ui.test_cached_start import _first_run
from tootui.client.api import MastodonClient
from tootui.client.pager import TimelinePager
from tootui.demo.server import DemoServer
from tootui.ui.app import create_app


def _everything(client: MastodonClient) -> list[str]:
    pager = TimelinePager(client, limit=40)
    seen = pager.first()
    while pager.has_older:
        seen += pager.older()
    return [s.id for s in seen]


async def test_posts_written_while_away_fill_the_gap_above_the_cached_ones(
        tmp_path: Path, demo_server: DemoServer, server_view: MastodonClient) -> None:
    cache_file = tmp_path / "cache.sqlite3"
    before = await _first_run(cache_file, demo_server)
    # More than a page: the first page alone would not reach the cached posts.
    for n in range(45):
        server_view.post_status(f"while tootui was closed {n}")
    everything = _everything(server_view)
    assert len(everything) == 54
    requests = record_requests(demo_server)
    gate = Gate(demo_server, demo_server.create_token())
    client = cached_client(cache_file, gate)
    app = create_app(client, account_label="demo@demo.invalid")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        timeline = main_screen(app).timeline
        assert [s.id for s in timeline.statuses] == before
        gate.opened.set()
        await settle(pilot)
        assert [s.id for s in timeline.statuses] == everything
        # The first page and one older; the live stream, once connected, may add its
        # own catch-up (`min_id`), which is not part of filling the gap.
        assert requests.count("/api/v1/timelines/home") in (2, 3)
        assert client.cache.segments("home")[0].count == 54  # one run, no gap left
    client.close()
