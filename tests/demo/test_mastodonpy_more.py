"""Mastodon.py's methods for the endpoints the other Mastodon.py tests leave out,
including its streaming client on each stream the issue names."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from mastodon import Mastodon
from mastodon.streaming import StreamListener

from tootui.demo.server import DemoServer

PNG = Path(__file__).parents[2] / "tootui/demo/data/media/techo-weeks.png"
WAIT_S = 10


def _client(server: DemoServer, username: str = "demo") -> Mastodon:
    return Mastodon(
        api_base_url=server.url,
        access_token=server.create_token(username),
        version_check_mode="none",
    )


def _ids(items: list[Any]) -> list[str]:
    return [str(item["id"]) for item in items]


def test_account_statuses_filters_and_follows(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    me = api.me()
    juzi = api.account_search("juzi")[0]
    assert juzi["acct"] == "juzi"
    parent = api.timeline_home()[0]
    reply = api.status_reply(parent, "a reply")
    media = api.media_post(str(PNG), description="alt")
    pictured = api.status_post("a picture", media_ids=[media])
    plain = api.status_post("plain")
    api.status_pin(plain)
    without_replies = _ids(api.account_statuses(me, exclude_replies=True))
    assert reply["id"] not in without_replies and plain["id"] in without_replies
    assert _ids(api.account_statuses(me, only_media=True)) == [pictured["id"]]
    assert _ids(api.account_statuses(me, pinned=True)) == [plain["id"]]
    assert api.account_unfollow(juzi)["following"] is False
    assert api.account_relationships(juzi)[0]["following"] is False
    assert api.account_follow(juzi)["following"] is True
    assert api.account(juzi)["acct"] == "juzi"
    assert api.status(plain["id"])["pinned"] is True


def test_media_get_and_update(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    media = api.media_post(str(PNG), description="before")
    assert api.media(media)["description"] == "before"
    updated = api.media_update(media, description="after", focus=(0.5, -0.5))
    assert updated["description"] == "after"
    assert updated["meta"]["focus"] == {"x": 0.5, "y": -0.5}


def test_scheduled_get_and_update(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    when = datetime.now(UTC) + timedelta(hours=1)
    scheduled = api.status_post("later", scheduled_at=when)
    assert api.scheduled_status(scheduled)["params"]["text"] == "later"
    moved = api.scheduled_status_update(scheduled, when + timedelta(hours=1))
    assert moved["scheduled_at"] > scheduled["scheduled_at"]


def test_notifications_filter_dismiss_and_clear(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    juzi = _client(demo_server, "juzi")
    mine = api.status_post("notice me")
    juzi.status_favourite(mine)
    juzi.status_post("@demo hi")
    assert {n["type"] for n in api.notifications()} == {"favourite", "mention"}
    [mention] = api.notifications(exclude_types=["favourite"])
    assert mention["type"] == "mention"
    assert [n["type"] for n in api.notifications(types=["favourite"])] == ["favourite"]
    assert api.notifications(id=mention["id"])["id"] == mention["id"]
    assert api.notifications_unread_count()["count"] >= 1
    api.notifications_dismiss(mention)
    assert [n["type"] for n in api.notifications()] == ["favourite"]
    [group] = api.grouped_notifications()["notification_groups"]
    assert api.grouped_notification(group["group_key"])["notification_groups"][0]["type"] == (
        "favourite"
    )
    assert _ids(api.grouped_notification_accounts(group["group_key"])) == [juzi.me()["id"]]
    api.notifications_clear()
    assert api.notifications() == []


def test_lists_conversations_filters_and_tags(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    juzi = _client(demo_server, "juzi")
    made = api.list_create("friends")
    renamed = api.list_update(made, "close friends", replies_policy="followed")
    assert (renamed["title"], renamed["replies_policy"]) == ("close friends", "followed")
    assert _ids(api.lists()) == [made["id"]] and api.list(made)["title"] == "close friends"
    api.list_accounts_add(made, [juzi.me()])
    api.list_accounts_delete(made, [juzi.me()])
    assert api.list_accounts(made) == []
    juzi.status_post("@demo psst", visibility="direct")
    [conversation] = api.conversations()
    assert conversation["unread"] is True
    assert api.conversations_read(conversation)["unread"] is False
    made_filter = api.create_filter_v2("f", context=["home"], filter_action="warn")
    keyword = api.add_filter_keyword_v2(made_filter, "spam", whole_word=True)
    assert _ids(api.filter_keywords_v2(made_filter)) == [keyword["id"]]
    changed = api.update_filter_v2(made_filter, filter_action="hide")
    assert changed["filter_action"] == "hide"
    api.delete_filter_keyword_v2(keyword)
    assert api.filter_keywords_v2(made_filter) == []
    assert api.tag_follow("NeoDB")["following"] is True
    assert api.tag("NeoDB")["following"] is True
    assert api.tag_unfollow("NeoDB")["following"] is False
    assert api.followed_tags() == []


def test_instance_search_and_paging(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    assert api.instance_v1()["uri"] == demo_server.url.split("://")[1]
    assert api.instance_v2()["domain"] == demo_server.url.split("://")[1]
    found = api.search_v2("neodb")
    assert found["hashtags"] and found["hashtags"][0]["name"].lower() == "neodb"
    accounts = api.search_v2("juzi", result_type="accounts")
    assert [a["acct"] for a in accounts["accounts"]] == ["juzi"] and accounts["statuses"] == []
    everything = api.fetch_remaining(api.timeline_home(limit=2))
    assert _ids(everything) == _ids(api.timeline_home(limit=40))
    local = _ids(api.timeline_local())
    assert local and local == _ids(api.timeline_public(local=True))


class _Collector(StreamListener):
    """Collects events; `opened` is set by the stream's opening comment line."""

    def __init__(self) -> None:
        super().__init__()
        self.opened = threading.Event()
        self.arrived = threading.Condition()
        self.events: list[tuple[str, Any]] = []

    def handle_heartbeat(self) -> None:
        self.opened.set()

    def _add(self, name: str, payload: Any) -> None:
        with self.arrived:
            self.events.append((name, payload))
            self.arrived.notify_all()

    def on_update(self, status: Any) -> None:
        self._add("update", status["id"])

    def on_status_update(self, status: Any) -> None:
        self._add("status.update", status["id"])

    def on_delete(self, status_id: Any) -> None:
        self._add("delete", str(status_id))

    def on_notification(self, notification: Any) -> None:
        self._add("notification", notification["type"])

    def wait_for(self, count: int) -> list[tuple[str, Any]]:
        with self.arrived:
            assert self.arrived.wait_for(lambda: len(self.events) >= count, WAIT_S)
            return list(self.events)


