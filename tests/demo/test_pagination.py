"""Paging exactly as Mastodon pages: cursors, limits and the Link header."""

from __future__ import annotations

import requests

from tests.demo.api import api_for
from tootui.demo.server import DemoServer


def _links(response: requests.Response) -> dict[str, str]:
    return {rel: link["url"] for rel, link in response.links.items()}


def test_link_header_repeats_other_parameters(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    response = api.get("/api/v1/timelines/home", params={"limit": 3, "local": "true"})
    page = response.json()
    assert len(page) == 3
    links = _links(response)
    base = f"{demo_server.url}/api/v1/timelines/home"
    assert links["next"] == f"{base}?limit=3&local=true&max_id={page[-1]['id']}"
    assert links["prev"] == f"{base}?limit=3&local=true&min_id={page[0]['id']}"


def test_following_next_walks_the_whole_timeline(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    everything = api.home()
    seen: list[str] = []
    url = f"{demo_server.url}/api/v1/timelines/home?limit=4"
    while True:
        response = api.session.get(url, timeout=10)
        page = response.json()
        if not page:
            assert "Link" not in response.headers
            break
        seen += [s["id"] for s in page]
        url = _links(response)["next"]
    assert seen == [s["id"] for s in everything]


def test_max_since_and_min_id(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    ids = [s["id"] for s in api.home()]
    assert [s["id"] for s in api.home(max_id=ids[3], limit=2)] == ids[4:6]
    # since_id: the newest ones, even if that skips a gap
    assert [s["id"] for s in api.home(since_id=ids[6], limit=2)] == ids[0:2]
    # min_id: the ones right after the cursor, still newest first
    assert [s["id"] for s in api.home(min_id=ids[6], limit=2)] == ids[4:6]


def test_limit_default_and_cap(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    for n in range(45):
        assert api.post("/api/v1/statuses", data={"status": f"filler {n}"}).status_code == 200
    assert len(api.home()) == 20
    assert len(api.home(limit=100)) == 40
