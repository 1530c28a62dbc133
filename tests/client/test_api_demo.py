"""MastodonClient against the embedded demo instance, over real HTTP."""

from __future__ import annotations

from tootui.client.api import MastodonClient
from tootui.demo.server import DemoServer
from tootui.models import id_sort_key

from .serverdb import server_rows


def test_who_and_where(client: MastodonClient) -> None:
    me = client.verify_credentials()
    assert me.acct == "demo" and me.id.isdigit()
    info = client.instance()
    assert info.max_characters > 1383
    assert info.domain == client.base_url.split("://", 1)[1]


def test_timeline_pages_follow_link_cursors(client: MastodonClient) -> None:
    first = client.timeline(limit=4)
    second = client.timeline(max_id=first.older, limit=4)
    third = client.timeline(max_id=second.older, limit=4)
    assert [len(p.items) for p in (first, second, third)] == [4, 4, 1]
    ids = [s.id for page in (first, second, third) for s in page.items]
    assert len(set(ids)) == 9
    assert ids == sorted(ids, key=id_sort_key, reverse=True)  # newest first throughout
    assert first.newer == ids[0] and first.older == ids[3] and second.older == ids[7]
    past_the_end = client.timeline(max_id=third.older, limit=4)
    assert past_the_end.items == () and past_the_end.older is None
    assert client.timeline(min_id=first.newer).items == ()


def test_newer_page_after_posting(client: MastodonClient) -> None:
    top = client.timeline(limit=4)
    posted = client.post_status("fresh off the press")
    newer = client.timeline(min_id=top.newer, limit=4)
    assert [s.id for s in newer.items] == [posted.id]
    assert newer.newer == posted.id


def test_status_and_its_thread(client: MastodonClient) -> None:
    page = client.timeline(limit=40)
    reply = next(s for s in page.items if s.in_reply_to_id)
    assert client.status(reply.id) == reply
    context = client.context(reply.id)
    assert context.ancestors and context.ancestors[-1].id == reply.in_reply_to_id
    parent_context = client.context(reply.in_reply_to_id or "")
    assert reply.id in [s.id for s in parent_context.descendants]


def test_reply_reaches_the_server(client: MastodonClient, demo_server: DemoServer) -> None:
    parent = client.timeline(limit=1).items[0]
    reply = client.post_status(
        f"@{parent.account.acct} agreed", in_reply_to_id=parent.id,
        visibility="unlisted", spoiler_text="re", language="en",
    )
    assert reply.in_reply_to_id == parent.id and reply.visibility == "unlisted"
    assert reply.spoiler_text == "re" and reply.language == "en"
    [row] = server_rows(demo_server, "SELECT * FROM statuses WHERE id=?", int(reply.id))
    assert str(row["in_reply_to_id"]) == parent.id
    assert row["text"] == f"@{parent.account.acct} agreed"
    assert reply.id in [s.id for s in client.context(parent.id).descendants]


def test_same_idempotency_key_posts_once(client: MastodonClient, demo_server: DemoServer) -> None:
    def count() -> int:
        return server_rows(demo_server, "SELECT COUNT(*) AS n FROM statuses")[0]["n"]

    before = count()
    first = client.post_status("only once", idempotency_key="key-1")
    again = client.post_status("only once", idempotency_key="key-1")
    assert again.id == first.id and count() == before + 1
    other = client.post_status("only once", idempotency_key="key-2")
    assert other.id != first.id and count() == before + 2


def test_actions_return_the_original_with_new_state(
    client: MastodonClient, demo_server: DemoServer
) -> None:
    target = client.timeline(limit=1).items[0]

    faved = client.favourite(target.id)
    assert (faved.id, faved.favourited, faved.favourites_count) == (
        target.id, True, target.favourites_count + 1)
    assert server_rows(demo_server, "SELECT * FROM favourites WHERE status_id=?", int(target.id))
    unfaved = client.unfavourite(target.id)
    assert (unfaved.favourited, unfaved.favourites_count) == (False, target.favourites_count)

    boosted = client.reblog(target.id)
    assert boosted.id == target.id and boosted.reblog is None
    assert boosted.reblogged and boosted.reblogs_count == target.reblogs_count + 1
    assert client.timeline(limit=1).items[0].original.id == target.id  # the boost tops home
    unboosted = client.unreblog(target.id)
    assert not unboosted.reblogged and unboosted.reblogs_count == target.reblogs_count

    assert client.bookmark(target.id).bookmarked
    assert client.status(target.id).bookmarked
    assert not client.unbookmark(target.id).bookmarked
    assert not server_rows(demo_server, "SELECT * FROM bookmarks WHERE status_id=?",
                           int(target.id))
