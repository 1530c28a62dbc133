"""Reading what the demo server stored, to check what it really received."""

from __future__ import annotations

import sqlite3
from typing import Any

from tootui.demo.server import DemoServer


def server_rows(server: DemoServer, sql: str, *args: Any) -> list[sqlite3.Row]:
    """What the server stored, read straight from its database."""
    db = sqlite3.connect(server.db_path)
    db.row_factory = sqlite3.Row
    try:
        return db.execute(sql, args).fetchall()
    finally:
        db.close()
