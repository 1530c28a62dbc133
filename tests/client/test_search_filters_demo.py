"""`MastodonClient.search` and `Status.filtered` against the embedded demo instance."""

from __future__ import annotations

import json

from tests.demo.api import api_for
from tootui.client.api import MastodonClient
from tootui.client.convert import status_from_json
from tootui.client.encode import status_to_json
from tootui.demo.server import DemoServer
from tootui.models import FilterResult


def test_search_finds_accounts_hashtags_and_posts(client: MastodonClient) -> None:
    found = client.search("neo")
    assert [a.acct for a in found.accounts] == ["neogroup_dev"]
    assert {t.name for t in found.hashtags} == {"neodb", "neogroup"}
    assert all(t.url.endswith("/tags/" + t.name) for t in found.hashtags)
    assert len(found.statuses) == 1 and "NeoGroup" in found.statuses[0].content_html
    assert not client.search("no such words anywhere")
    assert len(client.search("鱿", limit=1).statuses) == 1


def test_search_resolves_a_post_url(client: MastodonClient) -> None:
    post = client.search("鲑鱼卵").statuses[-1]
    assert post.url is not None
    found = client.search(post.url)
    assert [s.id for s in found.statuses] == [post.id] and not found.accounts
    # Without resolve a URL is only text: nothing contains it.
    assert not client.search(post.url, resolve=False).statuses
    profile = client.search(post.account.url)
    assert [a.acct for a in profile.accounts] == [post.account.acct]


def test_search_escapes_like_wildcards(client: MastodonClient) -> None:
    assert not client.search("%").statuses
    assert not client.search("_").hashtags


def test_filtered_results_reach_the_model(client: MastodonClient, demo_server: DemoServer) -> None:
    api_for(demo_server).post("/api/v2/filters", json={
        "title": "AI talk", "context": ["home", "thread"], "filter_action": "warn",
        "keywords_attributes": [{"keyword": "chatGPT", "whole_word": False}],
    })
    home = client.timeline().items
    flagged = [s for s in home if s.filtered]
    assert {s.account.acct for s in flagged} == {"yezhiqiu", "kafei"}
    assert flagged[0].filtered == (FilterResult(title="AI talk", action="warn",
                                                context=("home", "thread"),
                                                keyword_matches=("chatGPT",)),)
    # The cache stores statuses as JSON and reads them back the same.
    again = status_from_json(json.loads(json.dumps(status_to_json(flagged[0]))))
    assert again == flagged[0]


def test_odd_filter_results_are_tolerated() -> None:
    status = status_from_json({"id": "1", "filtered": [
        {"filter": {"title": "x", "filter_action": "explode", "context": ["home", 3, None]}},
        {"keyword_matches": ["no filter object"]},
        "not an object",
    ]})
    assert status.filtered == (FilterResult(title="x", action="warn", context=("home", "3")),)