@contextmanager
def _streaming(start: Any) -> Iterator[_Collector]:
    collector = _Collector()
    handle = start(collector)
    try:
        assert collector.opened.wait(WAIT_S)
        yield collector
    finally:
        handle.close()


def test_mastodonpy_streams_each_channel(tmp_path: Path) -> None:
    # Mastodon.py's close() waits for the next byte, so a brisk heartbeat.
    with DemoServer(tmp_path, heartbeat_s=0.2) as demo_server:
        _stream_each_channel(demo_server)


def _stream_each_channel(demo_server: DemoServer) -> None:
    api = _client(demo_server)
    juzi = _client(demo_server, "juzi")
    made = api.list_create("stream")
    api.list_accounts_add(made, [juzi.me()])
    starts = {
        "user": lambda c: api.stream_user(c, run_async=True),
        "public": lambda c: api.stream_public(c, run_async=True),
        "public:local": lambda c: api.stream_public(c, run_async=True, local=True),
        "hashtag": lambda c: api.stream_hashtag("streamed", c, run_async=True),
        "list": lambda c: api.stream_list(made["id"], c, run_async=True),
    }
    for name, start in starts.items():
        with _streaming(start) as collector:
            posted = juzi.status_post(f"@demo on {name} #streamed")
            juzi.status_update(posted, f"@demo on {name}, edited #streamed")
            juzi.status_delete(posted)
            wanted = [("update", posted["id"]), ("status.update", posted["id"]),
                      ("delete", str(posted["id"]))]
            if name == "user":
                wanted.insert(1, ("notification", "mention"))
            assert collector.wait_for(len(wanted)) == wanted, name
