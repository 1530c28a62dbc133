"""Lists and followed hashtags."""

from __future__ import annotations

from tests.demo.api import Api, api_for
from tootui.demo.server import DemoServer


def test_list_crud_members_and_timeline(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    created = api.post("/api/v1/lists", data={"title": "朋友"}).json()
    assert created == {
        "id": created["id"],
        "title": "朋友",
        "replies_policy": "list",
        "exclusive": False,
    }
    juzi = api.get("/api/v1/accounts/lookup", params={"acct": "juzi"}).json()
    added = api.post(f"/api/v1/lists/{created['id']}/accounts", data={"account_ids[]": juzi["id"]})
    assert added.status_code == 200 and added.json() == {}
    members = api.get(f"/api/v1/lists/{created['id']}/accounts").json()
    assert [m["acct"] for m in members] == ["juzi"]
    timeline = api.get(f"/api/v1/timelines/list/{created['id']}").json()
    assert [s["account"]["acct"] for s in timeline] == ["juzi"]
    renamed = api.session.put(
        f"{demo_server.url}/api/v1/lists/{created['id']}", data={"title": "家人"}, timeout=10
    ).json()
    assert renamed["title"] == "家人"
    assert [lst["title"] for lst in api.get("/api/v1/lists").json()] == ["家人"]
    api.delete(f"/api/v1/lists/{created['id']}/accounts", data={"account_ids[]": juzi["id"]})
    assert api.get(f"/api/v1/timelines/list/{created['id']}").json() == []
    assert api.delete(f"/api/v1/lists/{created['id']}").json() == {}
    assert api.get(f"/api/v1/lists/{created['id']}").status_code == 404


def test_only_followed_accounts_join_a_list(demo_server: DemoServer) -> None:
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    listed = juzi.post("/api/v1/lists", data={"title": "x"}).json()
    lanlan = juzi.get("/api/v1/accounts/lookup", params={"acct": "lanlan"}).json()
    refused = juzi.post(
        f"/api/v1/lists/{listed['id']}/accounts", data={"account_ids[]": lanlan["id"]}
    )
    assert refused.status_code == 404


def test_followed_tag_brings_posts_home(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    stranger = Api(demo_server, demo_server.create_token("juzi"))
    stranger_me = stranger.get("/api/v1/accounts/verify_credentials").json()
    api.post(f"/api/v1/accounts/{stranger_me['id']}/unfollow")
    posted = stranger.post("/api/v1/statuses", data={"status": "#Tea time"}).json()
    assert posted["id"] not in [s["id"] for s in api.home()]
    tag = api.post("/api/v1/tags/tea/follow").json()
    assert tag["name"] == "tea" and tag["following"] is True and len(tag["history"]) == 7
    assert tag["history"][0]["uses"] == "1" and isinstance(tag["history"][0]["day"], str)
    assert posted["id"] in [s["id"] for s in api.home()]
    assert [t["name"] for t in api.get("/api/v1/followed_tags").json()] == ["tea"]
    assert api.post("/api/v1/tags/tea/unfollow").json()["following"] is False
    assert api.get("/api/v1/tags/nosuchtag").status_code == 404
