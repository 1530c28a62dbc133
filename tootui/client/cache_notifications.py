"""Notifications in the cache: the newest pages of each type filter, as one list.

Unlike a timeline's statuses, notification groups (Mastodon 4.3+) change as
notifications arrive: a group gains members, its count grows, it moves to the
top. Pages of groups fetched at different times can't be joined by id, so each
filter keeps one list: a first page replaces it whole, and an older page is
added only when it continues that list (fetched with its `older` cursor). A
page of newer ones (`min_id`) is not stored: its groups count only that
page's notifications, and the next refresh replaces the list anyway.

Each filter has its own list, because the server pages each filter on its
own: the mentions of a mentions-only page may be older than anything in the
unfiltered first page, so filtering that page here would show a list with
holes in it.
"""

from __future__ import annotations

import json
import sqlite3
import time

from tootui.client.convert_notifications import cached_notification_from_json
from tootui.client.encode import notification_to_json
from tootui.models import NotificationPage


def filter_key(types: tuple[str, ...]) -> str:
    return ",".join(types)


def store(db: sqlite3.Connection, types: tuple[str, ...], page: NotificationPage, *,
          max_id: str | None) -> None:
    """Keep a page the server gave for `types`, fetched with `max_id` (None: the first).

    Call inside a transaction.
    """
    key = filter_key(types)
    fresh = [notification_to_json(n) for n in page.items]
    newer = page.newer
    if max_id is not None:
        row = db.execute("SELECT json, older, newer FROM notification_lists WHERE types = ?",
                         (key,)).fetchone()
        if row is None or row[1] != max_id:
            return  # not the continuation of the list kept: it would leave a hole
        kept = json.loads(row[0])
        seen = {item.get("id") for item in kept}
        fresh = kept + [item for item in fresh if item["id"] not in seen]
        newer = row[2]
    data = json.dumps(fresh)
    db.execute("INSERT OR REPLACE INTO notification_lists "
               "(types, json, older, newer, size, touched) VALUES (?, ?, ?, ?, ?, ?)",
               (key, data, page.older, newer, len(data), time.time()))


def read(db: sqlite3.Connection, types: tuple[str, ...]) -> NotificationPage | None:
    row = db.execute("SELECT json, older, newer FROM notification_lists WHERE types = ?",
                     (filter_key(types),)).fetchone()
    if row is None:
        return None
    found = (cached_notification_from_json(item) for item in json.loads(row[0])
             if isinstance(item, dict))
    return NotificationPage(items=tuple(n for n in found if n is not None),
                            older=row[1], newer=row[2])
