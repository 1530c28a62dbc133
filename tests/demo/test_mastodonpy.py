"""Mastodon.py, a client written by other people, against the demo instance."""

from __future__ import annotations

import pytest
import requests
from mastodon import Mastodon, MastodonUnauthorizedError

from tootui.demo.server import DemoServer


def _client(server: DemoServer) -> Mastodon:
    return Mastodon(
        api_base_url=server.url, access_token=server.create_token(), version_check_mode="none"
    )


def test_read_and_page(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    assert api.account_verify_credentials()["username"] == "demo"
    assert api.instance_v2()["configuration"]["statuses"]["max_characters"] > 1383
    assert api.instance_v1()["uri"] == demo_server.url.split("://")[1]
    first = api.timeline_home(limit=5)
    assert len(first) == 5
    rest = api.fetch_next(first)
    assert rest is not None and len(rest) == 4
    assert api.fetch_next(rest) == []  # Mastodon links "next" from every non-empty page
    newer = api.fetch_previous(rest)
    assert newer is not None
    assert [s["id"] for s in newer] == [s["id"] for s in first]


def test_post_thread_and_actions(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    parent = api.timeline_home()[1]
    reply = api.status_post("好的!", in_reply_to_id=parent["id"], idempotency_key="k1")
    assert (
        api.status_post("好的!", in_reply_to_id=parent["id"], idempotency_key="k1")["id"]
        == reply["id"]
    )
    context = api.status_context(reply["id"])
    assert [s["id"] for s in context["ancestors"]] == [parent["id"]]
    assert api.status_favourite(parent["id"])["favourited"] is True
    assert api.status_unfavourite(parent["id"])["favourites_count"] == 0
    boost = api.status_reblog(parent["id"])
    assert boost["reblog"]["id"] == parent["id"]
    assert api.status_unreblog(parent["id"])["reblogged"] is False
    assert api.status_bookmark(parent["id"])["bookmarked"] is True
    assert api.bookmarks()[0]["id"] == parent["id"]
    assert api.status_unbookmark(parent["id"])["bookmarked"] is False
    assert reply["id"] in [s["id"] for s in api.status_context(parent["id"])["descendants"]]
    api.status_delete(reply["id"])
    assert reply["id"] not in [s["id"] for s in api.status_context(parent["id"])["descendants"]]


def test_oauth_with_mastodonpy(demo_server: DemoServer) -> None:
    client_id, client_secret = Mastodon.create_app(
        "mpy",
        api_base_url=demo_server.url,
        redirect_uris="urn:ietf:wg:oauth:2.0:oob",
        scopes=["read", "write"],
    )
    api = Mastodon(
        client_id=client_id,
        client_secret=client_secret,
        api_base_url=demo_server.url,
        version_check_mode="none",
    )
    # The demo speaks plain http on loopback, which Mastodon.py allows only when asked.
    url = api.auth_request_url(scopes=["read", "write"], allow_http=True)
    page = requests.get(url, timeout=10).text
    code = page.split("<code>")[1].split("</code>")[0]
    token = api.log_in(code=code, scopes=["read", "write"], allow_http=True)
    assert token
    assert api.account_verify_credentials()["username"] == "demo"
    api.revoke_access_token(allow_http=True)
    with pytest.raises(MastodonUnauthorizedError):
        api.account_verify_credentials()


def test_accounts_search_notifications_markers(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    juzi = api.account_lookup("juzi")
    assert api.account(juzi["id"])["display_name"] == juzi["display_name"]
    assert len(api.account_statuses(juzi["id"])) == 1
    assert api.account_relationships(juzi["id"])[0]["following"] is True
    assert api.search_v2("NeoDB")["hashtags"][0]["name"] == "neodb"
    assert api.search_v2("鲑鱼卵")["statuses"]
    assert len(api.timeline_hashtag("NeoGroup")) == 1
    assert len(api.timeline_public(local=True)) == 9
    assert api.notifications() == []
    top = api.timeline_home()[0]
    api.markers_set(["home"], [top["id"]])
    assert api.markers_get(["home"])["home"]["last_read_id"] == top["id"]
