"""Posting statuses: form and JSON bodies, replies, options, idempotency, limits."""

from __future__ import annotations

import sqlite3

from tests.demo.api import api_for
from tootui.demo.server import DemoServer


def test_post_appears_on_top_of_home(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    response = api.post("/api/v1/statuses", data={"status": "你好 #Demo\nsecond line"})
    assert response.status_code == 200
    status = response.json()
    assert status["content"] == (
        f'<p>你好 <a href="{demo_server.url}/tags/Demo" class="mention hashtag" rel="tag">'
        "#<span>Demo</span></a><br>second line</p>"
    )
    assert status["tags"] == [{"name": "demo", "url": f"{demo_server.url}/tags/demo"}]
    assert status["account"]["username"] == "demo"
    assert status["application"] == {"name": "tootui demo", "website": None}
    assert status["pinned"] is False
    assert api.home()[0]["id"] == status["id"]
    assert int(status["id"]) > int(api.home()[1]["id"])


def test_reply_with_json_body_and_options(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    parent = api.home()[0]
    response = api.post(
        "/api/v1/statuses",
        json={
            "status": "@yuzu 同意!",
            "in_reply_to_id": parent["id"],
            "visibility": "unlisted",
            "spoiler_text": "cw",
            "language": "zh",
        },
    )
    reply = response.json()
    assert reply["in_reply_to_id"] == parent["id"]
    assert reply["in_reply_to_account_id"] == parent["account"]["id"]
    assert reply["visibility"] == "unlisted" and reply["spoiler_text"] == "cw"
    assert reply["sensitive"] is True and reply["language"] == "zh"
    assert reply["mentions"][0]["acct"] == "yuzu"
    context = api.get(f"/api/v1/statuses/{parent['id']}/context").json()
    assert [s["id"] for s in context["descendants"]] == [reply["id"]]
    assert [s["account"]["username"] for s in context["ancestors"]] == ["lanlan"]
    with sqlite3.connect(demo_server.db_path) as db:
        (stored,) = db.execute(
            "SELECT in_reply_to_id FROM statuses WHERE id=?", (int(reply["id"]),)
        ).fetchone()
    assert str(stored) == parent["id"]


def test_idempotency_key_returns_the_same_status(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    headers = {"Idempotency-Key": "abc-123"}
    first = api.post("/api/v1/statuses", data={"status": "once"}, headers=headers).json()
    second = api.post("/api/v1/statuses", data={"status": "once"}, headers=headers).json()
    assert first["id"] == second["id"]
    other = api.post(
        "/api/v1/statuses", data={"status": "once"}, headers={"Idempotency-Key": "x"}
    ).json()
    assert other["id"] != first["id"]
    assert [s["content"] for s in api.home()[:3]].count("<p>once</p>") == 2


def test_empty_and_too_long_are_422(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    limit = api.get("/api/v2/instance").json()["configuration"]["statuses"]["max_characters"]
    empty = api.post("/api/v1/statuses", data={"status": "  "})
    assert empty.status_code == 422 and "error" in empty.json()
    too_long = api.post("/api/v1/statuses", data={"status": "字" * (limit + 1)})
    assert too_long.status_code == 422
    assert str(limit) in too_long.json()["error"]
    assert api.post("/api/v1/statuses", data={"status": "字" * limit}).status_code == 200


def test_urls_count_as_23_characters(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    limit = api.get("/api/v2/instance").json()["configuration"]["statuses"]["max_characters"]
    text = "x" * (limit - 24) + " https://example.org/" + "a" * 200
    assert api.post("/api/v1/statuses", data={"status": text}).status_code == 200


def test_delete_returns_source_text(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    status = api.post("/api/v1/statuses", data={"status": "bye"}).json()
    deleted = api.delete(f"/api/v1/statuses/{status['id']}").json()
    assert deleted["text"] == "bye" and "content" not in deleted
    assert api.get(f"/api/v1/statuses/{status['id']}").status_code == 404
