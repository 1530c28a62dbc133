"""Direct-message conversations."""

from __future__ import annotations

from tests.demo.api import Api, api_for
from tootui.demo.server import DemoServer


def test_direct_thread_is_one_conversation(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    first = juzi.post(
        "/api/v1/statuses", data={"status": "@demo 悄悄话", "visibility": "direct"}
    ).json()
    assert first["id"] not in [
        s["id"] for s in api_for(demo_server).get("/api/v1/timelines/public").json()
    ]
    (conversation,) = api.get("/api/v1/conversations").json()
    assert conversation["id"] == first["id"] and conversation["unread"] is True
    assert [a["acct"] for a in conversation["accounts"]] == ["juzi"]
    reply = api.post(
        "/api/v1/statuses",
        data={"status": "@juzi 收到", "visibility": "direct", "in_reply_to_id": first["id"]},
    ).json()
    (conversation,) = api.get("/api/v1/conversations").json()
    assert conversation["last_status"]["id"] == reply["id"]
    (theirs,) = juzi.get("/api/v1/conversations").json()
    assert theirs["unread"] is True
    read = juzi.post(f"/api/v1/conversations/{theirs['id']}/read").json()
    assert read["unread"] is False
    assert api.delete(f"/api/v1/conversations/{conversation['id']}").json() == {}
    assert api.get("/api/v1/conversations").json() == []
    # a third party sees none of it
    lanlan = Api(demo_server, demo_server.create_token("lanlan"))
    assert lanlan.get(f"/api/v1/statuses/{first['id']}").status_code == 404
    assert lanlan.get("/api/v1/conversations").json() == []
