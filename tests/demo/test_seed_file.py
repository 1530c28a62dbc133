"""`--demo-seed FILE`: statuses in the Mastodon API's shape, loaded once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.demo.api import api_for
from tootui.demo.seed_file import SeedFileError
from tootui.demo.server import DemoServer


def _status(n: int, username: str, acct: str) -> dict[str, object]:
    return {
        "id": str(1000 + n),
        "created_at": f"2026-08-01T13:5{n}:00.000Z",
        "content": f'<p>seeded {n} <a href="https://other.example/tags/x">#x</a></p>',
        "visibility": "public",
        "account": {
            "username": username,
            "acct": acct,
            "display_name": username.title(),
            "url": f"https://other.example/@{username}",
        },
        "media_attachments": [
            {"type": "image", "url": "https://other.example/a.png", "description": "alt"}
        ]
        if n == 1
        else [],
        "tags": [{"name": "x", "url": "https://other.example/tags/x"}],
    }


def test_seeded_statuses_reach_home(tmp_path: Path) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(
        json.dumps(
            [_status(2, "alice", "alice@other.example"), _status(1, "bob", "bob@other.example")]
        )
    )
    with DemoServer(tmp_path / "d", seed_file=seed) as server:
        api = api_for(server)
        home = api.home(limit=40)
        assert len(home) == 11
        seeded = [s for s in home if s["account"]["acct"].endswith("@other.example")]
        assert [s["account"]["acct"] for s in seeded] == [
            "alice@other.example",
            "bob@other.example",
        ]
        assert seeded[1]["media_attachments"][0]["remote_url"] == "https://other.example/a.png"
        assert seeded[0]["content"].startswith("<p>seeded 2")
        assert "application" not in seeded[0]
        assert len(api.get("/api/v1/timelines/tag/x").json()) == 2
    with DemoServer(tmp_path / "d", seed_file=seed) as server:
        assert len(api_for(server).home(limit=40)) == 11


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"not": "a list"}', "expected a JSON list"),
        ('[{"account": {"username": "a"}}]', "entry 0: field 'content'"),
        (
            '[{"content": "<p>x</p>", "account": {"username": "a"}}, {"content": "<p>y</p>"}]',
            "entry 1: field 'account'",
        ),
        (
            '[{"content": "<p>x</p>", "account": {"acct": "a"}}]',
            "entry 0: field 'account.username'",
        ),
        ("[", "not valid JSON"),
    ],
)
def test_bad_files_name_the_entry_and_field(tmp_path: Path, content: str, message: str) -> None:
    seed = tmp_path / "seed.json"
    seed.write_text(content)
    with pytest.raises(SeedFileError, match=message):
        DemoServer(tmp_path / "d", seed_file=seed).start()


REAL_STATUSES = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "statuses"


@pytest.mark.skipif(not REAL_STATUSES.is_dir(), reason="real fixtures not in this checkout")
def test_every_real_status_fixture_loads(tmp_path: Path) -> None:
    entries: list[object] = []
    for path in sorted(REAL_STATUSES.glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        entries += data if isinstance(data, list) else [data]
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(entries))
    with DemoServer(tmp_path / "d", seed_file=seed) as server:
        api = api_for(server)
        seen, url = 0, f"{server.url}/api/v1/timelines/home?limit=40"
        while page := api.session.get(url, timeout=10):
            if not page.json():
                break
            seen += len(page.json())
            url = page.links["next"]["url"]
    assert seen == len(entries) + 9
