"""Grouped notifications, follows and profile updates."""

from __future__ import annotations

from tests.demo.api import Api, api_for
from tootui.demo.server import DemoServer


def _others(server: DemoServer, *names: str) -> list[Api]:
    return [Api(server, server.create_token(name)) for name in names]


def test_grouped_notifications(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    mine = api.post("/api/v1/statuses", data={"status": "like me"}).json()
    juzi, lanlan, yuzu = _others(demo_server, "juzi", "lanlan", "yuzu")
    for other in (juzi, lanlan):
        other.post(f"/api/v1/statuses/{mine['id']}/favourite")
    yuzu.post("/api/v1/statuses", data={"status": "@demo hey"})
    me = mine["account"]["id"]
    for other in (juzi, lanlan):
        other.post(f"/api/v1/accounts/{me}/follow")
    grouped = api.get("/api/v2/notifications").json()
    kinds = [(g["type"], g["notifications_count"]) for g in grouped["notification_groups"]]
    assert kinds == [("follow", 2), ("mention", 1), ("favourite", 2)]
    favourites = grouped["notification_groups"][2]
    assert favourites["group_key"].startswith(f"favourite-{mine['id']}-")
    assert favourites["status_id"] == mine["id"]
    assert isinstance(favourites["most_recent_notification_id"], int)
    assert {a["acct"] for a in grouped["accounts"]} == {"juzi", "lanlan", "yuzu"}
    assert mine["id"] in {s["id"] for s in grouped["statuses"]}
    v1 = api.get("/api/v1/notifications").json()
    assert len(v1) == 5 and v1[-1]["group_key"] == favourites["group_key"]
    assert api.get("/api/v2/notifications/unread_count").json() == {"count": 3}
    dismissed = api.post(f"/api/v2/notifications/{favourites['group_key']}/dismiss")
    assert dismissed.json() == {}
    assert len(api.get("/api/v2/notifications").json()["notification_groups"]) == 2
    only = api.get("/api/v1/notifications", params={"exclude_types[]": ["follow"]}).json()
    assert [n["type"] for n in only] == ["mention"]
    assert api.post("/api/v1/notifications/clear").json() == {}
    assert api.get("/api/v1/notifications").json() == []


def test_follow_unfollow_and_relationships(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    juzi = api.get("/api/v1/accounts/lookup", params={"acct": "juzi"}).json()
    followers_before = juzi["followers_count"]
    gone = api.post(f"/api/v1/accounts/{juzi['id']}/unfollow").json()
    assert gone["following"] is False
    assert (
        api.get(f"/api/v1/accounts/{juzi['id']}").json()["followers_count"] == followers_before - 1
    )
    assert all(s["account"]["acct"] != "juzi" for s in api.home())
    back = api.post(f"/api/v1/accounts/{juzi['id']}/follow").json()
    assert back["following"] is True and back["id"] == juzi["id"]
    followers = api.get(f"/api/v1/accounts/{juzi['id']}/followers").json()
    assert [a["acct"] for a in followers] == ["demo"]
    assert api.get("/api/v1/accounts/lookup", params={"acct": "nobody"}).status_code == 404


def test_update_credentials(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    updated = api.session.patch(
        f"{demo_server.url}/api/v1/accounts/update_credentials",
        data={"display_name": "演示", "note": "hello <world>"},
        timeout=10,
    ).json()
    assert updated["display_name"] == "演示"
    assert updated["note"] == "<p>hello &lt;world&gt;</p>"
    assert updated["source"]["note"] == "hello <world>"
    too_long = api.session.patch(
        f"{demo_server.url}/api/v1/accounts/update_credentials",
        data={"display_name": "x" * 41},
        timeout=10,
    )
    assert too_long.status_code == 422


def test_mute_and_block_silence_an_account(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    (juzi,) = _others(demo_server, "juzi")
    juzi_id = juzi.get("/api/v1/accounts/verify_credentials").json()["id"]
    muted = api.post(f"/api/v1/accounts/{juzi_id}/mute").json()
    assert muted["muting"] is True and muted["following"] is True
    assert all(s["account"]["acct"] != "juzi" for s in api.home())
    mine = api.post("/api/v1/statuses", data={"status": "quiet"}).json()
    juzi.post(f"/api/v1/statuses/{mine['id']}/favourite")
    assert api.get("/api/v1/notifications").json() == []
    assert [a["acct"] for a in api.get("/api/v1/mutes").json()] == ["juzi"]
    api.post(f"/api/v1/accounts/{juzi_id}/unmute")
    assert any(s["account"]["acct"] == "juzi" for s in api.home())
    blocked = api.post(f"/api/v1/accounts/{juzi_id}/block").json()
    assert blocked["blocking"] is True and blocked["following"] is False
    assert juzi.get(f"/api/v1/accounts/relationships?id[]={mine['account']['id']}").json()[0][
        "blocked_by"
    ]
    assert all(s["account"]["acct"] != "juzi" for s in api.home())
    assert [a["acct"] for a in api.get("/api/v1/blocks").json()] == ["juzi"]


def test_single_group_and_its_accounts(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    mine = api.post("/api/v1/statuses", data={"status": "boost me"}).json()
    for other in _others(demo_server, "juzi", "lanlan"):
        other.post(f"/api/v1/statuses/{mine['id']}/reblog")
    (group,) = api.get("/api/v2/notifications").json()["notification_groups"]
    single = api.get(f"/api/v2/notifications/{group['group_key']}").json()
    assert single["notification_groups"][0]["notifications_count"] == 2
    accounts = api.get(f"/api/v2/notifications/{group['group_key']}/accounts").json()
    assert [a["acct"] for a in accounts] == ["lanlan", "juzi"]
    assert api.get("/api/v2/notifications/nope-1").status_code == 404
    assert api.get("/api/v2/notifications/policy").json()["for_bots"] == "accept"
