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


def _all_home(client: MastodonClient) -> list[str]:
    pager = TimelinePager(client, limit=40)
    seen = pager.first()
    while pager.has_older:
        seen += pager.older()
    return _ids(seen)


def test_refresh_fills_the_gap_down_to_what_was_shown(client: MastodonClient) -> None:
    shown = client.timeline(limit=4)  # what the cache painted last time
    for n in range(7):
        client.post_status(f"while away {n}")
    pager = TimelinePager(client, limit=3)
    joined = pager.refresh(shown)
    # Three pages of three reach the old top; the shown run follows, nothing missing.
    everything = _all_home(client)
    assert _ids(joined) == everything[:7 + 4]
    # Older pages go on from the shown run's own cursor.
    rest = []
    while pager.has_older:
        rest += pager.older()
    assert _ids(joined) + _ids(rest) == everything


def test_a_gap_too_wide_drops_the_shown_run_rather_than_skip_posts(
        client: MastodonClient) -> None:
    shown = client.timeline(limit=4)
    for n in range(14):
        client.post_status(f"while away {n}")
    pager = TimelinePager(client, limit=2)  # 1 + MAX_GAP_PAGES pages: 12 of 14 new
    joined = pager.refresh(shown)
    everything = _all_home(client)
    assert _ids(joined) == everything[:12]
    rest = []
    while pager.has_older:
        rest += pager.older()
    assert _ids(joined) + _ids(rest) == everything


def test_refresh_without_anything_shown_is_the_first_page(client: MastodonClient) -> None:
    pager = TimelinePager(client, limit=5)
    assert _ids(pager.refresh(None)) == _all_home(client)[:5]


def test_record_paged_timelines_never_join_by_status_id(client: MastodonClient) -> None:
    statuses = client.timeline(limit=9).items
    for status in reversed(statuses):
        client.bookmark(status.id)
    shown = client.timeline("bookmarks", limit=3)
    pager = TimelinePager(client, "bookmarks", limit=5)
    assert _ids(pager.refresh(shown)) == _ids(client.timeline("bookmarks", limit=5).items)
