"""Database rows to Mastodon's JSON entities, with the same keys, order and types
as the real responses in the shared fixtures (Mastodon 4.6).
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from tootui.demo.filter_rules import filter_results
from tootui.demo.formatting import BASE
from tootui.demo.ids import id_ms, iso_from_ms, now_ms

Json = dict[str, Any]

_QUOTE_APPROVAL: dict[str, Json] = {
    "public": {"automatic": ["public"], "manual": [], "current_user": "automatic"},
    "unlisted": {"automatic": ["public"], "manual": [], "current_user": "automatic"},
    "private": {"automatic": ["followers"], "manual": [], "current_user": "automatic"},
    "direct": {"automatic": [], "manual": [], "current_user": "denied"},
}


@dataclass(frozen=True)
class View:
    """Who is looking, and at which base URL: entities depend on both."""

    db: sqlite3.Connection
    base: str
    viewer_id: int | None = None
    # Which filter context applies (home, public, thread, notifications, account).
    context: str | None = None

    def fix(self, text: str) -> str:
        return text.replace(BASE, self.base)


def account(view: View, account_id: int) -> Json:
    row = view.db.execute("SELECT * FROM accounts WHERE id=?", (account_id,)).fetchone()
    return account_from_row(view, row)


def account_from_row(view: View, row: sqlite3.Row) -> Json:
    db, base = view.db, view.base
    aid = row["id"]
    local = row["domain"] is None
    acct = row["username"] if local else f"{row['username']}@{row['domain']}"
    url = (
        f"{base}/@{row['username']}"
        if local
        else (row["url"] or f"https://{row['domain']}/@{row['username']}")
    )
    uri = f"{base}/ap/users/{aid}" if local else url
    avatar = row["avatar"] or f"{base}/avatars/original/missing.png"
    counts = db.execute(
        "SELECT (SELECT COUNT(*) FROM follows WHERE target_id=:a),"
        " (SELECT COUNT(*) FROM follows WHERE account_id=:a),"
        " (SELECT COUNT(*) FROM statuses WHERE account_id=:a),"
        " (SELECT MAX(id) FROM statuses WHERE account_id=:a)",
        {"a": aid},
    ).fetchone()
    last = counts[3]
    data: Json = {
        "id": str(aid),
        "username": row["username"],
        "acct": acct,
        "display_name": row["display_name"],
        "locked": bool(row["locked"]),
        "bot": bool(row["bot"]),
        "discoverable": True,
        "indexable": True,
        "group": False,
        "created_at": iso_from_ms(row["created_ms"] - row["created_ms"] % 86_400_000),
        "note": view.fix(row["note"]),
        "url": url,
        "uri": uri,
        "avatar": avatar,
        "avatar_static": avatar,
        "avatar_description": "",
        "header": f"{base}/headers/original/missing.png",
        "header_static": f"{base}/headers/original/missing.png",
        "header_description": "",
        "followers_count": counts[0],
        "following_count": counts[1],
        "statuses_count": counts[2],
        "last_status_at": None if last is None else iso_from_ms(id_ms(last))[:10],
        "hide_collections": False,
        "show_media": True,
        "show_media_replies": True,
        "show_featured": True,
    }
    if local:
        data["noindex"] = False
        data["feature_approval"] = {"automatic": [], "manual": [], "current_user": "denied"}
    data["emojis"] = []
    if local:
        data["roles"] = []
    data["fields"] = []
    return data


def credential_account(view: View, account_id: int) -> Json:
    """`verify_credentials`: the account plus `source` and `role`."""
    data = account(view, account_id)
    row = view.db.execute("SELECT note FROM accounts WHERE id=?", (account_id,)).fetchone()
    paragraphs = re.findall(r"<p>(.*?)</p>", row["note"], re.DOTALL) or [row["note"]]
    note_source = "\n\n".join(
        html.unescape(re.sub(r"<[^>]+>", "", re.sub(r"<br\s*/?>", "\n", part)))
        for part in paragraphs
    )
    emojis, roles, fields = data.pop("emojis"), data.pop("roles"), data.pop("fields")
    data["source"] = {
        "privacy": "public",
        "sensitive": False,
        "language": None,
        "note": note_source,
        "fields": [],
        "follow_requests_count": 0,
        "hide_collections": False,
        "discoverable": True,
        "indexable": True,
        "attribution_domains": [],
        "quote_policy": "public",
    }
    data["emojis"], data["roles"], data["fields"] = emojis, roles, fields
    data["role"] = {
        "id": "-99",
        "name": "",
        "permissions": "65536",
        "color": "",
        "highlighted": False,
        "collection_limit": 10,
    }
    return data


def media(view: View, row: sqlite3.Row) -> Json:
    base = view.base
    if row["file"]:
        url: str | None = (
            f"{base}/system/media_attachments/files/{row['id']}/original/{row['file']}"
        )
        preview: str | None = (
            f"{base}/system/media_attachments/files/{row['id']}/small/{row['file']}"
            if row["type"] == "image"
            # Mastodon's preview of a video or sound is a still picture, not the file.
            else f"{base}/system/media_attachments/thumbnails/{row['id']}/small/still.png"
        )
    else:
        url = preview = row["remote_url"]
    return {
        "id": str(row["id"]),
        "type": row["type"],
        "url": url,
        "preview_url": preview,
        "remote_url": None if row["file"] else row["remote_url"],
        "preview_remote_url": None,
        "text_url": None,
        "meta": json.loads(row["meta"]) if row["meta"] else None,
        "description": row["description"],
        "blurhash": row["blurhash"],
    }


def _card(raw: str | None) -> Json | None:
    if not raw:
        return None
    given = json.loads(raw)
    card: Json = {
        "url": "",
        "title": "",
        "description": "",
        "language": None,
        "type": "link",
        "author_name": "",
        "author_url": "",
        "provider_name": "",
        "provider_url": "",
        "html": "",
        "width": 0,
        "height": 0,
        "image": None,
        "image_description": "",
        "embed_url": "",
        "blurhash": None,
        "published_at": None,
        "missing_attribution": False,
        "authors": [],
    }
    card.update({k: v for k, v in given.items() if k in card})
    return card


def is_hidden(data: Json) -> bool:
    """A status (or the one it boosts) caught by a `hide` filter leaves the timeline."""
    target = data.get("reblog") or data
    return any(r["filter"]["filter_action"] == "hide" for r in target.get("filtered", []))


def status(view: View, status_id: int) -> Json | None:
    row = view.db.execute("SELECT * FROM statuses WHERE id=?", (status_id,)).fetchone()
    return None if row is None else status_from_row(view, row)


def status_from_row(view: View, row: sqlite3.Row, *, streamed: bool = False) -> Json:
    """A status as the viewer sees it; a boost wraps its original in `reblog`."""
    db, base = view.db, view.base
    sid = row["id"]
    author = db.execute(
        "SELECT username, domain FROM accounts WHERE id=?", (row["account_id"],)
    ).fetchone()
    is_boost = row["reblog_of_id"] is not None
    if row["uri"]:
        uri, url = row["uri"], row["url"]
    elif is_boost:
        uri = f"{base}/ap/users/{row['account_id']}/statuses/{sid}/activity"
        url = f"{base}/users/{author['username']}/statuses/{sid}/activity"
    else:
        uri = f"{base}/ap/users/{row['account_id']}/statuses/{sid}"
        url = f"{base}/@{author['username']}/{sid}"
    counted = row["reblog_of_id"] is None
    counts = (
        db.execute(
            "SELECT (SELECT COUNT(*) FROM statuses WHERE in_reply_to_id=:s),"
            " (SELECT COUNT(*) FROM statuses WHERE reblog_of_id=:s),"
            " (SELECT COUNT(*) FROM favourites WHERE status_id=:s)",
            {"s": sid},
        ).fetchone()
        if counted
        else (0, 0, 0)
    )
    data: Json = {
        "id": str(sid),
        "created_at": iso_from_ms(id_ms(sid)),
        "in_reply_to_id": _sid(row["in_reply_to_id"]),
        "in_reply_to_account_id": _sid(row["in_reply_to_account_id"]),
        "sensitive": bool(row["sensitive"]),
        "spoiler_text": row["spoiler_text"],
        "visibility": row["visibility"],
        "language": row["language"],
        "uri": uri,
        "url": url,
        "replies_count": counts[0],
        "reblogs_count": counts[1],
        "favourites_count": counts[2],
        "quotes_count": 0,
        "edited_at": None if row["edited_ms"] is None else iso_from_ms(row["edited_ms"]),
    }
    viewer = _viewer_fields(view, row) if view.viewer_id is not None else {}
    if not streamed:
        data.update(viewer)
    data["content"] = view.fix(row["content"])
    filtered = (
        filter_results(view.db, view.viewer_id, view.context, row["content"], row["spoiler_text"])
        if view.viewer_id is not None and view.context is not None and not is_boost
        else []
    )
    if view.viewer_id is not None and not streamed:
        data["filtered"] = filtered
    data["reblog"] = status(view, row["reblog_of_id"]) if is_boost else None
    data["application"] = (
        {"name": row["app_name"], "website": row["app_website"]}
        if row["app_name"] and not is_boost
        else None
    )
    if author["domain"] is not None and not is_boost:
        del data["application"]
    data["account"] = account(view, row["account_id"])
    data["media_attachments"] = [
        media(view, m)
        for m in db.execute("SELECT * FROM media WHERE status_id=? ORDER BY position", (sid,))
    ]
    data["mentions"] = [
        {
            "id": str(m["id"]),
            "username": m["username"],
            "url": f"{base}/@{m['username']}" if m["domain"] is None else (m["url"] or ""),
            "acct": m["username"] if m["domain"] is None else f"{m['username']}@{m['domain']}",
        }
        for m in db.execute(
            "SELECT a.* FROM mentions m JOIN accounts a ON a.id=m.account_id WHERE m.status_id=?",
            (sid,),
        )
    ]
    data["tags"] = [
        {"name": t["name"], "url": f"{base}/tags/{t['name']}"}
        for t in db.execute("SELECT name FROM status_tags WHERE status_id=? ORDER BY rowid", (sid,))
    ]
    data["emojis"] = []
    data["tagged_collections"] = []
    data["quote"] = None
    data["card"] = _card(row["card"])
    data["poll"] = poll(view, row) if row["poll"] else None
    data["quote_approval"] = _QUOTE_APPROVAL.get(row["visibility"], _QUOTE_APPROVAL["public"])
    if streamed and view.viewer_id is not None:
        # Mastodon moves the viewer's own flags to the end of streamed statuses.
        data.update(viewer)
        data["filtered"] = filtered
    return data


def poll(view: View, row: sqlite3.Row) -> Json:
    """The stored poll with the votes cast here added, and the viewer's own votes."""
    data: Json = json.loads(row["poll"])
    votes = view.db.execute(
        "SELECT account_id, choice FROM poll_votes WHERE status_id=?", (row["id"],)
    ).fetchall()
    options = data.get("options") or []
    for vote in votes:
        if 0 <= vote["choice"] < len(options):
            options[vote["choice"]]["votes_count"] = (
                options[vote["choice"]]["votes_count"] or 0
            ) + 1
    data["votes_count"] = int(data.get("votes_count") or 0) + len(votes)
    voters = {vote["account_id"] for vote in votes}
    data["voters_count"] = int(data.get("voters_count") or 0) + len(voters)
    expires_at = data.get("expires_at")
    if isinstance(expires_at, str) and expires_at < iso_from_ms(now_ms()):
        data["expired"] = True
    if view.viewer_id is not None:
        own = [vote["choice"] for vote in votes if vote["account_id"] == view.viewer_id]
        data["voted"] = bool(own) or row["account_id"] == view.viewer_id
        data["own_votes"] = own
        emojis = data.pop("emojis", [])
        data["options"] = data.pop("options", options)
        data["emojis"] = emojis
    # The viewer keys go between voters_count and options, as Mastodon orders them.
    order = [
        "id",
        "expires_at",
        "expired",
        "multiple",
        "votes_count",
        "voters_count",
        "voted",
        "own_votes",
        "options",
        "emojis",
    ]
    return {key: data[key] for key in order if key in data} | {
        key: value for key, value in data.items() if key not in order
    }


