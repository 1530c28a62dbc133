"""Streaming over WebSocket, multiplexed as Mastodon does it."""

from __future__ import annotations

import json

import pytest

from tests.demo.api import Api
from tests.demo.wsclient import WsClient
from tootui.demo.server import DemoServer


def _ws_url(server: DemoServer) -> str:
    return "ws" + server.url.removeprefix("http") + "/api/v1/streaming"


def test_user_stream_with_token_in_query(demo_server: DemoServer) -> None:
    token = demo_server.create_token()
    client = WsClient(f"{_ws_url(demo_server)}?stream=user&access_token={token}")
    try:
        assert client.accepted
        juzi = Api(demo_server, demo_server.create_token("juzi"))
        posted = juzi.post("/api/v1/statuses", data={"status": "@demo ws!"}).json()
        update = client.receive_json()
        assert update["stream"] == ["user"] and update["event"] == "update"
        assert json.loads(update["payload"])["id"] == posted["id"]
        notification = client.receive_json()
        assert notification["event"] == "notification"
        assert json.loads(notification["payload"])["type"] == "mention"
    finally:
        client.close()


def test_subscribe_unsubscribe_and_errors(demo_server: DemoServer) -> None:
    token = demo_server.create_token()
    api = Api(demo_server, token)
    client = WsClient(_ws_url(demo_server), subprotocol=token)
    try:
        assert client.accepted and client.subprotocol == token
        client.send_json({"type": "subscribe", "stream": "nonsense"})
        assert client.receive_json() == {"error": "Unknown stream type", "status": 400}
        client.send_json({"type": "subscribe", "stream": "hashtag", "tag": "WS"})
        client.send_json({"type": "subscribe", "stream": "public:local"})
        # an unknown message is answered, which also tells us both subscriptions are in place
        client.send_json({"type": "ping"})
        assert client.receive_json()["status"] == 400
        posted = api.post("/api/v1/statuses", data={"status": "#ws hello"}).json()
        streams = sorted(tuple(client.receive_json()["stream"]) for _ in range(2))
        assert streams == [("hashtag", "ws"), ("public:local",)]
        client.send_json({"type": "unsubscribe", "stream": "public:local"})
        client.send_json({"type": "ping"})
        assert client.receive_json()["status"] == 400
        api.delete(f"/api/v1/statuses/{posted['id']}")
        deleted = client.receive_json()
        assert deleted == {"stream": ["hashtag", "ws"], "event": "delete", "payload": posted["id"]}
    finally:
        client.close()


def test_bad_token_is_refused(demo_server: DemoServer) -> None:
    client = WsClient(f"{_ws_url(demo_server)}?stream=user&access_token=nope")
    try:
        assert client.accepted is False
    finally:
        client.close()


def test_a_stall_fault_keeps_the_socket_open_and_silent(demo_server: DemoServer) -> None:
    demo_server.faults.add("/api/v1/streaming", status=0, stall=True)
    token = demo_server.create_token()
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    stalled = WsClient(f"{_ws_url(demo_server)}?stream=user&access_token={token}", timeout=1)
    healthy = WsClient(f"{_ws_url(demo_server)}?stream=user&access_token={token}")
    try:
        assert stalled.accepted and healthy.accepted
        posted = juzi.post("/api/v1/statuses", data={"status": "only one of you hears this"})
        update = healthy.receive_json()
        assert json.loads(update["payload"])["id"] == posted.json()["id"]
        # The healthy connection has had it: the stalled one, open, never will.
        with pytest.raises(TimeoutError):
            stalled.receive_json()
    finally:
        stalled.close()
        healthy.close()
