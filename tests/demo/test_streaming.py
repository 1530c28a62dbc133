"""Streaming over Server-Sent Events, framed as Mastodon frames it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import requests

from tests.demo.api import Api, api_for
from tootui.demo.server import DemoServer


def _events(response: requests.Response) -> Iterator[tuple[str, str]]:
    """(event, data) pairs; comment lines (`:)`, heartbeats) come as ("", line)."""
    event = ""
    for raw in response.iter_lines(chunk_size=1, decode_unicode=True):
        line = raw if isinstance(raw, str) else (raw or b"").decode()
        if line.startswith(":"):
            yield "", line
        elif line.startswith("event: "):
            event = line[7:]
        elif line.startswith("data: "):
            yield event, line[6:]


def _open(server: DemoServer, token: str, path: str, **params: str) -> requests.Response:
    response = requests.get(
        f"{server.url}/api/v1/streaming/{path}",
        headers={"Authorization": f"Bearer {token}"},
        params=params,
        stream=True,
        timeout=10,
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    return response


def test_user_stream_gets_updates_notifications_and_deletes(demo_server: DemoServer) -> None:
    token = demo_server.create_token()
    api = Api(demo_server, token)
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    with _open(demo_server, token, "user") as response:
        events = _events(response)
        assert next(events) == ("", ":)")
        posted = juzi.post("/api/v1/statuses", data={"status": "@demo 看这里"}).json()
        kind, data = next(events)
        assert kind == "update"
        update = json.loads(data)
        assert update["id"] == posted["id"]
        assert list(update)[-1] == "filtered"  # viewer fields moved to the end
        kind, data = next(events)
        assert kind == "notification" and json.loads(data)["type"] == "mention"
        juzi.delete(f"/api/v1/statuses/{posted['id']}")
        assert next(events) == ("delete", posted["id"])
    assert api.get("/api/v1/notifications").json() == []


def test_hashtag_and_public_streams_filter(demo_server: DemoServer) -> None:
    token = demo_server.create_token()
    api = Api(demo_server, token)
    with _open(demo_server, token, "hashtag", tag="tootui") as response:
        events = _events(response)
        assert next(events) == ("", ":)")
        api.post("/api/v1/statuses", data={"status": "no tag here"})
        tagged = api.post("/api/v1/statuses", data={"status": "hello #TootUI"}).json()
        kind, data = next(events)
        assert kind == "update" and json.loads(data)["id"] == tagged["id"]


def test_stream_needs_a_token_and_a_known_channel(demo_server: DemoServer) -> None:
    url = f"{demo_server.url}/api/v1/streaming"
    assert requests.get(f"{url}/user", timeout=10).status_code == 401
    token = api_for(demo_server).session.headers["Authorization"]
    unknown = requests.get(f"{url}/nonsense", headers={"Authorization": token}, timeout=10)
    assert unknown.status_code == 400 and unknown.json() == {"error": "Unknown channel requested"}
    health = requests.get(f"{url}/health", timeout=10)
    assert health.text == "OK"


def test_stopping_the_server_ends_open_streams(tmp_path: Path) -> None:
    server = DemoServer(tmp_path).start()
    response = _open(server, server.create_token(), "public")
    events = _events(response)
    assert next(events) == ("", ":)")
    server.stop()
    assert list(events) == []
