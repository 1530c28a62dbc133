"""Notifications in the cache: one list per type filter, replaced by a first page,
extended by the older page that continues it, and counted by the size cap."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from tests.cache.conftest import make
from tootui.client.cache import Cache
from tootui.models import Notification, NotificationPage, Page, Status


def group(key: str, kind: str, status: Status | None, count: int = 1,
          newest: str = "") -> Notification:
    who = status.account if status is not None else None
    accounts = (who,) if who is not None else ()
    return Notification(id=key, type=kind, accounts=accounts, count=count, status=status,
                        created_at=datetime(2026, 3, 1, 12, 0, tzinfo=UTC), group_key=key,
                        newest_id=newest or key)


def test_groups_read_back_as_they_were_stored(cache: Cache, base_status: Status,
                                              boost_status: Status) -> None:
    page = NotificationPage(items=(
        group("favourite-1", "favourite", make(base_status, 3), count=4, newest="90"),
        group("reblog-2", "reblog", boost_status, newest="80"),
        group("follow-3", "follow", None),
    ), older="70", newer="90")
    cache.store_notifications((), page)
    assert cache.notifications(()) == page


def test_each_filter_keeps_its_own_list(cache: Cache, base_status: Status) -> None:
    everything = NotificationPage(items=(group("a", "favourite", make(base_status, 1)),))
    mentions = NotificationPage(items=(group("m", "mention", make(base_status, 2)),))
    cache.store_notifications((), everything)
    cache.store_notifications(("mention",), mentions)
    assert cache.notifications(()) == everything
    assert cache.notifications(("mention",)) == mentions
    assert cache.notifications(("follow", "follow_request")) is None


def test_a_first_page_replaces_the_list_and_an_older_one_continues_it(
        cache: Cache, base_status: Status) -> None:
    post = make(base_status, 1)
    cache.store_notifications((), NotificationPage(
        items=(group("fav", "favourite", post, count=2, newest="20"),
               group("m1", "mention", make(base_status, 2), newest="10")),
        older="10", newer="20"))
    # The favourite group grew and moved up; a new mention came first.
    fresh = (group("m3", "mention", make(base_status, 3), newest="40"),
             group("fav", "favourite", post, count=3, newest="30"))
    cache.store_notifications((), NotificationPage(items=fresh, older="30", newer="40"))
    assert cache.notifications(()) == NotificationPage(items=fresh, older="30", newer="40")
    older = (group("m1", "mention", make(base_status, 2), newest="10"),)
    # A page that does not continue the list (another cursor) would leave a hole.
    cache.store_notifications((), NotificationPage(items=older, older="5"), max_id="99")
    assert len(cache.notifications(()).items) == 2  # type: ignore[union-attr]
    cache.store_notifications((), NotificationPage(items=older, older=None), max_id="30")
    kept = cache.notifications(())
    assert kept is not None
    assert [n.id for n in kept.items] == ["m3", "fav", "m1"]
    assert (kept.older, kept.newer) == (None, "40")


def test_the_size_cap_counts_notifications_and_drops_the_oldest_list(
        tmp_path: Path, base_status: Status) -> None:
    cache = Cache(tmp_path / "c.sqlite3", max_bytes=10**9)
    old = tuple(group(f"g{n}", "mention", make(base_status, n)) for n in range(30))
    cache.store_notifications(("mention",), NotificationPage(items=old))
    listed = cache.size()
    assert listed > 0  # the list alone counts
    cache.store_notifications((), NotificationPage(items=old[:2]))
    cache.max_bytes = cache.size() + listed // 3
    new = tuple(make(base_status, n) for n in range(200, 170, -1))
    cache.store_page("home", Page(items=new, older=new[-1].id))
    assert cache.size() <= cache.max_bytes
    assert cache.notifications(("mention",)) is None  # stored first, dropped first
    assert cache.notifications(()) is not None
    assert len(cache.statuses([s.id for s in new])) == len(new)
    cache.close()


def test_a_file_of_the_previous_schema_gets_the_notifications_table(tmp_path: Path,
                                                                     base_status: Status) -> None:
    path = tmp_path / "c.sqlite3"
    old = sqlite3.connect(path)
    old.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    old.execute("PRAGMA user_version = 2")
    old.commit()
    old.close()
    cache = Cache(path)
    page = NotificationPage(items=(group("a", "favourite", make(base_status, 1)),))
    cache.store_notifications((), page)
    assert cache.notifications(()) == page
    cache.close()
