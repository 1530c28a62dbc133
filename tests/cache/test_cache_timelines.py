"""Timelines keep page boundaries and gaps: what is cached is known to be consecutive."""

from __future__ import annotations

from tests.cache.conftest import make
from tootui.client.cache import Cache
from tootui.models import Page, Status


def _page(base: Status, newest: int, oldest: int, *, end: bool = False) -> Page:
    items = tuple(make(base, n) for n in range(newest, oldest - 1, -1))
    return Page(items=items, older=None if end else items[-1].id, newer=items[0].id)


def _ids(page: Page | None) -> list[str]:
    assert page is not None
    return [s.id for s in page.items]


def test_nothing_cached(cache: Cache) -> None:
    assert cache.timeline("home") is None
    assert cache.segments("home") == []


def test_older_pages_join_the_first(cache: Cache, base_status: Status) -> None:
    first = _page(base_status, 50, 41)
    cache.store_page("home", first)
    older = _page(base_status, 40, 31)
    cache.store_page("home", older, max_id=first.older)
    [segment] = cache.segments("home")
    assert segment.count == 20 and segment.older == older.older and segment.newer == first.newer
    page = cache.timeline("home")
    assert _ids(page) == _ids(first) + _ids(older)
    assert page is not None and page.older == older.older and page.newer == first.newer


def test_a_refresh_that_does_not_reach_the_cached_part_leaves_a_gap(
        cache: Cache, base_status: Status) -> None:
    cache.store_page("home", _page(base_status, 10, 1))
    fresh = _page(base_status, 90, 81)
    cache.store_page("home", fresh)
    top, below = cache.segments("home")
    assert (top.newest_id, top.oldest_id) == (fresh.items[0].id, fresh.items[-1].id)
    assert below.newest_id == make(base_status, 10).id
    # The first paint shows only the newest run: nothing across the gap.
    assert _ids(cache.timeline("home")) == _ids(fresh)
    # Filling the gap joins the runs again.
    cache.store_page("home", _page(base_status, 80, 8), max_id=fresh.older)
    [joined] = cache.segments("home")
    assert joined.count == 90 and joined.oldest_id == make(base_status, 1).id


def test_an_overlapping_refresh_extends_the_top(cache: Cache, base_status: Status) -> None:
    cache.store_page("home", _page(base_status, 20, 11))
    cache.store_page("home", _page(base_status, 25, 16))
    [segment] = cache.segments("home")
    assert segment.count == 15
    assert segment.older == make(base_status, 11).id


def test_newer_pages_extend_the_top(cache: Cache, base_status: Status) -> None:
    first = _page(base_status, 20, 11)
    cache.store_page("home", first)
    cache.store_page("home", _page(base_status, 24, 21), min_id=first.newer)
    [segment] = cache.segments("home")
    assert segment.newest_id == make(base_status, 24).id and segment.count == 14


def test_the_end_of_the_timeline_is_remembered(cache: Cache, base_status: Status) -> None:
    first = _page(base_status, 5, 1)
    cache.store_page("home", first)
    cache.store_page("home", Page(), max_id=first.older)
    [segment] = cache.segments("home")
    assert segment.reached_end and segment.older is None


def test_a_long_cached_timeline_is_read_a_slice_at_a_time(
        cache: Cache, base_status: Status) -> None:
    cache.store_page("home", _page(base_status, 100, 1))
    page = cache.timeline("home", limit=30)
    assert page is not None and len(page.items) == 30
    # The cursor to go on is the last id shown, which the cache maps back to
    # the same run when the server's next page arrives.
    assert page.older == make(base_status, 71).id
    cache.store_page("home", _page(base_status, 70, 61), max_id=page.older)
    assert len(cache.segments("home")) == 1


def test_timelines_are_separate(cache: Cache, base_status: Status) -> None:
    cache.store_page("home", _page(base_status, 10, 1))
    cache.store_page("public", _page(base_status, 30, 21))
    assert _ids(cache.timeline("home")) == _ids(_page(base_status, 10, 1))
    assert _ids(cache.timeline("public")) == _ids(_page(base_status, 30, 21))
