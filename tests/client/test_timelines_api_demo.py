"""`MastodonClient` timelines by name, notifications, lists, tags and accounts on the demo."""

from __future__ import annotations

import pytest
import requests

from tootui.client.api import MastodonClient
from tootui.client.errors import NotFoundError
from tootui.client.pager import NotificationPager
from tootui.demo.server import DemoServer


def _as(server: DemoServer, user: str) -> MastodonClient:
    return MastodonClient(server.url, server.create_token(username=user))


def test_each_timeline_name(demo_server: DemoServer, client: MastodonClient) -> None:
    me = client.verify_credentials()
    juzi = _as(demo_server, "juzi")
    direct = juzi.post_status("@demo psst", visibility="direct")
    kept = juzi.post_status("keep me #NeoDB")
    client.bookmark(kept.id)
    client.favourite(kept.id)
    mine = client.post_status("mine")
    lanlan = client.lookup_account("lanlan")
    token = demo_server.create_token()
    made = requests.post(f"{demo_server.url}/api/v1/lists", data={"title": "L"}, timeout=10,
                         headers={"Authorization": f"Bearer {token}"}).json()
    requests.post(f"{demo_server.url}/api/v1/lists/{made['id']}/accounts", timeout=10,
                  data={"account_ids[]": [lanlan.id]},
                  headers={"Authorization": f"Bearer {token}"})

    def ids(name: str) -> list[str]:
        return [s.id for s in client.timeline(name).items]

    assert mine.id in ids("home") and mine.id in ids("local") and mine.id in ids("federated")
    assert kept.id in ids("tag:NeoDB") and kept.id in ids("tag:#neodb")
    assert ids("bookmarks") == [kept.id] and ids("favourites") == [kept.id]
    assert ids("conversations") == [direct.id]
    assert ids(f"account:{me.id}") == [mine.id]
    assert {s.account.id for s in client.timeline(f"list:{made['id']}").items} == {lanlan.id}
    assert client.lists()[0].title == "L"
    with pytest.raises(ValueError):
        client.timeline("nonsense")


def test_notifications_grouped_then_v1_on_servers_without_v2(
        demo_server: DemoServer, client: MastodonClient) -> None:
    mine = client.post_status("like me")
    for user in ("lanlan", "juzi"):
        _as(demo_server, user).favourite(mine.id)
    (group,) = client.notifications().items
    assert group.type == "favourite" and group.count == 2 and len(group.accounts) == 2
    assert client.notifications(types=("mention",)).items == ()
    demo_server.faults.add("/api/v2/notifications", status=404, count=None)
    plain = client.notifications().items
    assert [n.type for n in plain] == ["favourite", "favourite"]
    assert all(n.status is not None and n.status.id == mine.id for n in plain)


def test_notification_pager_pages_older(demo_server: DemoServer, client: MastodonClient) -> None:
    kafei = _as(demo_server, "kafei")
    for n in range(5):
        kafei.post_status(f"@demo ping {n}")
    pager = NotificationPager(client, ("mention",), limit=2)
    seen = pager.first()
    while pager.has_older:
        seen += pager.older()
    assert len(seen) == 5 and len({n.id for n in seen}) == 5


def test_lookup_account_and_followed_tags(client: MastodonClient,
                                         demo_server: DemoServer) -> None:
    assert client.lookup_account("@juzi").acct == "juzi"
    with pytest.raises(NotFoundError):
        client.lookup_account("nobody_at_all")
    token = demo_server.create_token()
    requests.post(f"{demo_server.url}/api/v1/tags/NeoDB/follow", timeout=10,
                  headers={"Authorization": f"Bearer {token}"})
    assert client.followed_tags() == ("neodb",)
    assert client.account(client.lookup_account("juzi").id).username == "juzi"
