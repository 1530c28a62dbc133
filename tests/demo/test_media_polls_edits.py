"""Media upload, polls, edits with history, and pins."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.demo.api import Api, api_for
from tootui.demo.server import DemoServer

PNG = (Path(__file__).parents[2] / "tootui/demo/data/media/techo-weeks.png").read_bytes()


def test_image_upload_attach_and_fetch(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    uploaded = api.post(
        "/api/v2/media",
        files={"file": ("page.png", PNG, "image/png")},
        data={"description": "a planner page", "focus": "0.5,-0.25"},
    )
    assert uploaded.status_code == 200
    media = uploaded.json()
    assert media["type"] == "image" and media["description"] == "a planner page"
    assert media["meta"]["original"]["size"] == "96x64"
    assert media["meta"]["focus"] == {"x": 0.5, "y": -0.25}
    assert api.session.get(media["url"], timeout=10).content == PNG
    status = api.post("/api/v1/statuses", data={"status": "", "media_ids[]": [media["id"]]}).json()
    assert [m["id"] for m in status["media_attachments"]] == [media["id"]]
    reused = api.post("/api/v1/statuses", data={"status": "x", "media_ids[]": [media["id"]]})
    assert reused.status_code == 422


def test_video_is_processing_first(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    uploaded = api.post("/api/v2/media", files={"file": ("v.mp4", b"\x00" * 64, "video/mp4")})
    assert uploaded.status_code == 202 and uploaded.json()["url"] is None
    media_id = uploaded.json()["id"]
    assert api.get(f"/api/v1/media/{media_id}").status_code == 206
    done = api.get(f"/api/v1/media/{media_id}")
    assert done.status_code == 200 and done.json()["url"]
    described = api.session.put(
        f"{demo_server.url}/api/v1/media/{media_id}", data={"description": "clip"}, timeout=10
    )
    assert described.json()["description"] == "clip"


def test_poll_vote_rules(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    status = api.post(
        "/api/v1/statuses",
        data={
            "status": "which?",
            "poll[options][]": ["a", "b", "c"],
            "poll[expires_in]": "3600",
            "poll[multiple]": "true",
        },
    ).json()
    poll = status["poll"]
    assert [o["title"] for o in poll["options"]] == ["a", "b", "c"] and poll["multiple"] is True
    assert poll["voted"] is True  # the author counts as having voted
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    voted = juzi.post(f"/api/v1/polls/{poll['id']}/votes", data={"choices[]": ["0", "2"]}).json()
    assert voted["own_votes"] == [0, 2] and voted["votes_count"] == 2 and voted["voters_count"] == 1
    assert [o["votes_count"] for o in voted["options"]] == [1, 0, 1]
    again = juzi.post(f"/api/v1/polls/{poll['id']}/votes", data={"choices[]": ["1"]})
    assert again.status_code == 422
    assert api.get(f"/api/v1/polls/{poll['id']}").json()["votes_count"] == 2
    bad = api.post(
        "/api/v1/statuses",
        data={"status": "x", "poll[options][]": ["only"], "poll[expires_in]": "3600"},
    )
    assert bad.status_code == 422


def test_edit_history_and_source(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    status = api.post("/api/v1/statuses", data={"status": "first #one"}).json()
    edited = api.session.put(
        f"{demo_server.url}/api/v1/statuses/{status['id']}",
        data={"status": "second #two", "spoiler_text": "cw"},
        timeout=10,
    ).json()
    assert edited["edited_at"] is not None and edited["content"].startswith("<p>second")
    assert [t["name"] for t in edited["tags"]] == ["two"] and edited["sensitive"] is True
    history = api.get(f"/api/v1/statuses/{status['id']}/history").json()
    assert [h["content"][:9] for h in history] == ["<p>first ", "<p>second"]
    assert history[1]["spoiler_text"] == "cw"
    source = api.get(f"/api/v1/statuses/{status['id']}/source").json()
    assert source == {"id": status["id"], "text": "second #two", "spoiler_text": "cw"}
    other = api.home()[1]
    forbidden = api.session.put(
        f"{demo_server.url}/api/v1/statuses/{other['id']}", data={"status": "mine now"}, timeout=10
    )
    assert forbidden.status_code == 404  # Mastodon finds it only among your own
    assert api.get(f"/api/v1/statuses/{other['id']}/source").status_code == 404


def test_pin_and_pinned_list(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    status = api.post("/api/v1/statuses", data={"status": "pin me"}).json()
    assert api.post(f"/api/v1/statuses/{status['id']}/pin").json()["pinned"] is True
    me = status["account"]["id"]
    pinned = api.get(f"/api/v1/accounts/{me}/statuses", params={"pinned": "true"}).json()
    assert [s["id"] for s in pinned] == [status["id"]]
    assert api.post(f"/api/v1/statuses/{status['id']}/unpin").json()["pinned"] is False
    assert api.get(f"/api/v1/accounts/{me}/statuses", params={"pinned": "true"}).json() == []


def test_expired_poll_refuses_votes(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    status = api.post(
        "/api/v1/statuses",
        data={"status": "old poll", "poll[options][]": ["a", "b"], "poll[expires_in]": "300"},
    ).json()
    with sqlite3.connect(demo_server.db_path) as db:
        db.execute(
            "UPDATE statuses SET poll = json_set(poll, '$.expires_at', '2020-01-01T00:00:00.000Z')"
            " WHERE id = ?",
            (int(status["id"]),),
        )
    poll = api.get(f"/api/v1/polls/{status['poll']['id']}").json()
    assert poll["expired"] is True
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    refused = juzi.post(f"/api/v1/polls/{poll['id']}/votes", data={"choices[]": "0"})
    assert refused.status_code == 422 and "ended" in refused.json()["error"]


def test_seeded_and_uploaded_media_serve_their_bytes(demo_server: DemoServer) -> None:
    """What a client downloads for `m`: both sizes of the sample's picture and an upload."""
    api = api_for(demo_server)
    seeded = [m for s in api.home(limit=40) for m in s["media_attachments"]]
    assert seeded
    for media in seeded:
        for url in (media["url"], media["preview_url"]):
            answer = api.session.get(url, timeout=10)
            assert answer.status_code == 200
            assert answer.headers["content-type"] == "image/png"
            assert answer.content == PNG
    mine = PNG + b"mine"  # still a PNG by its magic, and not the sample's bytes
    uploaded = api.post("/api/v2/media", files={"file": ("mine.png", mine, "image/png")}).json()
    assert api.session.get(uploaded["preview_url"], timeout=10).content == mine


def test_a_video_preview_is_a_still_picture(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    video = api.post("/api/v2/media", files={"file": ("v.mp4", b"\x00" * 64, "video/mp4")})
    preview = api.session.get(video.json()["preview_url"], timeout=10)
    assert preview.status_code == 200
    assert preview.content.startswith(b"\x89PNG")
