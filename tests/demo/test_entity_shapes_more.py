"""More entities against the real ones: the ones test_entity_shapes.py leaves out.

Scheduled statuses, media while processing and after, filters and keywords,
markers, relationships after a follow, account lists, conversations, tags,
polls after a vote, grouped and `status` notifications, empty contexts, the
credential account after an update, polls, edits, pins, apps and tokens.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.demo.api import Api, api_for
from tests.demo.shapes import differences
from tootui.demo.server import DemoServer

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
# Sent only sometimes: `pinned` on the viewer's own statuses, `focus` when set,
# local-only account keys.
OPTIONAL = {"pinned", "focus", "feature_approval", "noindex", "roles"}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="real fixtures not in this checkout")


def _real(name: str) -> Any:
    return json.loads((REAL / name).read_text("utf-8"))


def _ok(response: Any) -> Any:
    assert response.status_code in (200, 202), (response.status_code, response.text)
    return response.json()


def _entities(server: DemoServer) -> dict[str, Any]:
    api = api_for(server)
    juzi = Api(server, server.create_token("juzi"))
    juzi_id = _ok(juzi.get("/api/v1/accounts/verify_credentials"))["id"]
    later = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    scheduled = _ok(api.post("/api/v1/statuses", data={"status": "later", "scheduled_at": later}))
    video = api.post("/api/v2/media", files={"file": ("v.mp4", b"\x00" * 64, "video/mp4")})
    assert video.status_code == 202
    processing = video.json()
    while (done := api.get(f"/api/v1/media/{processing['id']}")).status_code == 206:
        pass
    created_filter = _ok(api.post("/api/v2/filters", json={
        "title": "Test Filter", "context": ["home", "public"], "filter_action": "warn",
        "keywords_attributes": [{"keyword": "spam", "whole_word": True},
                                {"keyword": "eggs", "whole_word": False}],
    }))
    mine = _ok(api.post("/api/v1/statuses", data={"status": "mine"}))
    _ok(juzi.post(f"/api/v1/statuses/{mine['id']}/favourite"))
    list_made = _ok(api.post("/api/v1/lists", data={"title": "ham burglars"}))
    _ok(api.post(f"/api/v1/lists/{list_made['id']}/accounts", data={"account_ids[]": juzi_id}))
    _ok(juzi.post("/api/v1/statuses", data={"status": "@demo psst", "visibility": "direct"}))
    [conversation] = _ok(api.get("/api/v1/conversations"))
    poll = _ok(juzi.post("/api/v1/statuses", data={
        "status": "pick", "poll[options][]": ["a", "b", "c"], "poll[expires_in]": "600",
        "poll[multiple]": "true", "language": "en",
    }))
    _ok(api.post(f"/api/v1/accounts/{juzi_id}/follow", data={"notify": "true"}))
    _ok(juzi.post("/api/v1/statuses", data={"status": "juzi says", "visibility": "public"}))
    edited = _ok(juzi.post("/api/v1/statuses", data={"status": "draft", "language": "ja"}))
    edited = _ok(juzi.session.put(f"{server.url}/api/v1/statuses/{edited['id']}",
                     data={"status": "final"}, timeout=10))
    pinned = _ok(api.post(f"/api/v1/statuses/{mine['id']}/pin"))
    app = _ok(Api(server).post("/api/v1/apps", data={
        "client_name": "shape test", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob",
        "scopes": "read write follow push",
    }))
    token = _ok(Api(server).post("/oauth/token", data={
        "grant_type": "client_credentials", "client_id": app["client_id"],
        "client_secret": app["client_secret"], "scope": "read",
    }))
    grouped = _ok(api.get("/api/v2/notifications", params={"types[]": "favourite"}))
    group = grouped["notification_groups"][0]["group_key"]
    return {
        "other/scheduled-status.json": scheduled,
        "other/media-upload-202-video-processing.json": processing,
        "other/media-get-after-processing.json": done.json(),
        "other/filters-v2-create-with-keywords.json": created_filter,
        "other/filters-v2-keywords.json": _ok(
            api.get(f"/api/v2/filters/{created_filter['id']}/keywords")),
        "other/markers-post.json": _ok(
            api.post("/api/v1/markers", data={"home[last_read_id]": mine["id"]})),
        "other/relationship-after-follow.json": _ok(
            api.get("/api/v1/accounts/relationships", params={"id[]": juzi_id}))[0],
        "other/favourited-by.json": _ok(api.get(f"/api/v1/statuses/{mine['id']}/favourited_by")),
        "other/lists-index.json": _ok(api.get("/api/v1/lists")),
        "other/conversation-read.json": _ok(
            api.post(f"/api/v1/conversations/{conversation['id']}/read")),
        "other/tag-get.json": _ok(api.get("/api/v1/tags/NeoDB")),
        "other/poll-after-vote.json": _ok(api.post(
            f"/api/v1/polls/{poll['poll']['id']}/votes", data={"choices[]": ["1", "2"]})),
        "notifications/local-v2-group-single.json": _ok(api.get(f"/api/v2/notifications/{group}")),
        "notifications/local-v2-group-accounts.json": _ok(
            api.get(f"/api/v2/notifications/{group}/accounts")),
        "notifications/local-v1-list-status-type.json": _ok(api.get(
            "/api/v1/notifications", params={"types[]": "status"})),
        "contexts/local-context-empty.json": _ok(api.get(f"/api/v1/statuses/{mine['id']}/context")),
        "accounts/local-update-credentials.json": _ok(api.session.patch(
            f"{server.url}/api/v1/accounts/update_credentials",
            data={"display_name": "John Lennon", "note": "I walk the line"}, timeout=10)),
        "statuses/local-poll-new-multiple.json": poll,
        "statuses/local-edited.json": edited,
        "statuses/local-pinned.json": pinned,
        "other/apps-create.json": app,
        "other/oauth-token-password-grant.json": token,
    }


def test_more_entities_match_real_ones(demo_server: DemoServer) -> None:
    problems = {}
    for name, mine in _entities(demo_server).items():
        found = [
            d
            for d in differences(mine, _real(name))
            if d.split(":")[0].rsplit(".", 1)[-1] not in OPTIONAL
        ]
        if found:
            problems[name] = found
    assert problems == {}


def test_refusals_match_real_bodies(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    theirs = juzi.post("/api/v1/statuses", data={"status": "followers", "visibility": "private"})
    forbidden = api.post(f"/api/v1/statuses/{theirs.json()['id']}/reblog")
    assert forbidden.status_code == 403
    assert forbidden.json() == _real("other/error-403-not-allowed.json")
    empty = api.post("/api/v1/statuses", data={"status": ""})
    assert empty.status_code == 422
    assert empty.json().keys() == _real("other/error-422-status-empty-ja.json").keys()


def test_oauth_metadata_and_userinfo_match_real_ones(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    ours = {
        "instance/ms-oauth-authorization-server.json":
            _ok(Api(demo_server).get("/.well-known/oauth-authorization-server")),
        "other/oauth-authorization-server-local.json":
            _ok(Api(demo_server).get("/.well-known/oauth-authorization-server")),
        "other/oauth-userinfo.json": _ok(api.get("/oauth/userinfo")),
    }
    problems = {name: found for name, mine in ours.items()
                if (found := [d for d in differences(mine, _real(name))
                              if d.split(":")[0].rsplit(".", 1)[-1] not in OPTIONAL])}
    assert problems == {}
