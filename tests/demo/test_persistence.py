"""The demo keeps what was posted from run to run; `reset` starts afresh."""

from __future__ import annotations

from pathlib import Path

from tests.demo.api import api_for
from tootui.demo.server import DemoServer


def test_posts_survive_a_restart(tmp_path: Path) -> None:
    with DemoServer(tmp_path) as server:
        api = api_for(server)
        posted = api.post("/api/v1/statuses", data={"status": "still here?"}).json()
        api.post(f"/api/v1/statuses/{posted['id']}/bookmark")
        first_ids = [s["id"] for s in api.home()]
    with DemoServer(tmp_path) as server:
        home = api_for(server).home()
        assert [s["id"] for s in home] == first_ids
        assert home[0]["content"] == "<p>still here?</p>" and home[0]["bookmarked"] is True
        # links in stored HTML follow the new port
        assert server.url in home[1]["content"]


def test_reset_starts_fresh(tmp_path: Path) -> None:
    with DemoServer(tmp_path) as server:
        api_for(server).post("/api/v1/statuses", data={"status": "gone after reset"})
    with DemoServer(tmp_path, reset=True) as server:
        home = api_for(server).home()
        assert len(home) == 9
        assert all("gone after reset" not in s["content"] for s in home)
        assert home[2]["media_attachments"][0]["url"].startswith(server.url)
