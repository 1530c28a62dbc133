"""`--demo-size N`: many deterministic statuses, quickly."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tests.demo.api import api_for
from tootui.demo.server import DemoServer


def _texts(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT text FROM statuses ORDER BY id DESC")]


def test_ten_thousand_statuses_quickly(tmp_path: Path) -> None:
    started = time.monotonic()
    with DemoServer(tmp_path, size=10_000) as server:
        elapsed = time.monotonic() - started
        with sqlite3.connect(server.db_path) as db:
            total, boosts, polls, warnings, long_posts, media = db.execute(
                "SELECT COUNT(*), SUM(reblog_of_id IS NOT NULL), SUM(poll IS NOT NULL),"
                " SUM(spoiler_text != ''), SUM(LENGTH(text) > 500),"
                " (SELECT COUNT(*) FROM media) FROM statuses"
            ).fetchone()
        home = api_for(server).home(limit=40)
        assert len(home) == 40 and home[0]["account"]["username"] == "yuzu"
    assert elapsed < 30, elapsed
    assert total == 10_009
    assert all(count > 50 for count in (boosts, polls, warnings, long_posts, media))


def test_same_size_same_posts_and_no_duplicates_on_restart(tmp_path: Path) -> None:
    with DemoServer(tmp_path / "a", size=300):
        pass
    with DemoServer(tmp_path / "b", size=300):
        pass
    generated_a = _texts(tmp_path / "a" / "demo.sqlite3")
    assert generated_a == _texts(tmp_path / "b" / "demo.sqlite3")
    with DemoServer(tmp_path / "a", size=300):
        pass
    assert len(_texts(tmp_path / "a" / "demo.sqlite3")) == 309
    with DemoServer(tmp_path / "a", size=350):
        pass
    assert len(_texts(tmp_path / "a" / "demo.sqlite3")) == 359
