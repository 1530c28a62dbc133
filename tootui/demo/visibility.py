"""Who may see a status: Mastodon answers 404 for what you may not see."""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Mapping
from typing import Any

# The SQL twin of `can_see`, for timelines: `s` is the statuses row, :me the viewer.
VISIBLE_SQL = (
    "(s.visibility IN ('public', 'unlisted')"
    " OR s.account_id = :me"
    " OR (s.visibility = 'private' AND EXISTS (SELECT 1 FROM follows f"
    "     WHERE f.account_id = :me AND f.target_id = s.account_id))"
    " OR EXISTS (SELECT 1 FROM mentions m WHERE m.status_id = s.id AND m.account_id = :me))"
)


def can_see(
    db: sqlite3.Connection,
    viewer_id: int | None,
    row: sqlite3.Row | Mapping[str, Any],
    *,
    mentioned: Collection[int] | None = None,
) -> bool:
    """`mentioned` stands in for the mentions table (for a deleted status)."""
    if row["visibility"] in ("public", "unlisted") or row["account_id"] == viewer_id:
        return True
    if viewer_id is None:
        return False
    if (
        row["visibility"] == "private"
        and db.execute(
            "SELECT 1 FROM follows WHERE account_id=? AND target_id=?",
            (viewer_id, row["account_id"]),
        ).fetchone()
    ):
        return True
    if mentioned is not None:
        return viewer_id in mentioned
    return bool(
        db.execute(
            "SELECT 1 FROM mentions WHERE status_id=? AND account_id=?", (row["id"], viewer_id)
        ).fetchone()
    )


def visible_status(
    db: sqlite3.Connection, viewer_id: int | None, status_id: int | None
) -> sqlite3.Row | None:
    """The row if it exists and the viewer may see it."""
    if status_id is None:
        return None
    row = db.execute("SELECT * FROM statuses WHERE id=?", (status_id,)).fetchone()
    if row is None or not can_see(db, viewer_id, row):
        return None
    return row
