"""`--demo-seed FILE`: extra statuses from a JSON list in the Mastodon API's shape.

Each status is posted by its `account` (created when unknown; the demo user
follows it) and keeps its own content, media, tags and card. A file is loaded
once per database (remembered by its hash).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from tootui.demo import posting
from tootui.demo.formatting import format_text
from tootui.demo.ids import now_ms, snowflake
from tootui.demo.instance_state import DEMO_USERNAME
from tootui.demo.store import Store
from tootui.i18n import _


class SeedFileError(ValueError):
    """A seed file that can't be used; the message names the entry and field."""


def _need(entry: dict[str, Any], index: int, key: str, kind: type | tuple[type, ...]) -> Any:
    value = entry.get(key)
    if not isinstance(value, kind):
        raise SeedFileError(
            _("seed entry {index}: field {field!r} is missing or has the wrong type").format(
                index=index, field=key
            )
        )
    return value


def _parse_ms(value: Any, fallback: int) -> int:
    if not isinstance(value, str):
        return fallback
    try:
        return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() * 1000)
    except ValueError:
        return fallback


def validate(entries: Any) -> list[dict[str, Any]]:
    if not isinstance(entries, list):
        raise SeedFileError(_("seed file: expected a JSON list of statuses"))
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise SeedFileError(_("seed entry {index}: not a JSON object").format(index=index))
        if not isinstance(entry.get("content"), str) and isinstance(entry.get("text"), str):
            # A deleted status carries its plain `text` instead of `content`.
            entry["content"] = format_text(entry["text"], lambda name: False).html
        _need(entry, index, "content", str)
        account = _need(entry, index, "account", dict)
        username = account.get("username")
        if not isinstance(username, str) or not username:
            raise SeedFileError(
                _("seed entry {index}: field {field!r} is missing or has the wrong type").format(
                    index=index, field="account.username"
                )
            )
    return entries


def check_seed_file(path: Path) -> None:
    """Raise `SeedFileError` naming the entry and field if `path` can't be loaded."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SeedFileError(
            _("seed file {path}: cannot be read ({error})").format(path=path, error=exc.strerror)
        ) from exc
    try:
        validate(json.loads(raw))
    except json.JSONDecodeError as exc:
        raise SeedFileError(_("seed file: not valid JSON ({error})").format(error=exc.msg)) from exc


def load_seed_file(store: Store, path: Path) -> int:
    """Load `path` unless this database has it already; returns statuses added."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SeedFileError(
            _("seed file {path}: cannot be read ({error})").format(path=path, error=exc.strerror)
        ) from exc
    key = "seed_file:" + hashlib.sha256(raw).hexdigest()
    if store.get_meta(key) is not None:
        return 0
    try:
        entries = validate(json.loads(raw))
    except json.JSONDecodeError as exc:
        raise SeedFileError(_("seed file: not valid JSON ({error})").format(error=exc.msg)) from exc
    with store.tx() as db:
        demo = posting.local_account_id(db, DEMO_USERNAME)
        moment = now_ms()
        for index, entry in enumerate(entries):
            author = _account(db, entry["account"])
            if demo is not None and author != demo:
                db.execute(
                    "INSERT OR IGNORE INTO follows (account_id, target_id) VALUES (?, ?)",
                    (demo, author),
                )
            _insert(db, author, entry, _parse_ms(entry.get("created_at"), moment - index * 60_000))
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (key,))
    return len(entries)


def _account(db: sqlite3.Connection, data: dict[str, Any]) -> int:
    username = data["username"]
    acct = str(data.get("acct") or username)
    domain = acct.split("@", 1)[1] if "@" in acct else None
    if domain is None:
        url = str(data.get("url") or "")
        host = url.split("://", 1)[-1].split("/", 1)[0]
        domain = host or "remote.example"
    row = db.execute(
        "SELECT id FROM accounts WHERE username=? AND domain=?", (username, domain)
    ).fetchone()
    if row is not None:
        return int(row["id"])
    return posting.create_account(
        db,
        username,
        domain=domain,
        display_name=str(data.get("display_name") or ""),
        note=str(data.get("note") or ""),
        url=data.get("url"),
        avatar=data.get("avatar"),
        bot=bool(data.get("bot")),
    )


def _insert(db: sqlite3.Connection, author: int, entry: dict[str, Any], created: int) -> None:
    status_id = snowflake(created)
    card = entry.get("card") if isinstance(entry.get("card"), dict) else None
    poll = entry.get("poll") if isinstance(entry.get("poll"), dict) else None
    db.execute(
        "INSERT INTO statuses (id, account_id, text, content, visibility, sensitive, spoiler_text,"
        " language, card, poll, url, uri) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            status_id,
            author,
            "",
            entry["content"],
            entry.get("visibility")
            if entry.get("visibility") in ("public", "unlisted")
            else "public",
            int(bool(entry.get("sensitive"))),
            str(entry.get("spoiler_text") or ""),
            entry.get("language") if isinstance(entry.get("language"), str) else None,
            json.dumps(card, ensure_ascii=False) if card else None,
            json.dumps(poll, ensure_ascii=False) if poll else None,
            entry.get("url"),
            entry.get("uri"),
        ),
    )
    for position, item in enumerate(entry.get("media_attachments") or []):
        if not isinstance(item, dict):
            continue
        db.execute(
            "INSERT INTO media (id, account_id, status_id, type, remote_url, description, meta,"
            " blurhash, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                snowflake(created),
                author,
                status_id,
                str(item.get("type") or "unknown"),
                item.get("remote_url") or item.get("url"),
                item.get("description"),
                json.dumps(item["meta"]) if isinstance(item.get("meta"), dict) else None,
                item.get("blurhash"),
                position,
            ),
        )
    for tag in entry.get("tags") or []:
        if isinstance(tag, dict) and isinstance(tag.get("name"), str):
            posting.add_tag(db, status_id, tag["name"])
