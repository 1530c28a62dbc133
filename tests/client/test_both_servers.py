"""The client's timeline, thread, posting and action paths against two servers.

Every test runs against our demo instance and against `mastodon-mock` (see
two_servers.py); nothing here reads a server's database, only what the API says.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tootui.client.api import MastodonClient
from tootui.client.errors import AuthError, NotFoundError, RefusedError
from tootui.client.pager import TimelinePager
from tootui.models import Status, id_sort_key

from .two_servers import FRIEND, SERVERS, VIEWER, Instance, running


@pytest.fixture(params=SERVERS)
def instance(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Instance]:
    with running(request.param, tmp_path) as server:
        yield server


@pytest.fixture
def client(instance: Instance) -> Iterator[MastodonClient]:
    with MastodonClient(instance.url, instance.token) as api:
        yield api


@pytest.fixture
def friend(instance: Instance) -> Iterator[MastodonClient]:
    with MastodonClient(instance.url, instance.friend_token) as api:
        yield api


def _ids(statuses: list[Status] | tuple[Status, ...]) -> list[str]:
    return [s.id for s in statuses]


def test_who_and_where(client: MastodonClient) -> None:
    me = client.verify_credentials()
    assert me.acct == VIEWER and me.id
    info = client.instance()
    assert info.domain and info.max_characters >= 500


def test_pages_follow_the_link_cursors(client: MastodonClient) -> None:
    everything = _ids(client.timeline(limit=40).items)
    assert len(everything) >= 9
    assert everything == sorted(everything, key=id_sort_key, reverse=True)
    page = client.timeline(limit=4)
    seen = _ids(page.items)
    assert page.newer == seen[0] and page.older == seen[-1]
    while page.older is not None:
        page = client.timeline(max_id=page.older, limit=4)
        assert len(page.items) <= 4
        seen += _ids(page.items)
    assert seen == everything
    assert client.timeline(min_id=everything[0]).items == ()


def test_a_newer_page_after_posting(client: MastodonClient) -> None:
    top = client.timeline(limit=4)
    posted = client.post_status("fresh off the press")
    newer = client.timeline(min_id=top.newer, limit=4)
    assert _ids(newer.items) == [posted.id] and newer.newer == posted.id


def test_pager_walks_both_ways(client: MastodonClient) -> None:
    pager = TimelinePager(client, "home", limit=4)
    seen = pager.first()
    while pager.has_older:
        seen += pager.older()
    assert _ids(seen) == _ids(client.timeline(limit=40).items)
    assert pager.newer() == []
    posted = [client.post_status(f"news {n}").id for n in range(5)]
    assert _ids(pager.newer()) == list(reversed(posted))
    assert pager.newer() == []


def test_tag_timeline_from_empty(client: MastodonClient) -> None:
    pager = TimelinePager(client, "tag:nothing_tagged_like_this", limit=4)
    assert pager.first() == [] and not pager.has_older
    posted = client.post_status("now #nothing_tagged_like_this").id
    assert _ids(pager.newer()) == [posted]
    assert [t.name for t in client.status(posted).tags] == ["nothing_tagged_like_this"]


def test_a_reply_makes_a_thread(client: MastodonClient, friend: MastodonClient) -> None:
    parent = friend.post_status("what do you think?")
    reply = client.post_status(
        f"@{FRIEND} agreed", in_reply_to_id=parent.id,
        visibility="unlisted", spoiler_text="re", language="en",
    )
    assert reply.in_reply_to_id == parent.id
    assert reply.in_reply_to_account_id == parent.account.id
    assert (reply.visibility, reply.spoiler_text, reply.language) == ("unlisted", "re", "en")
    assert [m.acct for m in reply.mentions] == [FRIEND]
    assert client.status(reply.id) == reply
    assert _ids(client.context(reply.id).ancestors) == [parent.id]
    assert _ids(client.context(parent.id).descendants) == [reply.id]
    assert client.status(parent.id).replies_count == 1
    second = friend.post_status(f"@{VIEWER} thanks", in_reply_to_id=reply.id)
    thread = client.context(parent.id)
    assert _ids(thread.ancestors) == [] and _ids(thread.descendants) == [reply.id, second.id]
    assert _ids(client.context(second.id).ancestors) == [parent.id, reply.id]


def test_same_idempotency_key_posts_once(client: MastodonClient) -> None:
    first = client.post_status("only once", idempotency_key="key-1")
    again = client.post_status("only once", idempotency_key="key-1")
    other = client.post_status("only once", idempotency_key="key-2")
    assert again.id == first.id and other.id != first.id
    mine = [s.id for s in client.timeline(limit=40).items if s.account.acct == VIEWER]
    assert sorted(mine) == sorted([first.id, other.id])


def test_actions_return_the_original_with_new_state(
    client: MastodonClient, friend: MastodonClient
) -> None:
    target = friend.post_status("act on me")

    faved = client.favourite(target.id)
    assert (faved.id, faved.favourited, faved.favourites_count) == (target.id, True, 1)
    assert client.status(target.id).favourited
    unfaved = client.unfavourite(target.id)
    assert (unfaved.favourited, unfaved.favourites_count) == (False, 0)

    boosted = client.reblog(target.id)
    assert boosted.id == target.id and boosted.reblog is None
    assert boosted.reblogged and boosted.reblogs_count == 1
    top = client.timeline(limit=1).items[0]
    assert top.reblog is not None and top.original.id == target.id
    assert top.account.acct == VIEWER
    unboosted = client.unreblog(target.id)
    assert not unboosted.reblogged and unboosted.reblogs_count == 0
    assert client.timeline(limit=1).items[0].id == target.id

    assert client.bookmark(target.id).bookmarked
    assert client.status(target.id).bookmarked
    assert not client.unbookmark(target.id).bookmarked
    assert not client.status(target.id).bookmarked


def test_errors_come_back_as_ours(client: MastodonClient, instance: Instance) -> None:
    with pytest.raises(NotFoundError):
        client.status("1234567")
    with pytest.raises(RefusedError):
        client.post_status("")
    with MastodonClient(instance.url, "not-a-token") as stranger, pytest.raises(AuthError):
        stranger.verify_credentials()
