"""Each entity the demo serves has the keys and JSON types of a real Mastodon's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.demo.api import Api, api_for
from tests.demo.shapes import differences
from tootui.demo.server import DemoServer

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
# Keys Mastodon sends only sometimes: `pinned` on the viewer's own statuses,
# `focus` when set, and the local-only account keys that remote accounts lack.
OPTIONAL = {"pinned", "focus", "feature_approval", "noindex", "roles"}

pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="real fixtures not in this checkout")


def _real(name: str) -> Any:
    return json.loads((REAL / name).read_text("utf-8"))


def _entities(server: DemoServer) -> dict[str, Any]:
    api = api_for(server)
    juzi = Api(server, server.create_token("juzi"))
    home = api.home()
    mine = api.post("/api/v1/statuses", data={"status": "hi"}).json()
    juzi.post("/api/v1/statuses", data={"status": "@demo hello"})
    wrapper = api.post(f"/api/v1/statuses/{home[3]['id']}/reblog").json()
    api.post("/api/v1/markers", data={"home[last_read_id]": home[0]["id"]})
    png = (Path(__file__).parents[2] / "tootui/demo/data/media/techo-weeks.png").read_bytes()
    image = api.post(
        "/api/v2/media", files={"file": ("a.png", png, "image/png")}, data={"focus": "0,0"}
    ).json()
    with_poll = juzi.post(
        "/api/v1/statuses",
        data={"status": "?", "poll[options][]": ["a", "b"], "poll[expires_in]": "600"},
    ).json()
    api.post(f"/api/v1/polls/{with_poll['poll']['id']}/votes", data={"choices[]": "1"})
    edited = api.post("/api/v1/statuses", data={"status": "draft"}).json()
    api.session.put(f"{server.url}/api/v1/statuses/{edited['id']}", data={"status": "final"})
    direct = juzi.post("/api/v1/statuses", data={"status": "@demo psst", "visibility": "direct"})
    assert direct.status_code == 200
    conversations = api.get("/api/v1/conversations").json()
    notifications = api.get("/api/v1/notifications").json()
    juzi.post(f"/api/v1/statuses/{mine['id']}/favourite")
    grouped = api.get("/api/v2/notifications", params={"types[]": "favourite"}).json()
    return {
        "notifications/local-v2-grouped-favourites.json": grouped,
        "notifications/local-v2-policy.json": api.get("/api/v2/notifications/policy").json(),
        "other/conversations.json": conversations,
        "other/tag-follow.json": api.post("/api/v1/tags/NeoDB/follow").json(),
        "other/lists-create.json": api.post("/api/v1/lists", data={"title": "l"}).json(),
        "other/poll-get.json": api.get(f"/api/v1/polls/{with_poll['poll']['id']}").json(),
        "other/status-history.json": api.get(f"/api/v1/statuses/{edited['id']}/history").json(),
        "other/status-source.json": api.get(f"/api/v1/statuses/{edited['id']}/source").json(),
        "other/media-upload-200-image.json": image,
        "statuses/local-card-example-org.json": home[5],
        "statuses/local-two-images-sensitive.json": home[2],
        "statuses/local-reply-with-mention.json": home[0],
        "statuses/local-hashtag.json": home[8],
        "statuses/local-plain-unlisted-default.json": mine,
        "statuses/local-reblog-wrapper.json": wrapper,
        "accounts/local-account.json": home[0]["account"],
        "accounts/local-credential-account.json": api.get(
            "/api/v1/accounts/verify_credentials"
        ).json(),
        "instance/local-instance-v1.json": api.get("/api/v1/instance").json(),
        "instance/local-instance-v2.json": api.get("/api/v2/instance").json(),
        "contexts/ms-context-ancestor-and-descendant.json": api.get(
            f"/api/v1/statuses/{home[0]['id']}/context"
        ).json(),
        "notifications/local-v1-single-mention.json": notifications[0],
        "other/relationships.json": api.get(
            "/api/v1/accounts/relationships", params={"id[]": home[0]["account"]["id"]}
        ).json(),
        "other/search-v2-local.json": api.get("/api/v2/search", params={"q": "neo"}).json(),
        "other/preferences.json": api.get("/api/v1/preferences").json(),
        "other/apps-verify-credentials.json": api.get("/api/v1/apps/verify_credentials").json(),
        "other/markers-get.json": api.get("/api/v1/markers", params={"timeline[]": "home"}).json(),
    }


def test_entities_match_real_ones(demo_server: DemoServer) -> None:
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


def test_error_bodies_match(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    assert (
        api.get("/api/v1/statuses/123").json().keys()
        == _real("other/error-404-record-not-found.json").keys()
    )
    unauthorised = Api(demo_server).get("/api/v1/timelines/home").json()
    assert unauthorised == _real("other/error-401-invalid-token.json")
