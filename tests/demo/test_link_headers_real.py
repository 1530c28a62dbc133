"""The Link header of every paged endpoint against the ones real Mastodon sent.

tests/fixtures/real/other/pagination-headers.txt holds Link headers recorded
from real servers. For each endpoint we serve, the same kind of request here
must give the same rels, and each rel the same parameter names: which cursor
(`max_id`, `min_id` or `since_id`), which other parameters are repeated, and
whether `next` appears on a page that is not full.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests

from tests.demo.api import Api
from tootui.demo.server import DemoServer

RECORDED = Path(__file__).resolve().parents[1] / "fixtures/real/other/pagination-headers.txt"

pytestmark = pytest.mark.skipif(not RECORDED.is_file(), reason="real fixtures not here")


def _recorded() -> dict[str, str]:
    """Path and query as recorded (host dropped) -> its Link header."""
    found: dict[str, str] = {}
    for block in RECORDED.read_text("utf-8").split("\n\n"):
        match = re.search(r"GET https?://[^/]+(\S+)\s+-> 200.*\nLink: (.*)", block)
        if match:
            found.setdefault(match.group(1), match.group(2))
    return found


def _shape(link: str) -> dict[str, tuple[str, list[str]]]:
    """rel -> (path with ids as N, parameter names in order)."""
    shape = {}
    for url, rel in re.findall(r'<([^>]+)>; rel="(\w+)"', link):
        parts = urlsplit(url)
        path = re.sub(r"/(\d+|[a-z]+-\d+-\d+)(?=/|$)", "/N", parts.path.rstrip("/"))
        shape[rel] = (path, [name for name, _ in parse_qsl(parts.query)])
    return shape


def test_link_headers_have_the_real_shape(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    juzi = Api(demo_server, demo_server.create_token("juzi"))
    me = api.get("/api/v1/accounts/verify_credentials").json()["id"]
    juzi_id = juzi.get("/api/v1/accounts/verify_credentials").json()["id"]
    mine = api.post("/api/v1/statuses", data={"status": "#hoot"}).json()
    api.post(f"/api/v1/statuses/{mine['id']}/pin")
    api.post(f"/api/v1/statuses/{api.home()[0]['id']}/bookmark")
    juzi.post("/api/v1/statuses", data={"status": "@demo dm", "visibility": "direct"})
    juzi.post(f"/api/v1/statuses/{mine['id']}/favourite")
    juzi.post(f"/api/v1/statuses/{mine['id']}/reblog")
    api.post("/api/v1/tags/hoot/follow")
    made = api.post("/api/v1/lists", data={"title": "l"}).json()
    api.post(f"/api/v1/lists/{made['id']}/accounts", data={"account_ids[]": juzi_id})
    api.post("/api/v1/statuses", data={"status": "later", "scheduled_at": "2099-01-01T00:00:00Z"})
    groups = api.get("/api/v2/notifications").json()["notification_groups"]
    group = next(g for g in groups if g["type"] == "favourite")["group_key"]
    recorded = _recorded()
    # Ours -> the recorded request it mirrors (fewer items than a page, like those).
    pairs = {
        f"/api/v1/accounts/{me}/statuses?pinned=1":
            "/api/v1/accounts/117020565966271181/statuses?pinned=1",
        "/api/v1/bookmarks": "/api/v1/bookmarks",
        "/api/v1/conversations": "/api/v1/conversations/",
        "/api/v1/notifications": "/api/v1/notifications",
        "/api/v1/timelines/home?local=1": "/api/v1/timelines/home?local=1",
        "/api/v1/followed_tags": "/api/v1/followed_tags",
        "/api/v2/notifications?limit=5&expand_accounts=full":
            "/api/v2/notifications?limit=5&expand_accounts=full",
        f"/api/v2/notifications/{group}/accounts":
            "/api/v2/notifications/favourite-117020579695730951-495997/accounts",
        "/api/v1/timelines/tag/hoot": "/api/v1/timelines/tag/hoot",
        f"/api/v1/lists/{made['id']}/accounts": "/api/v1/lists/3/accounts",
        f"/api/v1/timelines/list/{made['id']}": "/api/v1/timelines/list/6",
        "/api/v1/timelines/public": "/api/v1/timelines/public",
        "/api/v1/scheduled_statuses": "/api/v1/scheduled_statuses",
        f"/api/v1/statuses/{mine['id']}/favourited_by":
            "/api/v1/statuses/117020585802289163/favourited_by",
        f"/api/v1/statuses/{mine['id']}/reblogged_by":
            "/api/v1/statuses/117020585505579935/reblogged_by",
    }
    differ = {}
    for ours, theirs in pairs.items():
        response = api.get(ours)
        assert response.status_code == 200, (ours, response.text)
        got, want = _shape(response.headers.get("Link", "")), _shape(recorded[theirs])
        if got != want:
            differ[ours] = (got, want)
    assert differ == {}


def test_a_full_page_links_the_next(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    mine = api.post("/api/v1/statuses", data={"status": "popular"}).json()
    for who in ("juzi", "yuzu"):
        Api(demo_server, demo_server.create_token(who)).post(
            f"/api/v1/statuses/{mine['id']}/favourite"
        )
    url = f"{demo_server.url}/api/v1/statuses/{mine['id']}/favourited_by"
    first = api.session.get(url, params={"limit": 1}, timeout=10)
    assert set(first.links) == {"next", "prev"}
    second = api.session.get(first.links["next"]["url"], timeout=10)
    third = api.session.get(second.links["next"]["url"], timeout=10)
    accts = [r.json()[0]["acct"] if r.json() else None for r in (first, second, third)]
    assert accts == ["yuzu", "juzi", None] and "Link" not in third.headers
    newer = requests.get(second.links["prev"]["url"], headers=api.session.headers, timeout=10)
    assert [a["acct"] for a in newer.json()] == ["yuzu"]


def test_list_members_unpaged_with_limit_zero(demo_server: DemoServer) -> None:
    api = Api(demo_server, demo_server.create_token())
    made = api.post("/api/v1/lists", data={"title": "all"}).json()
    ids = [Api(demo_server, demo_server.create_token(who)).get(
        "/api/v1/accounts/verify_credentials").json()["id"] for who in ("juzi", "yuzu")]
    api.post(f"/api/v1/lists/{made['id']}/accounts", data={"account_ids[]": ids})
    everyone = api.get(f"/api/v1/lists/{made['id']}/accounts", params={"limit": 0})
    assert len(everyone.json()) == 2 and "Link" not in everyone.headers
    one = api.get(f"/api/v1/lists/{made['id']}/accounts", params={"limit": 1})
    assert len(one.json()) == 1 and set(one.links) == {"next", "prev"}
