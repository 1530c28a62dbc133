"""TimelinePager walks the demo's home timeline both ways."""

from __future__ import annotations

from tootui.client.api import MastodonClient
from tootui.client.pager import TimelinePager
from tootui.models import id_sort_key


def _ids(statuses: list) -> list[str]:
    return [s.id for s in statuses]


def test_first_then_older_to_the_end(client: MastodonClient) -> None:
    pager = TimelinePager(client, "home", limit=4)
    assert pager.has_older  # nothing loaded yet: there may be
    seen = pager.first()
    assert len(seen) == 4 and pager.has_older
    while pager.has_older:
        seen += pager.older()
    assert len(seen) == 9 and len(set(_ids(seen))) == 9
    assert _ids(seen) == sorted(_ids(seen), key=id_sort_key, reverse=True)
    assert pager.older() == []


def test_older_before_first_starts_at_the_top(client: MastodonClient) -> None:
    pager = TimelinePager(client, limit=3)
    assert _ids(pager.older()) == _ids(client.timeline(limit=3).items)


def test_newer_collects_everything_posted_since(client: MastodonClient) -> None:
    pager = TimelinePager(client, limit=2)
    pager.first()
    assert pager.newer() == []
    posted = [client.post_status(f"news {n}").id for n in range(5)]
    # Five new posts at two per page: the pager follows min_id pages until caught up.
    assert _ids(pager.newer()) == list(reversed(posted))
    assert pager.newer() == []
    latest = client.post_status("one more").id
    assert _ids(pager.newer()) == [latest]


def test_empty_timeline_then_newer(client: MastodonClient) -> None:
    pager = TimelinePager(client, "tag:nothing_tagged_like_this", limit=4)
    assert pager.first() == [] and not pager.has_older
    posted = client.post_status("now #nothing_tagged_like_this").id
    assert _ids(pager.newer()) == [posted]
