"""Mastodon.py's methods for the wider API, each run against the demo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from mastodon import Mastodon

from tootui.demo.server import DemoServer

PNG = Path(__file__).parents[2] / "tootui/demo/data/media/techo-weeks.png"


def _client(server: DemoServer, username: str = "demo") -> Mastodon:
    return Mastodon(
        api_base_url=server.url,
        access_token=server.create_token(username),
        version_check_mode="none",
    )


def test_statuses_media_polls_and_edits(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    media = api.media_post(str(PNG), description="planner", focus=(0.1, 0.2))
    assert media["description"] == "planner"
    posted = api.status_post("with picture", media_ids=[media["id"]], language="en")
    assert posted["media_attachments"][0]["id"] == media["id"]
    api.status_update(posted["id"], "edited picture")
    assert len(api.status_history(posted["id"])) == 2
    assert api.status_source(posted["id"])["text"] == "edited picture"
    assert api.status_pin(posted["id"])["pinned"] is True
    assert api.status_unpin(posted["id"])["pinned"] is False
    poll = api.make_poll(["a", "b"], expires_in=600)
    with_poll = api.status_post("vote!", poll=poll)
    other = _client(demo_server, "juzi")
    assert other.poll_vote(with_poll["poll"]["id"], [1])["own_votes"] == [1]
    assert api.poll(with_poll["poll"]["id"])["votes_count"] == 1
    when = datetime.now(UTC) + timedelta(hours=1)
    scheduled = api.status_post("later", scheduled_at=when)
    assert [s["id"] for s in api.scheduled_statuses()] == [scheduled["id"]]
    api.scheduled_status_delete(scheduled["id"])
    assert api.status_translate(api.timeline_home()[3]["id"], lang="en")["provider"]
    assert api.status_reblogged_by(posted["id"]) == []
    api.status_favourite(posted["id"])
    assert [a["acct"] for a in api.status_favourited_by(posted["id"])] == ["demo"]
    assert api.favourites()[0]["id"] == posted["id"]


def test_accounts_lists_filters_and_notifications(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    juzi = api.account_lookup("juzi")
    assert api.account_update_credentials(display_name="Demo!")["display_name"] == "Demo!"
    assert api.account_followers(juzi["id"])[0]["acct"] == "demo"
    assert len(api.account_following(api.me()["id"])) == 9
    assert api.account_mute(juzi["id"])["muting"] is True
    assert [a["acct"] for a in api.mutes()] == ["juzi"]
    api.account_unmute(juzi["id"])
    assert api.account_block(juzi["id"])["blocking"] is True
    assert [a["acct"] for a in api.blocks()] == ["juzi"]
    api.account_unblock(juzi["id"])
    api.account_follow(juzi["id"])
    listed = api.list_create("friends")
    api.list_accounts_add(listed["id"], [juzi["id"]])
    assert [a["acct"] for a in api.list_accounts(listed["id"])] == ["juzi"]
    assert [s["account"]["acct"] for s in api.timeline_list(listed["id"])] == ["juzi"]
    api.list_delete(listed["id"])
    created = api.create_filter_v2(
        "gpt", ["home"], "warn", keywords_attributes=[{"keyword": "chatGPT", "whole_word": False}]
    )
    assert [f["title"] for f in api.filters_v2()] == ["gpt"]
    assert any(s["filtered"] for s in api.timeline_home())
    api.delete_filter_v2(created["id"])
    assert api.tag_follow("NeoDB")["following"] is True
    assert [t["name"] for t in api.followed_tags()] == ["neodb"]
    assert api.preferences()["posting:default:visibility"] == "public"
    assert [e["shortcode"] for e in api.custom_emojis()] == ["blobcat", "blobfox", "neodb"]
    assert api.instance_translation_languages()
    other = _client(demo_server, "lanlan")
    mine = api.status_post("@lanlan hi", visibility="direct")
    other.status_favourite(mine["id"])
    assert [n["type"] for n in api.notifications()] == ["favourite"]
    grouped = api.grouped_notifications()
    assert grouped["notification_groups"][0]["type"] == "favourite"
    assert other.conversations()[0]["last_status"]["id"] == mine["id"]
    assert api.markers_get(["notifications"]) == {}


def test_apps_oauth_metadata_health_and_notification_counts(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    assert api.app_verify_credentials()["name"]
    # (Mastodon.py's oauth_userinfo() and oauth_authorization_server_info() refuse
    # plain-http servers by design; test_oauth_demo.py reads both over HTTP.)
    assert api.stream_healthy() is True
    juzi = _client(demo_server, "juzi")
    juzi.status_favourite(api.status_post("like me")["id"])
    [note] = api.notifications(types=["favourite"])
    assert api.notifications(id=note["id"])["type"] == "favourite"
    assert api.unread_grouped_notifications_count() >= 1
    assert "for_not_following" in api.notifications_policy()
