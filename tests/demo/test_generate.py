"""`--demo-size N`: many deterministic statuses, quickly."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.demo.api import api_for
from tootui.demo.server import DemoServer


def _texts(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as db:
        return [row[0] for row in db.execute("SELECT text FROM statuses ORDER BY id DESC")]


def test_ten_thousand_statuses_with_a_realistic_mix(tmp_path: Path) -> None:
    # How fast is benchmarks/demo_size_bench.py's business, not an assertion's.
    with DemoServer(tmp_path, size=10_000) as server:
        with sqlite3.connect(server.db_path) as db:
            total, boosts, polls, warnings, long_posts, media, links = db.execute(
                "SELECT COUNT(*), SUM(reblog_of_id IS NOT NULL), SUM(poll IS NOT NULL),"
                " SUM(spoiler_text != ''), SUM(LENGTH(text) > 500),"
                " (SELECT COUNT(*) FROM media), SUM(text LIKE '%https://%') FROM statuses"
            ).fetchone()
            mentions = db.execute("SELECT COUNT(DISTINCT status_id) FROM mentions").fetchone()[0]
            tagged = db.execute("SELECT COUNT(DISTINCT status_id) FROM status_tags").fetchone()[0]
            texts = [row[0] for row in db.execute("SELECT text FROM statuses")]
        home = api_for(server).home(limit=40)
        assert len(home) == 40 and home[0]["account"]["username"] == "yuzu"
    assert total == 10_009
    cjk = sum(any("\u4e00" <= ch <= "\u9fff" for ch in text) for text in texts)
    latin = sum(any("a" <= ch.lower() <= "z" for ch in text) and not any(
        "\u4e00" <= ch <= "\u9fff" for ch in text) for text in texts)
    counts = (boosts, polls, warnings, long_posts, media, links, mentions, tagged, cjk, latin)
    assert all(count > 50 for count in counts), counts


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
