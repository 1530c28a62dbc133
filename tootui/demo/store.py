"""The demo instance's SQLite database: schema, connection and transactions.

One connection is shared by the server's event loop and by test code calling
`DemoServer.create_token`, so every use goes through `Store.tx()`, which holds
a lock and commits (or rolls back) as a unit.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_VERSION = 7

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS accounts (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    domain TEXT,
    display_name TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    url TEXT,
    avatar TEXT,
    bot INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    UNIQUE (username, domain)
);
CREATE UNIQUE INDEX IF NOT EXISTS accounts_local ON accounts (username) WHERE domain IS NULL;
CREATE TABLE IF NOT EXISTS follows (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    target_id INTEGER NOT NULL,
    UNIQUE (account_id, target_id)
);
CREATE TABLE IF NOT EXISTS apps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    website TEXT,
    scopes TEXT NOT NULL,
    redirect_uris TEXT NOT NULL,
    client_id TEXT NOT NULL UNIQUE,
    client_secret TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS auth_codes (
    code TEXT PRIMARY KEY,
    app_id INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    redirect_uri TEXT NOT NULL,
    scopes TEXT NOT NULL,
    code_challenge TEXT,
    used INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    app_id INTEGER,
    account_id INTEGER,
    scopes TEXT NOT NULL,
    created_s INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS statuses (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    in_reply_to_id INTEGER,
    in_reply_to_account_id INTEGER,
    reblog_of_id INTEGER,
    visibility TEXT NOT NULL DEFAULT 'public',
    sensitive INTEGER NOT NULL DEFAULT 0,
    spoiler_text TEXT NOT NULL DEFAULT '',
    language TEXT,
    card TEXT,
    poll TEXT,
    url TEXT,
    uri TEXT,
    app_name TEXT,
    app_website TEXT,
    edited_ms INTEGER,
    pinned INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS statuses_account ON statuses (account_id, id);
CREATE INDEX IF NOT EXISTS statuses_reply ON statuses (in_reply_to_id);
CREATE INDEX IF NOT EXISTS statuses_reblog ON statuses (reblog_of_id, account_id);
CREATE TABLE IF NOT EXISTS media (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL,
    status_id INTEGER,
    type TEXT NOT NULL DEFAULT 'image',
    file TEXT,
    remote_url TEXT,
    description TEXT,
    meta TEXT,
    blurhash TEXT,
    position INTEGER NOT NULL DEFAULT 0,
    processing INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS media_status ON media (status_id, position);
CREATE TABLE IF NOT EXISTS mentions (
    status_id INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    PRIMARY KEY (status_id, account_id)
);
CREATE INDEX IF NOT EXISTS mentions_account ON mentions (account_id, status_id);
CREATE TABLE IF NOT EXISTS status_tags (
    status_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (status_id, name)
);
CREATE INDEX IF NOT EXISTS status_tags_name ON status_tags (name, status_id);
CREATE TABLE IF NOT EXISTS favourites (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    status_id INTEGER NOT NULL,
    UNIQUE (account_id, status_id)
);
CREATE INDEX IF NOT EXISTS favourites_status ON favourites (status_id);
CREATE TABLE IF NOT EXISTS bookmarks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    status_id INTEGER NOT NULL,
    UNIQUE (account_id, status_id)
);
CREATE TABLE IF NOT EXISTS idempotency (
    account_id INTEGER NOT NULL,
    key TEXT NOT NULL,
    status_id INTEGER NOT NULL,
    PRIMARY KEY (account_id, key)
);
CREATE TABLE IF NOT EXISTS notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    from_account_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    status_id INTEGER,
    created_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS notifications_account ON notifications (account_id, id);
CREATE TABLE IF NOT EXISTS status_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    status_id INTEGER NOT NULL,
    created_ms INTEGER NOT NULL,
    content TEXT NOT NULL,
    spoiler_text TEXT NOT NULL,
    sensitive INTEGER NOT NULL,
    poll TEXT
);
CREATE INDEX IF NOT EXISTS status_edits_status ON status_edits (status_id, id);
CREATE TABLE IF NOT EXISTS poll_votes (
    status_id INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    choice INTEGER NOT NULL,
    PRIMARY KEY (status_id, account_id, choice)
);
CREATE TABLE IF NOT EXISTS tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS followed_tags (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    tag_id INTEGER NOT NULL,
    UNIQUE (account_id, tag_id)
);
CREATE TABLE IF NOT EXISTS lists (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    replies_policy TEXT NOT NULL DEFAULT 'list',
    exclusive INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS list_accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    list_id INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    UNIQUE (list_id, account_id)
);
CREATE TABLE IF NOT EXISTS filters (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    context TEXT NOT NULL,
    expires_ms INTEGER,
    action TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS filter_keywords (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    filter_id INTEGER NOT NULL,
    keyword TEXT NOT NULL,
    whole_word INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS scheduled_statuses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    scheduled_ms INTEGER NOT NULL,
    params TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mutes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    target_id INTEGER NOT NULL,
    UNIQUE (account_id, target_id)
);
CREATE TABLE IF NOT EXISTS blocks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL,
    target_id INTEGER NOT NULL,
    UNIQUE (account_id, target_id)
);
CREATE TABLE IF NOT EXISTS conversation_state (
    account_id INTEGER NOT NULL,
    conversation_id INTEGER NOT NULL,
    read_upto INTEGER NOT NULL DEFAULT 0,
    hidden INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, conversation_id)
);
CREATE TABLE IF NOT EXISTS markers (
    account_id INTEGER NOT NULL,
    timeline TEXT NOT NULL,
    last_read_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (account_id, timeline)
);
"""


class Store:
    """The database file and the lock that serialises access to it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._conn = self._open(path)
        found = self._schema_version()
        if found is not None and found != SCHEMA_VERSION:
            # Demo data is disposable: a database from another version starts afresh.
            self._conn.close()
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            self._conn = self._open(path)
        # WAL lets a test read `db_path` with its own connection while we write.
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute("PRAGMA synchronous=NORMAL")
        self._conn.executescript(_SCHEMA)
        row = self._conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        if row is None:
            self._conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),)
            )

    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        conn.row_factory = sqlite3.Row
        return conn

    def _schema_version(self) -> int | None:
        try:
            row = self._conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
        except sqlite3.OperationalError:
            return None
        return None if row is None else int(row[0])

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one transaction, holding the lock."""
        with self._lock:
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def get_meta(self, key: str) -> str | None:
        with self.tx() as db:
            row = db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row["value"])

    def set_meta(self, key: str, value: str) -> None:
        with self.tx() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        with self._lock:
            self._conn.close()
