"""`Cache`: what the server last said, on disk, per profile.

Statuses (as API JSON, beside their rendered text), accounts, timelines with
their page boundaries and gaps, thread contexts, notifications (a list per
type filter), relationships and the instance's limits.
Reads are small indexed queries, cheap enough for the UI thread before the
first paint; writes happen in workers. A cache can always be lost: any
SQLite failure is logged and reads as a miss, a damaged file is rebuilt, and
the total size is kept under `max_bytes` by dropping what was stored longest
ago. It imports neither Mastodon.py nor the HTTP stack nor the renderer.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from tootui import paths
from tootui.client import cache_notifications, cache_timelines
from tootui.client.cache_db import open_cache_db
from tootui.client.cache_timelines import Segment
from tootui.client.convert import account_from_json, instance_from_json, status_from_json
from tootui.client.convert_entities import relationship_from_json
from tootui.client.encode import (
    account_to_json,
    instance_to_json,
    relationship_to_json,
    status_to_json,
)
from tootui.models import (
    Account,
    Context,
    InstanceInfo,
    NotificationPage,
    Page,
    Relationship,
    Status,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_MAX_BYTES = 64 * 1024 * 1024
# Pruning goes this far below the cap, so that it doesn't run on every write.
_PRUNE_TO = 0.8


class Cache:
    """One profile's cache file. Thread-safe; every method degrades to a miss."""

    def __init__(self, path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.path = path
        self.max_bytes = max_bytes
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        try:
            self._db = open_cache_db(path)
        except (sqlite3.Error, OSError) as error:
            log.warning("cache disabled, %s can't be made: %s", path.name, error)

    @classmethod
    def for_profile(cls, profile_name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Cache:
        return cls(paths.profile_cache_file(profile_name), max_bytes=max_bytes)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    def clear(self) -> None:
        """Forget everything (the server was reset, or the user asked)."""
        with self._lock:
            self.close()
            for suffix in ("", "-wal", "-shm"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            try:
                self._db = open_cache_db(self.path)
            except (sqlite3.Error, OSError) as error:
                log.warning("cache disabled: %s", error)

    # -- plumbing ------------------------------------------------------

    def _run(self, work: Callable[[sqlite3.Connection], T], default: T, *,
             write: bool = False) -> T:
        with self._lock:
            db = self._db
            if db is None:
                return default
            try:
                if not write:
                    return work(db)
                with _transaction(db):
                    return work(db)
            except sqlite3.OperationalError as error:
                # Locked past the busy timeout, disk full: this write is lost,
                # the cache stays as it was.
                log.warning("cache %s: %s", "write" if write else "read", error)
            except sqlite3.DatabaseError as error:
                log.warning("cache damaged (%s), rebuilding", error)
                self.clear()
            except (ValueError, TypeError) as error:  # a row that isn't JSON we wrote
                log.warning("cache row unreadable: %s", error)
            return default

    # -- statuses and accounts ----------------------------------------

    def put_statuses(self, statuses: Iterable[Status]) -> None:
        batch = list(statuses)
        if batch:
            self._run(lambda db: _put_statuses(db, batch), None, write=True)
            self.prune()

    def statuses(self, ids: Iterable[str]) -> dict[str, Status]:
        """The cached statuses among `ids`, by id (missing ones left out)."""
        wanted = list(ids)
        return self._run(lambda db: _get_statuses(db, wanted), {})

    def status(self, status_id: str) -> Status | None:
        return self.statuses([status_id]).get(status_id)

    def forget_status(self, status_id: str) -> None:
        """Drop a status the server deleted, with the boosts of it, from every view.

        The timelines' segments stay as they are: nothing is missing between
        their neighbours, so no gap is made.
        """
        def write(db: sqlite3.Connection) -> None:
            ids = [status_id, *(row[0] for row in db.execute(
                "SELECT id FROM statuses WHERE reblog_id = ?", (status_id,)))]
            marks = ",".join("?" * len(ids))
            db.execute(f"DELETE FROM entries WHERE status_id IN ({marks})", ids)
            db.execute(f"DELETE FROM contexts WHERE status_id IN ({marks})", ids)
            db.execute(f"DELETE FROM statuses WHERE id IN ({marks})", ids)

        self._run(write, None, write=True)

    def put_account(self, account: Account) -> None:
        self._run(lambda db: _put_accounts(db, [account]), None, write=True)

    def account(self, account_id: str) -> Account | None:
        def read(db: sqlite3.Connection) -> Account | None:
            row = db.execute("SELECT json FROM accounts WHERE id = ?", (account_id,)).fetchone()
            return account_from_json(json.loads(row[0])) if row else None
        return self._run(read, None)

    # -- rendered text -------------------------------------------------

    def put_rendered(self, renderings: dict[str, Any], context: str) -> None:
        """Store each status's rendering (`rendered_to_json`), made under `context`."""
        rows = [(json.dumps(data), context, status_id) for status_id, data in renderings.items()]
        self._run(lambda db: db.executemany(
            "UPDATE statuses SET rendered = ?, render_context = ? WHERE id = ?", rows),
            None, write=True)

    def rendered(self, ids: Iterable[str], context: str) -> dict[str, Any]:
        """Stored renderings made under `context` (language, local domain), by id."""
        wanted = list(ids)

        def read(db: sqlite3.Connection) -> dict[str, Any]:
            found: dict[str, Any] = {}
            for chunk in _chunks(wanted):
                marks = ",".join("?" * len(chunk))
                for status_id, data in db.execute(
                        f"SELECT id, rendered FROM statuses WHERE id IN ({marks}) "
                        "AND rendered IS NOT NULL AND render_context = ?", (*chunk, context)):
                    found[status_id] = json.loads(data)
            return found
        return self._run(read, {})

    # -- timelines -----------------------------------------------------

    def store_page(self, timeline: str, page: Page, *, max_id: str | None = None,
                   min_id: str | None = None) -> None:
        """Keep a page the server gave for `timeline` (fetched with these cursors)."""
        def write(db: sqlite3.Connection) -> None:
            _put_statuses(db, page.items)
            cache_timelines.store_page(db, timeline, page, max_id=max_id, min_id=min_id)
        self._run(write, None, write=True)
        self.prune()

    def timeline(self, timeline: str, *, limit: int = 200) -> Page | None:
        """The newest cached statuses of `timeline`, or None if nothing is cached."""
        def read(db: sqlite3.Connection) -> Page | None:
            found = cache_timelines.read_ids(db, timeline, limit)
            if found is None:
                return None
            ids, older, newer = found
            statuses = _get_statuses(db, ids)
            return Page(items=tuple(statuses[i] for i in ids if i in statuses),
                        older=older, newer=newer)
        return self._run(read, None)

    def segments(self, timeline: str) -> list[Segment]:
        """The timeline's cached runs, newest first: a gap lies between any two."""
        return self._run(lambda db: cache_timelines.segments(db, timeline), [])

    # -- notifications -------------------------------------------------

    def store_notifications(self, types: tuple[str, ...], page: NotificationPage, *,
                            max_id: str | None = None) -> None:
        """Keep a page of `types` notifications: a first page (no `max_id`) replaces
        the list, an older one extends it (see `cache_notifications`)."""
        self._run(lambda db: cache_notifications.store(db, types, page, max_id=max_id),
                  None, write=True)
        self.prune()

    def notifications(self, types: tuple[str, ...] = ()) -> NotificationPage | None:
        """The kept list of `types` notifications, newest first; None if there is none."""
        return self._run(lambda db: cache_notifications.read(db, types), None)

    # -- threads -------------------------------------------------------

    def put_context(self, status_id: str, context: Context) -> None:
        def write(db: sqlite3.Connection) -> None:
            _put_statuses(db, (*context.ancestors, *context.descendants))
            db.execute(
                "INSERT OR REPLACE INTO contexts (status_id, ancestors, descendants, fetched) "
                "VALUES (?, ?, ?, ?)",
                (status_id, json.dumps([s.id for s in context.ancestors]),
                 json.dumps([s.id for s in context.descendants]), time.time()))
        self._run(write, None, write=True)
        self.prune()

    def context(self, status_id: str) -> Context | None:
        """The cached thread around `status_id`; None if any part of it was pruned."""
        def read(db: sqlite3.Connection) -> Context | None:
            row = db.execute("SELECT ancestors, descendants FROM contexts WHERE status_id = ?",
                             (status_id,)).fetchone()
            if row is None:
                return None
            ancestors, descendants = json.loads(row[0]), json.loads(row[1])
            found = _get_statuses(db, [*ancestors, *descendants])
            if len(found) < len(set(ancestors) | set(descendants)):
                return None
            return Context(ancestors=tuple(found[i] for i in ancestors),
                           descendants=tuple(found[i] for i in descendants))
        return self._run(read, None)

    # -- instance and small values -------------------------------------

    def put_instance(self, info: InstanceInfo) -> None:
        self._run(lambda db: db.execute(
            "INSERT OR REPLACE INTO instance (id, json, fetched) VALUES (1, ?, ?)",
            (json.dumps(instance_to_json(info)), time.time())), None, write=True)

    def instance(self) -> InstanceInfo | None:
        def read(db: sqlite3.Connection) -> InstanceInfo | None:
            row = db.execute("SELECT json FROM instance WHERE id = 1").fetchone()
            return instance_from_json(json.loads(row[0])) if row else None
        return self._run(read, None)

    def put_relationship(self, relationship: Relationship) -> None:
        if not relationship.id:
            return
        self._run(lambda db: db.execute(
            "INSERT OR REPLACE INTO relationships (account_id, json, fetched) VALUES (?, ?, ?)",
            (relationship.id, json.dumps(relationship_to_json(relationship)), time.time())),
            None, write=True)

    def relationship(self, account_id: str) -> Relationship | None:
        def read(db: sqlite3.Connection) -> Relationship | None:
            row = db.execute("SELECT json FROM relationships WHERE account_id = ?",
                             (account_id,)).fetchone()
            return relationship_from_json(json.loads(row[0])) if row else None
        return self._run(read, None)

    def set_meta(self, key: str, value: str) -> None:
        self._run(lambda db: db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value)),
            None, write=True)

    def meta(self, key: str) -> str | None:
        def read(db: sqlite3.Connection) -> str | None:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            return str(row[0]) if row else None
        return self._run(read, None)

    # -- size ------------------------------------------------------------

    def size(self) -> int:
        """Bytes of status and notification data held (what the cap counts)."""
        return self._run(_size, 0)

    def prune(self) -> None:
        """Drop the statuses and notification lists stored longest ago until the
        cache is under its cap."""
        if self.size() <= self.max_bytes:
            return
        self._run(lambda db: _prune(db, int(self.max_bytes * _PRUNE_TO)), None, write=True)


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def _put_accounts(db: sqlite3.Connection, accounts: Iterable[Account]) -> None:
    now = time.time()
    db.executemany("INSERT OR REPLACE INTO accounts (id, json, touched) VALUES (?, ?, ?)",
                   [(a.id, json.dumps(account_to_json(a)), now) for a in accounts if a.id])


def _put_statuses(db: sqlite3.Connection, statuses: Iterable[Status]) -> None:
    now = time.time()
    rows: dict[str, tuple[str, str | None]] = {}
    for status in statuses:
        if status.reblog is not None:
            rows[status.reblog.id] = (json.dumps(status_to_json(status.reblog)), None)
        rows[status.id] = (json.dumps(status_to_json(status, with_reblog=False)),
                           status.reblog.id if status.reblog is not None else None)
    for status_id, (data, reblog_id) in rows.items():
        # A changed status (edited, counts) makes its stored rendering and
        # its boosts' renderings stale; an unchanged one keeps them.
        changed = db.execute(
            "INSERT INTO statuses (id, json, reblog_id, size, touched) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET json = excluded.json, "
            "reblog_id = excluded.reblog_id, size = excluded.size, touched = excluded.touched, "
            "rendered = CASE WHEN statuses.json = excluded.json THEN statuses.rendered END "
            "RETURNING rendered IS NULL", (status_id, data, reblog_id, len(data), now)
        ).fetchone()
        if changed and changed[0]:
            db.execute("UPDATE statuses SET rendered = NULL WHERE reblog_id = ?", (status_id,))
    _put_accounts(db, {s.account.id: s.account for s in _with_originals(statuses)}.values())


def _with_originals(statuses: Iterable[Status]) -> Iterator[Status]:
    for status in statuses:
        yield status
        if status.reblog is not None:
            yield status.reblog


def _get_statuses(db: sqlite3.Connection, ids: list[str]) -> dict[str, Status]:
    rows: dict[str, tuple[str, str | None]] = {}
    pending = list(dict.fromkeys(ids))
    # Two rounds: the statuses, then the originals of the boosts among them.
    for _round in range(2):
        for chunk in _chunks([i for i in pending if i not in rows]):
            marks = ",".join("?" * len(chunk))
            for status_id, data, reblog_id in db.execute(
                    f"SELECT id, json, reblog_id FROM statuses WHERE id IN ({marks})", chunk):
                rows[status_id] = (data, reblog_id)
        pending = [r for _d, r in rows.values() if r is not None and r not in rows]
        if not pending:
            break
    found: dict[str, Status] = {}
    boosted = {r for _d, r in rows.values() if r is not None}
    for status_id in ids:
        if status_id not in rows:
            continue
        # Each JSON text goes once read (unless a boost still needs it): a long
        # timeline never holds all its texts and all its statuses at once.
        data_text, reblog_id = rows[status_id] if status_id in boosted else rows.pop(status_id)
        data = json.loads(data_text)
        if reblog_id is not None:
            original = rows.get(reblog_id)
            if original is None:
                continue  # the boosted original was pruned: the boost is gone too
            data["reblog"] = json.loads(original[0])
        found[status_id] = status_from_json(data)
    return found


def _size(db: sqlite3.Connection) -> int:
    return int(db.execute(
        "SELECT (SELECT coalesce(sum(size), 0) FROM statuses) + "
        "(SELECT coalesce(sum(size), 0) FROM notification_lists)").fetchone()[0])


def _prune(db: sqlite3.Connection, target: int) -> None:
    total = _size(db)
    doomed: list[str] = []
    lists: list[str] = []
    # Statuses and notification lists in one queue, by when they were stored.
    for kind, key, size, _touched in db.execute(
            "SELECT 's', id, size, touched FROM statuses UNION ALL "
            "SELECT 'n', types, size, touched FROM notification_lists ORDER BY 4, 2"):
        if total <= target:
            break
        (doomed if kind == "s" else lists).append(key)
        total -= int(size)
    db.executemany("DELETE FROM notification_lists WHERE types = ?", [(k,) for k in lists])
    # A boost without its original can't be shown: it goes with it.
    for chunk in _chunks(list(doomed)):
        marks = ",".join("?" * len(chunk))
        doomed.extend(row[0] for row in db.execute(
            f"SELECT id FROM statuses WHERE reblog_id IN ({marks})", chunk))
    doomed = list(dict.fromkeys(doomed))
    cache_timelines.cut_segments_at(db, doomed)
    for chunk in _chunks(doomed):
        marks = ",".join("?" * len(chunk))
        db.execute(f"DELETE FROM statuses WHERE id IN ({marks})", chunk)
        db.execute(f"DELETE FROM entries WHERE status_id IN ({marks})", chunk)
        db.execute(f"DELETE FROM contexts WHERE status_id IN ({marks})", chunk)
    log.info("cache pruned %d statuses, %d notification lists", len(doomed), len(lists))
