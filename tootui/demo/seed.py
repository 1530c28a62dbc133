"""Fills a fresh demo database from the package's sample timeline.

The sample (`data/sample.json`) holds an author table and nine posts, newest
first, each `minutes_ago` before the moment of seeding.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

from tootui.demo import posting
from tootui.demo.ids import now_ms, snowflake
from tootui.demo.posting import Changes, NewStatus

SEEDED_KEY = "seeded_sample"


def load_sample() -> dict[str, Any]:
    text = resources.files("tootui.demo").joinpath("data/sample.json").read_text("utf-8")
    return json.loads(text)


def copy_media(name: str, media_dir: Path) -> Path:
    """Copy a packaged image into the instance's media folder."""
    media_dir.mkdir(parents=True, exist_ok=True)
    target = media_dir / name
    source = resources.files("tootui.demo").joinpath(f"data/media/{name}")
    with resources.as_file(source) as path:
        shutil.copyfile(path, target)
    return target


def seed_sample(db: sqlite3.Connection, media_dir: Path, *, now: int | None = None) -> None:
    """Authors, follows and the nine sample posts, oldest inserted first."""
    sample = load_sample()
    moment = now_ms() if now is None else now
    ids: dict[str, int] = {}
    for author in sample["authors"]:
        ids[author["username"]] = posting.create_account(
            db,
            author["username"],
            display_name=author["display_name"],
            note=f"<p>{author['note']}</p>" if author["note"] else "",
            created_ms=moment - 400 * 86_400_000,
        )
    demo = ids[sample["demo_user"]]
    changes = Changes()
    for username in sample["follows"]:
        db.execute(
            "INSERT OR IGNORE INTO follows (account_id, target_id) VALUES (?, ?)",
            (demo, ids[username]),
        )
    status_ids: dict[str, int] = {}
    for entry in reversed(sample["statuses"]):
        created = moment - int(entry["minutes_ago"]) * 60_000
        author_id = ids[entry["author"]]
        media_ids = [
            _seed_media(db, author_id, item, media_dir, created) for item in entry.get("media", [])
        ]
        post = NewStatus(
            text=entry["text"],
            in_reply_to_id=status_ids.get(entry.get("in_reply_to", "")),
            visibility="public",
            language=entry.get("language", "zh"),
            media_ids=media_ids,
            card=entry.get("card"),
        )
        status_ids[entry["key"]] = posting.create_status(
            db, author_id, post, changes, created_ms=created
        )
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')", (SEEDED_KEY,))


def _seed_media(
    db: sqlite3.Connection, account_id: int, item: dict[str, Any], media_dir: Path, created: int
) -> int:
    media_id = snowflake(created)
    copy_media(item["file"], media_dir)
    width, height = int(item["width"]), int(item["height"])
    meta = {
        "original": {
            "width": width,
            "height": height,
            "size": f"{width}x{height}",
            "aspect": round(width / height, 6),
        },
        "small": {
            "width": width,
            "height": height,
            "size": f"{width}x{height}",
            "aspect": round(width / height, 6),
        },
    }
    db.execute(
        "INSERT INTO media (id, account_id, type, file, description, meta, blurhash)"
        " VALUES (?, ?, 'image', ?, ?, ?, ?)",
        (
            media_id,
            account_id,
            item["file"],
            item["description"],
            json.dumps(meta),
            item.get("blurhash"),
        ),
    )
    return media_id