def _viewer_fields(view: View, row: sqlite3.Row) -> Json:
    db, me, sid = view.db, view.viewer_id, row["id"]
    target = row["reblog_of_id"] or sid
    flags = db.execute(
        "SELECT EXISTS(SELECT 1 FROM favourites WHERE account_id=:me AND status_id=:t),"
        " EXISTS(SELECT 1 FROM statuses WHERE account_id=:me AND reblog_of_id=:t),"
        " EXISTS(SELECT 1 FROM bookmarks WHERE account_id=:me AND status_id=:t)",
        {"me": me, "t": target},
    ).fetchone()
    fields: Json = {
        "favourited": bool(flags[0]),
        "reblogged": bool(flags[1]),
        "muted": False,
        "bookmarked": bool(flags[2]),
    }
    if row["account_id"] == me and row["reblog_of_id"] is None and row["visibility"] != "direct":
        fields["pinned"] = bool(row["pinned"])
    return fields


def _sid(value: int | None) -> str | None:
    return None if value is None else str(value)


GROUPABLE = ("favourite", "reblog", "follow")
_HOUR_MS = 3_600_000


def group_key(row: sqlite3.Row) -> str:
    """Mastodon's key: favourites and boosts of one status, or follows, within the hour."""
    bucket = row["created_ms"] // _HOUR_MS
    if row["type"] in ("favourite", "reblog") and row["status_id"] is not None:
        return f"{row['type']}-{row['status_id']}-{bucket}"
    if row["type"] == "follow":
        return f"follow-{bucket}"
    return f"ungrouped-{row['id']}"


def notification(view: View, row: sqlite3.Row) -> Json:
    data: Json = {
        "id": str(row["id"]),
        "type": row["type"],
        "created_at": iso_from_ms(row["created_ms"]),
        "group_key": group_key(row),
        "account": account(view, row["from_account_id"]),
    }
    if row["status_id"] is not None:
        found = status(view, row["status_id"])
        if found is not None:
            data["status"] = found
    return data
