"""Scheduled statuses and the stand-in translation."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta

import requests

from tests.demo.api import api_for
from tootui.demo.server import DemoServer


def _later(minutes: int) -> str:
    return (datetime.now(UTC) + timedelta(minutes=minutes)).isoformat()


def _make_due(server: DemoServer, scheduled_id: str) -> None:
    with sqlite3.connect(server.db_path) as db:
        db.execute("UPDATE scheduled_statuses SET scheduled_ms=0 WHERE id=?", (int(scheduled_id),))


def test_schedule_list_update_cancel(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    too_soon = api.post("/api/v1/statuses", data={"status": "x", "scheduled_at": _later(1)})
    assert too_soon.status_code == 422
    made = api.post("/api/v1/statuses", data={"status": "later", "scheduled_at": _later(60)})
    scheduled = made.json()
    assert scheduled["params"]["text"] == "later" and scheduled["scheduled_at"].endswith("Z")
    assert [s["id"] for s in api.get("/api/v1/scheduled_statuses").json()] == [scheduled["id"]]
    moved = api.session.put(
        f"{demo_server.url}/api/v1/scheduled_statuses/{scheduled['id']}",
        data={"scheduled_at": _later(120)},
        timeout=10,
    ).json()
    assert moved["scheduled_at"] > scheduled["scheduled_at"]
    assert api.delete(f"/api/v1/scheduled_statuses/{scheduled['id']}").json() == {}
    assert api.get("/api/v1/scheduled_statuses").json() == []
    assert all(s["content"] != "<p>later</p>" for s in api.home())


def test_due_status_is_published(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    scheduled = api.post(
        "/api/v1/statuses", data={"status": "now it's time", "scheduled_at": _later(30)}
    ).json()
    _make_due(demo_server, scheduled["id"])
    assert api.home()[0]["content"] == "<p>now it&#39;s time</p>"
    assert api.get("/api/v1/scheduled_statuses").json() == []


def test_ticker_publishes_to_open_streams(demo_server: DemoServer) -> None:
    token = demo_server.create_token()
    api = api_for(demo_server)
    scheduled = api.post(
        "/api/v1/statuses", data={"status": "from the ticker", "scheduled_at": _later(30)}
    ).json()
    with requests.get(
        f"{demo_server.url}/api/v1/streaming/user",
        headers={"Authorization": f"Bearer {token}"},
        stream=True,
        timeout=10,
    ) as response:
        lines = response.iter_lines(chunk_size=1, decode_unicode=True)
        assert next(lines) == ":)"
        _make_due(demo_server, scheduled["id"])
        data = next(line for line in lines if isinstance(line, str) and line.startswith("data: "))
    assert json.loads(data[6:])["content"] == "<p>from the ticker</p>"


def test_translation_is_a_labelled_stand_in(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    assert api.get("/api/v2/instance").json()["configuration"]["translation"]["enabled"] is True
    post = api.home()[2]
    translated = api.post(f"/api/v1/statuses/{post['id']}/translate", data={"lang": "en"}).json()
    assert translated["detected_source_language"] == "zh"
    assert "not a real translation" in translated["provider"]
    assert translated["content"].startswith("<p>[zh→en] 天呐")
    assert translated["media_attachments"][0]["description"] == "[zh→en] 使用例图cr logo"
    same = api.post(f"/api/v1/statuses/{post['id']}/translate", data={"lang": "zh"})
    assert same.status_code == 403
    languages = api.get("/api/v1/instance/translation_languages").json()
    assert "en" in languages["zh"]
