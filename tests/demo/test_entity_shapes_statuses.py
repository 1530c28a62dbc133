"""Statuses of every kind, and the small bodies around them, against real ones.

Each visibility, content warnings, video (sensitive or not), a favourited and
a bookmarked status as their viewer sees them, the deleted status (with its
`text`), media still processing, unread counts, OAuth refusals and errors.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.demo.api import Api, api_for
from tests.demo.shapes import differences
from tootui.demo.server import DemoServer

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
OPTIONAL = {"pinned", "focus", "feature_approval", "noindex", "roles"}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="real fixtures not in this checkout")


def _real(name: str) -> Any:
    return json.loads((REAL / name).read_text("utf-8"))


def _ok(response: Any) -> Any:
    assert response.status_code in (200, 202, 206), (response.status_code, response.text)
    return response.json()


def _post(api: Api, **data: Any) -> Any:
    return _ok(api.post("/api/v1/statuses", data=data))


def _video(api: Api) -> str:
    upload = api.post("/api/v2/media", files={"file": ("v.mp4", b"\x00" * 64, "video/mp4")})
    return str(upload.json()["id"])


def _entities(server: DemoServer) -> dict[str, Any]:
    api = api_for(server)
    juzi = Api(server, server.create_token("juzi"))
    still = _video(api)
    processing = api.get(f"/api/v1/media/{still}")
    assert processing.status_code == 206
    sensitive = _video(api)
    while api.get(f"/api/v1/media/{sensitive}").status_code == 206:
        pass
    plain_video = _video(api)
    while api.get(f"/api/v1/media/{plain_video}").status_code == 206:
        pass
    liked = _post(juzi, status="like me")
    _ok(api.post(f"/api/v1/statuses/{liked['id']}/favourite"))
    marked = _post(juzi, status="keep me")
    _ok(api.post(f"/api/v1/statuses/{marked['id']}/bookmark"))
    doomed = _post(api, status="doomed #tag")
    _post(juzi, status="@demo hi")
    poll = _post(juzi, **{"status": "?", "poll[options][]": ["a", "b"], "poll[expires_in]": "600"})
    _ok(api.post(f"/api/v1/polls/{poll['poll']['id']}/votes", data={"choices[]": "0"}))
    again = api.post(f"/api/v1/polls/{poll['poll']['id']}/votes", data={"choices[]": "0"})
    assert again.status_code == 422
    app = _ok(Api(server).post("/api/v1/apps", data={
        "client_name": "shapes", "redirect_uris": "urn:ietf:wg:oauth:2.0:oob"}))
    client = {"client_id": app["client_id"], "client_secret": app["client_secret"]}
    revoked_token = server.create_token()
    server.revoke_tokens("demo")
    api = api_for(server)
    return {
        "statuses/local-visibility-public.json": _post(api, status="p", visibility="public"),
        "statuses/local-visibility-unlisted.json": _post(api, status="u", visibility="unlisted"),
        "statuses/local-visibility-private.json": _post(api, status="f", visibility="private"),
        "statuses/local-visibility-direct.json": _post(
            api, status="@juzi d", visibility="direct"),
        "statuses/local-direct-mention.json": _post(api, status="@juzi dm", visibility="direct"),
        "statuses/local-cw-public.json": _post(api, status="spoiler", spoiler_text="cw"),
        "statuses/local-cw-direct.json": _post(
            api, status="@juzi s", spoiler_text="cw", visibility="direct"),
        "statuses/local-video-sensitive.json": _post(
            api, status="clip", sensitive="true", **{"media_ids[]": sensitive}),
        "statuses/local-video-not-sensitive.json": _post(
            api, status="clip", **{"media_ids[]": plain_video}),
        "statuses/local-favourited.json": _ok(api.get(f"/api/v1/statuses/{liked['id']}")),
        "statuses/local-bookmarked.json": _ok(api.get(f"/api/v1/statuses/{marked['id']}")),
        "statuses/local-deleted-with-text.json": _ok(
            api.delete(f"/api/v1/statuses/{doomed['id']}")),
        "other/media-update-206-still-processing.json": processing.json(),
        "notifications/local-v1-unread-count.json": _ok(
            api.get("/api/v1/notifications/unread_count")),
        "notifications/local-v1-list-mention.json": _ok(
            api.get("/api/v1/notifications", params={"types[]": "mention"})),
        "other/error-422-already-voted-ja.json": again.json(),
        "other/error-401-token-revoked-ja.json": Api(server, revoked_token).get(
            "/api/v1/accounts/verify_credentials").json(),
        "other/oauth-revoke.json": _ok(Api(server).post(
            "/oauth/revoke", data={**client, "token": "nothing"})),
        "other/error-400-oauth-invalid-grant.json": Api(server).post("/oauth/token", data={
            **client, "grant_type": "authorization_code", "code": "bad",
            "redirect_uri": "urn:ietf:wg:oauth:2.0:oob"}).json(),
    }


def test_statuses_and_small_bodies_match_real_ones(demo_server: DemoServer) -> None:
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
