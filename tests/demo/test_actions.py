"""Favourite, boost and bookmark, their undo, and what they change."""

from __future__ import annotations

from tests.demo.api import api_for
from tootui.demo.server import DemoServer


def test_favourite_and_undo(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    target = api.home()[3]
    faved = api.post(f"/api/v1/statuses/{target['id']}/favourite").json()
    assert faved["id"] == target["id"]
    assert faved["favourited"] is True and faved["favourites_count"] == 1
    assert api.get(f"/api/v1/statuses/{target['id']}").json()["favourited"] is True
    again = api.post(f"/api/v1/statuses/{target['id']}/favourite").json()
    assert again["favourites_count"] == 1
    undone = api.post(f"/api/v1/statuses/{target['id']}/unfavourite").json()
    assert undone["favourited"] is False and undone["favourites_count"] == 0


def test_reblog_returns_the_wrapper(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    target = api.home()[4]
    wrapper = api.post(f"/api/v1/statuses/{target['id']}/reblog").json()
    assert wrapper["id"] != target["id"]
    assert wrapper["content"] == "" and wrapper["language"] is None
    assert wrapper["uri"].endswith("/activity")
    assert wrapper["reblogged"] is True and wrapper["account"]["username"] == "demo"
    assert wrapper["reblog"]["id"] == target["id"]
    assert wrapper["reblog"]["reblogs_count"] == 1 and wrapper["reblog"]["reblogged"] is True
    home = api.home()
    assert home[0]["id"] == wrapper["id"]
    undone = api.post(f"/api/v1/statuses/{target['id']}/unreblog").json()
    assert undone["id"] == target["id"]
    assert undone["reblogged"] is False and undone["reblogs_count"] == 0
    assert api.get(f"/api/v1/statuses/{wrapper['id']}").status_code == 404


def test_bookmark_and_bookmarks_list(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    target = api.home()[1]
    assert api.post(f"/api/v1/statuses/{target['id']}/bookmark").json()["bookmarked"] is True
    assert [s["id"] for s in api.get("/api/v1/bookmarks").json()] == [target["id"]]
    assert api.post(f"/api/v1/statuses/{target['id']}/unbookmark").json()["bookmarked"] is False
    assert api.get("/api/v1/bookmarks").json() == []


def test_actions_notify_the_author(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    mine = api.post("/api/v1/statuses", data={"status": "notice me"}).json()
    juzi = api.__class__(demo_server, demo_server.create_token("juzi"))
    juzi.post(f"/api/v1/statuses/{mine['id']}/favourite")
    juzi.post(f"/api/v1/statuses/{mine['id']}/reblog")
    juzi.post("/api/v1/statuses", data={"status": "@demo hi", "in_reply_to_id": mine["id"]})
    notes = api.get("/api/v1/notifications").json()
    assert [n["type"] for n in notes] == ["mention", "reblog", "favourite"]
    assert all(n["account"]["username"] == "juzi" for n in notes)
    only = api.get("/api/v1/notifications", params={"types[]": "favourite"}).json()
    assert [n["type"] for n in only] == ["favourite"]
    assert notes[2]["status"]["id"] == mine["id"]


def test_unknown_status_is_404(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    for path in ("/api/v1/statuses/1", "/api/v1/statuses/nope", "/api/v1/statuses/1/context"):
        response = api.get(path)
        assert response.status_code == 404
        assert response.json() == {"error": "Record not found"}
    assert api.post("/api/v1/statuses/1/favourite").status_code == 404


def test_rate_limit_headers_everywhere(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    for response in (api.home_response(), api.get("/api/v1/statuses/1"), api.get("/nowhere")):
        assert response.headers["X-RateLimit-Limit"] == "300"
        assert int(response.headers["X-RateLimit-Remaining"]) < 300
        assert response.headers["X-RateLimit-Reset"].endswith("Z")
