"""The demo user's sample notifications: one of each kind a reader meets, grouped
as Mastodon groups them, dated over the last day, and the tab that shows them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.demo.api import api_for
from tests.ui.conftest import SIZE, main_screen, screen_text, settle
from tootui.client.api import MastodonClient
from tootui.demo import seed
from tootui.demo.entities import group_key
from tootui.demo.seed_notifications import OWN_POST, POLL_POST, seed_notifications
from tootui.demo.server import DemoServer
from tootui.demo.store import Store
from tootui.ui.app import create_app
from tootui.ui.notifications_view import NotificationsView


@pytest.fixture
def seeded(tmp_path: Path) -> Iterator[DemoServer]:
    server = DemoServer(tmp_path / "demo", sample_notifications=True).start()
    try:
        yield server
    finally:
        server.stop()


def test_one_of_each_kind_grouped_newest_first(seeded: DemoServer) -> None:
    api = api_for(seeded)
    v1 = api.get("/api/v1/notifications").json()
    assert [n["type"] for n in v1] == [
        "poll", "follow", "follow", "mention", "reblog", "favourite", "favourite"]
    times = [n["created_at"] for n in v1]
    assert times == sorted(times, reverse=True)
    grouped = api.get("/api/v2/notifications").json()
    groups = grouped["notification_groups"]
    assert [(g["type"], g["notifications_count"]) for g in groups] == [
        ("poll", 1), ("follow", 2), ("mention", 1), ("reblog", 1), ("favourite", 2)]
    statuses = {s["id"]: s for s in grouped["statuses"]}
    poll = statuses[groups[0]["status_id"]]
    assert poll["account"]["username"] == "mianhua"
    assert poll["poll"]["expired"] and poll["poll"]["own_votes"] == [2]
    assert OWN_POST in statuses[groups[4]["status_id"]]["content"]
    reply = statuses[groups[2]["status_id"]]
    assert reply["in_reply_to_id"] == groups[4]["status_id"]


def test_seeded_once_and_kept(tmp_path: Path) -> None:
    with DemoServer(tmp_path / "d", sample_notifications=True) as server:
        first = api_for(server).get("/api/v1/notifications").json()
    with DemoServer(tmp_path / "d", sample_notifications=True) as server:
        again = api_for(server).get("/api/v1/notifications").json()
    assert [n["id"] for n in again] == [n["id"] for n in first]


def test_the_plain_instance_has_none(demo_server: DemoServer) -> None:
    assert api_for(demo_server).get("/api/v1/notifications").json() == []


async def test_a_fresh_demo_shows_them_in_the_tab(seeded: DemoServer) -> None:
    with MastodonClient(seeded.url, seeded.create_token()) as client:
        app = create_app(client, account_label="demo@demo.invalid")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            view = await main_screen(app).open_timeline("notifications")
            await settle(pilot)
            assert isinstance(view, NotificationsView)
            assert len(view.statuses.statuses) == 5
            text = screen_text(app)
            assert "A poll you voted in has ended" in text
            assert POLL_POST in text
            assert "阿鱼 and 1 other followed you" in text or \
                "海棠 and 1 other followed you" in text
            assert "叶知秋 mentioned you" in text


@pytest.mark.parametrize("minute", [0, 15, 45, 59])
def test_pairs_stay_one_group_at_any_minute_of_the_hour(tmp_path: Path, minute: int) -> None:
    # Mastodon groups by clock hour: pairs dated "10 minutes apart" from now used to
    # split in two when now fell late in an hour.
    store = Store(tmp_path / "demo.sqlite3")
    try:
        with store.tx() as db:
            seed.seed_sample(db, tmp_path / "media")
            hour_start = 1_796_000_000_000 // 3_600_000 * 3_600_000
            seed_notifications(db, now=hour_start + minute * 60_000 + 7_000)
            rows = db.execute("SELECT * FROM notifications"
                              " WHERE type IN ('favourite', 'follow')").fetchall()
    finally:
        store.close()
    keys: dict[str, set[str]] = {}
    for row in rows:
        keys.setdefault(row["type"], set()).add(group_key(row))
    assert {kind: len(found) for kind, found in keys.items()} == {"favourite": 1, "follow": 1}
