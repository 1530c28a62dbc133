"""Which of the viewer's filters (v2) match a status, as `Status.filtered` lists them."""

from __future__ import annotations

import html
import json
import re
import sqlite3
from typing import Any

from tootui.demo.ids import iso_from_ms, now_ms

CONTEXTS = ("home", "notifications", "public", "thread", "account")


def filter_entity(
    db: sqlite3.Connection, row: sqlite3.Row, *, with_children: bool
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": str(row["id"]),
        "title": row["title"],
        "context": json.loads(row["context"]),
        "expires_at": None if row["expires_ms"] is None else iso_from_ms(row["expires_ms"]),
        "filter_action": row["action"],
    }
    if with_children:
        data["keywords"] = [
            keyword_entity(k)
            for k in db.execute(
                "SELECT * FROM filter_keywords WHERE filter_id=? ORDER BY id", (row["id"],)
            )
        ]
        data["statuses"] = []
    return data


def keyword_entity(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": str(row["id"]), "keyword": row["keyword"], "whole_word": bool(row["whole_word"])}


def plain_text(content: str, spoiler: str) -> str:
    text = re.sub(r"<br\s*/?>|</p>", "\n", content)
    return html.unescape(re.sub(r"<[^>]+>", "", text)) + "\n" + spoiler


def _matches(keyword: str, whole_word: bool, text: str) -> bool:
    if whole_word:
        return re.search(rf"(?<!\w){re.escape(keyword)}(?!\w)", text, re.IGNORECASE) is not None
    return keyword.casefold() in text.casefold()


def filter_results(
    db: sqlite3.Connection, viewer: int, context: str, content: str, spoiler: str
) -> list[dict[str, Any]]:
    """FilterResult objects for the viewer's live filters in `context`."""
    results = []
    text: str | None = None
    for row in db.execute(
        "SELECT * FROM filters WHERE account_id=? AND (expires_ms IS NULL OR expires_ms > ?)"
        " ORDER BY id",
        (viewer, now_ms()),
    ).fetchall():
        if context not in json.loads(row["context"]):
            continue
        if text is None:
            text = plain_text(content, spoiler)
        matched = [
            k["keyword"]
            for k in db.execute("SELECT * FROM filter_keywords WHERE filter_id=?", (row["id"],))
            if _matches(k["keyword"], bool(k["whole_word"]), text)
        ]
        if matched:
            results.append(
                {
                    "filter": filter_entity(db, row, with_children=False),
                    "keyword_matches": matched,
                    "status_matches": [],
                }
            )
    return results
