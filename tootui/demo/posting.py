"""What happens on the instance when people act: accounts, posts, boosts,
favourites, bookmarks, follows, and the notifications they cause.

Every function takes an open transaction, so the seeders and the HTTP
handlers share one set of rules.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from tootui.demo.formatting import format_text
from tootui.demo.ids import now_ms, snowflake


@dataclass(frozen=True)
class Deleted:
    """A deleted status as it was, so streams can tell who had it."""

    row: dict[str, Any]
    tags: frozenset[str]
    mentioned: frozenset[int]


@dataclass
class Changes:
    """What a write did, for the streaming layer to announce after commit."""

    new_statuses: list[int] = field(default_factory=list)
    deleted_statuses: list[int] = field(default_factory=list)
    edited_statuses: list[int] = field(default_factory=list)
    notifications: list[int] = field(default_factory=list)
    deleted: dict[int, Deleted] = field(default_factory=dict)


def create_account(
    db: sqlite3.Connection,
    username: str,
    *,
    display_name: str = "",
    note: str = "",
    domain: str | None = None,
    url: str | None = None,
    avatar: str | None = None,
    bot: bool = False,
    created_ms: int | None = None,
) -> int:
    ms = now_ms() if created_ms is None else created_ms
    account_id = snowflake(ms)
    db.execute(
        "INSERT INTO accounts (id, username, domain, display_name, note, url, avatar, bot,"
        " created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (account_id, username, domain, display_name, note, url, avatar, int(bot), ms),
    )
    return account_id


def local_account_id(db: sqlite3.Connection, username: str) -> int | None:
    row = db.execute(
        "SELECT id FROM accounts WHERE username=? COLLATE NOCASE AND domain IS NULL", (username,)
    ).fetchone()
    return None if row is None else int(row["id"])


def follow(db: sqlite3.Connection, account_id: int, target_id: int, changes: Changes) -> None:
    cursor = db.execute(
        "INSERT OR IGNORE INTO follows (account_id, target_id) VALUES (?, ?)",
        (account_id, target_id),
    )
    if cursor.rowcount:
        _notify(db, target_id, account_id, "follow", None, changes)


def unfollow(db: sqlite3.Connection, account_id: int, target_id: int) -> None:
    db.execute("DELETE FROM follows WHERE account_id=? AND target_id=?", (account_id, target_id))


@dataclass
class NewStatus:
    """A post as its author sends it."""

    text: str
    in_reply_to_id: int | None = None
    visibility: str = "public"
    sensitive: bool = False
    spoiler_text: str = ""
    language: str | None = None
    media_ids: list[int] = field(default_factory=list)
    card: dict[str, Any] | None = None
    poll: dict[str, Any] | None = None
    app_name: str | None = "Web"


def create_status(
    db: sqlite3.Connection,
    account_id: int,
    post: NewStatus,
    changes: Changes,
    *,
    created_ms: int | None = None,
) -> int:
    """Post `post` as `account_id`; mentions of local users notify them."""
    formatted = format_text(post.text, lambda name: local_account_id(db, name) is not None)
    status_id = snowflake(created_ms)
    reply_account = None
    if post.in_reply_to_id is not None:
        parent = db.execute(
            "SELECT account_id FROM statuses WHERE id=?", (post.in_reply_to_id,)
        ).fetchone()
        reply_account = None if parent is None else parent["account_id"]
    db.execute(
        "INSERT INTO statuses (id, account_id, text, content, in_reply_to_id,"
        " in_reply_to_account_id, visibility, sensitive, spoiler_text, language, card, poll,"
        " app_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            status_id,
            account_id,
            post.text,
            formatted.html,
            post.in_reply_to_id,
            reply_account,
            post.visibility,
            int(post.sensitive or bool(post.spoiler_text)),
            post.spoiler_text,
            post.language,
            json.dumps(post.card, ensure_ascii=False) if post.card else None,
            json.dumps(post.poll, ensure_ascii=False) if post.poll else None,
            post.app_name,
        ),
    )
    for position, media_id in enumerate(post.media_ids):
        db.execute(
            "UPDATE media SET status_id=?, position=? WHERE id=? AND account_id=?",
            (status_id, position, media_id, account_id),
        )
    for username in formatted.mentions:
        mentioned = local_account_id(db, username)
        if mentioned is not None:
            db.execute(
                "INSERT OR IGNORE INTO mentions (status_id, account_id) VALUES (?, ?)",
                (status_id, mentioned),
            )
            _notify(db, mentioned, account_id, "mention", status_id, changes)
    for tag in formatted.tags:
        add_tag(db, status_id, tag)
    changes.new_statuses.append(status_id)
    return status_id


def add_tag(db: sqlite3.Connection, status_id: int, tag: str) -> None:
    """Tag a status (tags are stored lowercase, as Mastodon lists them)."""
    db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (tag.lower(),))
    db.execute(
        "INSERT OR IGNORE INTO status_tags (status_id, name) VALUES (?, ?)",
        (status_id, tag.lower()),
    )


def delete_status(db: sqlite3.Connection, status_id: int, changes: Changes) -> None:
    boosts = [
        r["id"] for r in db.execute("SELECT id FROM statuses WHERE reblog_of_id=?", (status_id,))
    ]
    for sid in [status_id, *boosts]:
        row = db.execute("SELECT * FROM statuses WHERE id=?", (sid,)).fetchone()
        if row is not None:
            changes.deleted[sid] = Deleted(
                dict(row),
                frozenset(r[0] for r in db.execute(
                    "SELECT name FROM status_tags WHERE status_id=?", (sid,))),
                frozenset(r[0] for r in db.execute(
                    "SELECT account_id FROM mentions WHERE status_id=?", (sid,))),
            )
        for table in ("mentions", "status_tags", "favourites", "bookmarks", "notifications"):
            db.execute(f"DELETE FROM {table} WHERE status_id=?", (sid,))
        db.execute("DELETE FROM media WHERE status_id=?", (sid,))
        db.execute("DELETE FROM statuses WHERE id=?", (sid,))
        changes.deleted_statuses.append(sid)


def favourite(db: sqlite3.Connection, account_id: int, status_id: int, changes: Changes) -> None:
    cursor = db.execute(
        "INSERT OR IGNORE INTO favourites (account_id, status_id) VALUES (?, ?)",
        (account_id, status_id),
    )
    if cursor.rowcount:
        _notify(db, _author(db, status_id), account_id, "favourite", status_id, changes)


def unfavourite(db: sqlite3.Connection, account_id: int, status_id: int) -> None:
    db.execute("DELETE FROM favourites WHERE account_id=? AND status_id=?", (account_id, status_id))


def bookmark(db: sqlite3.Connection, account_id: int, status_id: int) -> None:
    db.execute(
        "INSERT OR IGNORE INTO bookmarks (account_id, status_id) VALUES (?, ?)",
        (account_id, status_id),
    )


def unbookmark(db: sqlite3.Connection, account_id: int, status_id: int) -> None:
    db.execute("DELETE FROM bookmarks WHERE account_id=? AND status_id=?", (account_id, status_id))


def reblog(
    db: sqlite3.Connection,
    account_id: int,
    status_id: int,
    changes: Changes,
    *,
    visibility: str | None = None,
    created_ms: int | None = None,
) -> int:
    """Boost `status_id`; boosting twice returns the existing boost, as Mastodon does."""
    existing = db.execute(
        "SELECT id FROM statuses WHERE account_id=? AND reblog_of_id=?", (account_id, status_id)
    ).fetchone()
    if existing is not None:
        return int(existing["id"])
    original = db.execute("SELECT visibility FROM statuses WHERE id=?", (status_id,)).fetchone()
    wrapper_id = snowflake(created_ms)
    db.execute(
        "INSERT INTO statuses (id, account_id, reblog_of_id, visibility) VALUES (?, ?, ?, ?)",
        (wrapper_id, account_id, status_id, visibility or original["visibility"]),
    )
    changes.new_statuses.append(wrapper_id)
    _notify(db, _author(db, status_id), account_id, "reblog", status_id, changes)
    return wrapper_id


def unreblog(db: sqlite3.Connection, account_id: int, status_id: int, changes: Changes) -> None:
    for row in db.execute(
        "SELECT id FROM statuses WHERE account_id=? AND reblog_of_id=?", (account_id, status_id)
    ).fetchall():
        delete_status(db, row["id"], changes)


def _author(db: sqlite3.Connection, status_id: int) -> int:
    return int(db.execute("SELECT account_id FROM statuses WHERE id=?", (status_id,)).fetchone()[0])


def _notify(
    db: sqlite3.Connection,
    recipient: int,
    sender: int,
    kind: str,
    status_id: int | None,
    changes: Changes,
) -> None:
    if recipient == sender:
        return
    silenced = db.execute(
        "SELECT 1 FROM mutes WHERE account_id=:r AND target_id=:s"
        " UNION SELECT 1 FROM blocks WHERE account_id=:r AND target_id=:s",
        {"r": recipient, "s": sender},
    ).fetchone()
    if silenced:
        return
    remote = db.execute("SELECT domain FROM accounts WHERE id=?", (recipient,)).fetchone()
    if remote is None or remote["domain"] is not None:
        return
    cursor = db.execute(
        "INSERT INTO notifications (account_id, from_account_id, type, status_id, created_ms)"
        " VALUES (?, ?, ?, ?, ?)",
        (recipient, sender, kind, status_id, now_ms()),
    )
    changes.notifications.append(int(cursor.lastrowid or 0))
