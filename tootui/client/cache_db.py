"""The cache's SQLite file: opening it safely, its schema, and rebuilding it.

One file per profile (`paths.profile_cache_file`). The schema version lives in
`PRAGMA user_version`; a file of another version, or one SQLite can't read, is
thrown away and built again, because the cache only ever holds copies of what
the server has (what the user wrote lives in the data dir, never here). WAL and
a busy timeout let two tootui processes on one profile share the file: readers
don't block the writer, and a writer waits for the other instead of failing.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from tootui import paths

log = logging.getLogger(__name__)

SCHEMA_VERSION = 3
# Long enough for the other process to finish a page write, short enough that
# a stuck peer shows up as a cache miss rather than a frozen worker.
BUSY_TIMEOUT_MS = 5000

_SCHEMA = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
-- One row per status: a boost's row refers to its original by `reblog_id`
-- (the original has its own row), so a favourite updates both views of it.
CREATE TABLE statuses (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    reblog_id TEXT,
    rendered TEXT,
    render_context TEXT,
    size INTEGER NOT NULL,
    touched REAL NOT NULL
);
CREATE INDEX statuses_touched ON statuses (touched);
CREATE INDEX statuses_reblog ON statuses (reblog_id);
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    touched REAL NOT NULL
);
-- A timeline is a list of segments: runs of statuses the server gave as
-- consecutive pages. Between two segments lies a gap nobody has fetched.
CREATE TABLE segments (
    id INTEGER PRIMARY KEY,
    timeline TEXT NOT NULL,
    older TEXT,
    newer TEXT,
    reached_end INTEGER NOT NULL DEFAULT 0,
    fetched REAL NOT NULL
);
CREATE INDEX segments_timeline ON segments (timeline);
CREATE TABLE entries (
    timeline TEXT NOT NULL,
    status_id TEXT NOT NULL,
    sort_key TEXT NOT NULL,
    segment INTEGER NOT NULL REFERENCES segments (id) ON DELETE CASCADE,
    PRIMARY KEY (timeline, status_id)
);
CREATE INDEX entries_order ON entries (timeline, sort_key);
CREATE INDEX entries_status ON entries (status_id);
CREATE TABLE contexts (
    status_id TEXT PRIMARY KEY,
    ancestors TEXT NOT NULL,
    descendants TEXT NOT NULL,
    fetched REAL NOT NULL
);
CREATE TABLE instance (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    json TEXT NOT NULL,
    fetched REAL NOT NULL
);
-- How the user stands towards an account (following, muting, blocking).
CREATE TABLE relationships (
    account_id TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    fetched REAL NOT NULL
);
-- The first pages of notifications, one list per type filter ('' for all,
-- else the types joined by ','), newest first: groups change as
-- notifications arrive, so a list is replaced whole, never joined by id.
CREATE TABLE notification_lists (
    types TEXT PRIMARY KEY,
    json TEXT NOT NULL,
    older TEXT,
    newer TEXT,
    size INTEGER NOT NULL,
    touched REAL NOT NULL
);
"""


def _connect(path: Path) -> sqlite3.Connection:
    # Made 0600 before SQLite opens it: its -wal and -shm files copy that mode.
    paths.create_private_file(path)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000,
                                 check_same_thread=False, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    # WAL with NORMAL loses at most the last commits on power loss, never
    # consistency; that is enough for a cache and much cheaper per write.
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _usable(connection: sqlite3.Connection) -> bool:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        return False
    tables = {row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return {"meta", "statuses", "accounts", "segments", "entries", "contexts",
            "instance", "relationships", "notification_lists"} <= tables


def _create(connection: sqlite3.Connection) -> None:
    connection.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have built it while we waited for the lock.
        if _usable(connection):
            connection.execute("COMMIT")
            return
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        connection.execute("PRAGMA foreign_keys = OFF")
        for table in tables:
            connection.execute(f'DROP TABLE IF EXISTS "{table}"')
        for statement in _SCHEMA.split(";"):
            if statement.strip():
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    finally:
        connection.execute("PRAGMA foreign_keys = ON")


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def open_cache_db(path: Path) -> sqlite3.Connection:
    """A connection to a cache file of the current schema, rebuilding it if needed.

    Never raises for a broken file: an unreadable one is deleted and made
    again. It raises `sqlite3.Error` only when even a new file can't be made
    (a read-only or full disk); the caller then runs without a cache.
    """
    connection: sqlite3.Connection | None = None
    try:
        connection = _connect(path)
        if not _usable(connection):
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            log.info("cache %s: %s", path.name, "creating" if version == 0 else
                     f"schema version {version}, not {SCHEMA_VERSION}: rebuilding")
            _create(connection)
        return connection
    except sqlite3.DatabaseError as error:
        log.warning("cache %s unreadable (%s), rebuilding", path.name, error)
    if connection is not None:
        connection.close()
    _remove(path)
    connection = _connect(path)
    _create(connection)
    return connection
