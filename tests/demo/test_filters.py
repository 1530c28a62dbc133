"""Filters v2: `warn` marks statuses in `filtered`, `hide` removes them."""

from __future__ import annotations

from tests.demo.api import api_for
from tootui.demo.server import DemoServer


def test_warn_and_hide_by_context(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    warn = api.post(
        "/api/v2/filters",
        json={
            "title": "gpt",
            "context": ["home"],
            "filter_action": "warn",
            "keywords_attributes": [{"keyword": "chatGPT", "whole_word": False}],
        },
    ).json()
    assert warn["keywords"][0]["keyword"] == "chatGPT" and warn["statuses"] == []
    home = api.home()
    flagged = [s for s in home if s["filtered"]]
    assert {s["account"]["acct"] for s in flagged} == {"yezhiqiu", "kafei"}
    result = flagged[0]["filtered"][0]
    assert result["filter"]["id"] == warn["id"] and result["keyword_matches"] == ["chatGPT"]
    assert "keywords" not in result["filter"]
    # the filter is for home only: the public timeline is not marked
    public = api.get("/api/v1/timelines/public").json()
    assert all(not s["filtered"] for s in public)
    hide = api.post(
        "/api/v2/filters",
        data={
            "title": "squid",
            "context[]": ["home", "thread"],
            "filter_action": "hide",
            "keywords_attributes[][keyword]": "鱿",
        },
    ).json()
    assert hide["keywords"][0]["whole_word"] is True
    # a whole-word CJK keyword inside a longer run of CJK does not match...
    assert len(api.home()) == 9
    keyword_id = hide["keywords"][0]["id"]
    api.session.put(
        f"{demo_server.url}/api/v2/filters/keywords/{keyword_id}",
        data={"keyword": "鱿", "whole_word": "false"},
        timeout=10,
    )
    # ...as a part-word match it hides both squid posts from home
    remaining = api.home()
    assert len(remaining) == 7
    assert {"juzi", "haitang"}.isdisjoint(s["account"]["acct"] for s in remaining)
    assert [f["title"] for f in api.get("/api/v2/filters").json()] == ["gpt", "squid"]
    assert api.delete(f"/api/v2/filters/{hide['id']}").json() == {}
    assert len(api.home()) == 9


def test_filter_validation(demo_server: DemoServer) -> None:
    api = api_for(demo_server)
    assert api.post("/api/v2/filters", data={"title": "x"}).status_code == 422
    assert api.post("/api/v2/filters", data={"context[]": "home"}).status_code == 422
    bad_action = api.post(
        "/api/v2/filters", data={"title": "x", "context[]": "home", "filter_action": "explode"}
    )
    assert bad_action.status_code == 422
    assert api.get("/api/v2/filters/999").status_code == 404
