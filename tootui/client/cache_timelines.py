"""Timelines in the cache: segments of consecutive statuses, and the gaps between.

A page the server gives is consecutive: nothing was left out between its
statuses. Pages that touch (share a status, or one was fetched with the
other's cursor) join into one *segment*; a refresh after a long time away
that doesn't reach what was cached before starts a new segment, and the space
between the two is a *gap* the user can fill later. Each segment keeps the
server's own cursors at its ends (opaque, from the Link header).
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass

from tootui.models import Page


def sort_key(status_id: str) -> str:
    """`models.id_sort_key` as text, so SQLite orders ids the way Mastodon does."""
    return f"{len(status_id):04d}:{status_id}"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of consecutive statuses; `older`/`newer` are the server's cursors."""

    id: int
    newest_id: str
    oldest_id: str
    count: int
    older: str | None
    newer: str | None
    reached_end: bool


@dataclass
class _Run:
    low: str
    high: str
    older: str | None
    newer: str | None
    reached_end: bool


def segments(db: sqlite3.Connection, timeline: str) -> list[Segment]:
    """The timeline's segments, newest first; a gap lies between any two."""
    rows = db.execute(
        "SELECT s.id, max(e.sort_key), min(e.sort_key), count(*), s.older, s.newer, "
        "s.reached_end FROM segments s JOIN entries e ON e.segment = s.id "
        "WHERE s.timeline = ? GROUP BY s.id ORDER BY max(e.sort_key) DESC", (timeline,)
    ).fetchall()
    return [Segment(row[0], row[1].split(":", 1)[1], row[2].split(":", 1)[1], row[3],
                    row[4], row[5], bool(row[6])) for row in rows]


def _run_of(db: sqlite3.Connection, segment: int) -> _Run:
    low, high = db.execute("SELECT min(sort_key), max(sort_key) FROM entries WHERE segment = ?",
                           (segment,)).fetchone()
    older, newer, end = db.execute(
        "SELECT older, newer, reached_end FROM segments WHERE id = ?", (segment,)).fetchone()
    return _Run(low or "", high or "", older, newer, bool(end))


def _target(db: sqlite3.Connection, timeline: str, max_id: str | None,
            min_id: str | None) -> int | None:
    """The segment a page fetched with this cursor continues."""
    for column, cursor in (("older", max_id), ("newer", min_id)):
        if cursor is None:
            continue
        row = db.execute(f"SELECT id FROM segments WHERE timeline = ? AND {column} = ? "
                         "ORDER BY fetched DESC LIMIT 1", (timeline, cursor)).fetchone()
        if row is None:
            # A cursor the cache made up from a status id (see `read_page`).
            row = db.execute("SELECT segment FROM entries WHERE timeline = ? AND status_id = ?",
                             (timeline, cursor)).fetchone()
        if row is not None:
            return int(row[0])
    return None


def store_page(db: sqlite3.Connection, timeline: str, page: Page, *,
               max_id: str | None = None, min_id: str | None = None) -> None:
    """Record `page` (its statuses are already stored) in the timeline's segments.

    Call inside a transaction.
    """
    now = time.time()
    ids = [s.id for s in page.items]
    keys = [sort_key(i) for i in ids]
    target = _target(db, timeline, max_id, min_id)
    if not ids:
        if target is not None and max_id is not None:
            db.execute("UPDATE segments SET older = NULL, reached_end = 1 WHERE id = ?",
                       (target,))
        return
    marks = ",".join("?" * len(ids))
    touching = {int(row[0]) for row in db.execute(
        f"SELECT DISTINCT segment FROM entries WHERE timeline = ? AND status_id IN ({marks})",
        (timeline, *ids))}
    if target is not None:
        touching.add(target)
    runs = [_run_of(db, s) for s in touching]
    runs.append(_Run(min(keys), max(keys), page.older, page.newer,
                     page.older is None and (max_id is not None or len(touching) == 0)))
    oldest = min(runs, key=lambda r: r.low)
    newest = max(runs, key=lambda r: r.high)
    if touching:
        keep = max(touching)
        db.execute("UPDATE segments SET older = ?, newer = ?, reached_end = ?, fetched = ? "
                   "WHERE id = ?", (oldest.older, newest.newer, int(oldest.reached_end),
                                   now, keep))
        others = touching - {keep}
        if others:
            other_marks = ",".join("?" * len(others))
            db.execute(f"UPDATE entries SET segment = ? WHERE segment IN ({other_marks})",
                       (keep, *others))
            db.execute(f"DELETE FROM segments WHERE id IN ({other_marks})", tuple(others))
    else:
        keep = int(db.execute(
            "INSERT INTO segments (timeline, older, newer, reached_end, fetched) "
            "VALUES (?, ?, ?, ?, ?)",
            (timeline, page.older, page.newer, int(oldest.reached_end), now)).lastrowid or 0)
    db.executemany(
        "INSERT INTO entries (timeline, status_id, sort_key, segment) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (timeline, status_id) DO UPDATE SET segment = excluded.segment",
        [(timeline, i, k, keep) for i, k in zip(ids, keys, strict=True)])


def read_ids(db: sqlite3.Connection, timeline: str,
             limit: int) -> tuple[list[str], str | None, str | None] | None:
    """The newest segment's first `limit` ids and the cursors to continue it."""
    found = segments(db, timeline)
    if not found:
        return None
    top = found[0]
    ids = [row[0] for row in db.execute(
        "SELECT status_id FROM entries WHERE segment = ? ORDER BY sort_key DESC LIMIT ?",
        (top.id, limit))]
    older = top.older
    if top.count > len(ids):
        # More is cached than asked for: the last id shown is where to go on
        # (Mastodon's cursors are status ids; `_target` maps it back).
        older = ids[-1]
    return ids, older, top.newer


def cut_segments_at(db: sqlite3.Connection, status_ids: list[str]) -> None:
    """Statuses are being pruned: each segment holding one keeps only what is newer.

    A segment must stay consecutive, so nothing older than a removed status
    may remain in it.
    """
    if not status_ids:
        return
    marks = ",".join("?" * len(status_ids))
    cuts = db.execute(f"SELECT segment, max(sort_key) FROM entries WHERE status_id IN ({marks}) "
                      "GROUP BY segment", tuple(status_ids)).fetchall()
    for segment, key in cuts:
        db.execute("DELETE FROM entries WHERE segment = ? AND sort_key <= ?", (segment, key))
        row = db.execute("SELECT status_id FROM entries WHERE segment = ? "
                         "ORDER BY sort_key LIMIT 1", (segment,)).fetchone()
        if row is None:
            db.execute("DELETE FROM segments WHERE id = ?", (segment,))
        else:
            db.execute("UPDATE segments SET older = ?, reached_end = 0 WHERE id = ?",
                       (row[0], segment))
