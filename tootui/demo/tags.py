"""Hashtags: the Tag entity with its week of history, and following tags."""

from __future__ import annotations

import sqlite3
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tootui.demo.ids import now_ms
from tootui.demo.web import (
    current_account,
    cursor,
    fetch_page,
    json_response,
    link_header,
    not_found,
    params,
    state,
)

_DAY_MS = 86_400_000


def tag_entity(db: sqlite3.Connection, base: str, name: str, viewer: int | None) -> dict[str, Any]:
    """Tag with `history`: uses and accounts per day for the last seven days, as strings."""
    name = name.lower()
    row = db.execute("SELECT id FROM tags WHERE name=?", (name,)).fetchone()
    today = now_ms() // _DAY_MS * _DAY_MS
    history = []
    for back in range(7):
        start = today - back * _DAY_MS
        uses, accounts = db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT s.account_id) FROM status_tags t"
            " JOIN statuses s ON s.id = t.status_id WHERE t.name=? AND s.id >= ? AND s.id < ?",
            (name, start << 16, (start + _DAY_MS) << 16),
        ).fetchone()
        history.append({"day": str(start // 1000), "accounts": str(accounts), "uses": str(uses)})
    following = bool(
        viewer is not None
        and row is not None
        and db.execute(
            "SELECT 1 FROM followed_tags WHERE account_id=? AND tag_id=?", (viewer, row["id"])
        ).fetchone()
    )
    data: dict[str, Any] = {
        "id": str(row["id"]) if row is not None else "0",
        "name": name,
        "url": f"{base}/tags/{name}",
        "history": history,
    }
    if viewer is not None:
        data["following"] = following
        data["featuring"] = False
    return data


def _tag_id(db: sqlite3.Connection, name: str) -> int:
    db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", (name.lower(),))
    return int(db.execute("SELECT id FROM tags WHERE name=?", (name.lower(),)).fetchone()[0])


async def get_tag(request: Request) -> Response:
    viewer = current_account(request, required=False)
    st = state(request)
    name = request.path_params["name"]
    with st.store.tx() as db:
        if db.execute("SELECT 1 FROM tags WHERE name=?", (name.lower(),)).fetchone() is None:
            raise not_found()
        return json_response(tag_entity(db, st.base_url, name, viewer))


def _following(follow: bool) -> Any:
    async def endpoint(request: Request) -> Response:
        me = current_account(request)
        st = state(request)
        name = request.path_params["name"]
        with st.store.tx() as db:
            tag_id = _tag_id(db, name)
            if follow:
                db.execute(
                    "INSERT OR IGNORE INTO followed_tags (account_id, tag_id) VALUES (?, ?)",
                    (me, tag_id),
                )
            else:
                db.execute(
                    "DELETE FROM followed_tags WHERE account_id=? AND tag_id=?", (me, tag_id)
                )
            return json_response(tag_entity(db, st.base_url, name, me))

    return endpoint


async def followed_tags(request: Request) -> Response:
    me = current_account(request)
    p = await params(request)
    c = cursor(p, 100, 200)
    st = state(request)
    with st.store.tx() as db:
        rows = fetch_page(
            db,
            "f.account_id = :me",
            {"me": me},
            c,
            "f.id",
            "f.id AS fid, t.name FROM followed_tags f JOIN tags t ON t.id = f.tag_id",
        )
        body = [tag_entity(db, st.base_url, r["name"], me) for r in rows]
    ids = [r["fid"] for r in rows]
    return json_response(body, headers=link_header(request, ids, prev="since_id", full=c.limit))


routes = [
    Route("/api/v1/followed_tags", followed_tags, methods=["GET"]),
    Route("/api/v1/tags/{name}", get_tag, methods=["GET"]),
    Route("/api/v1/tags/{name}/follow", _following(True), methods=["POST"]),
    Route("/api/v1/tags/{name}/unfollow", _following(False), methods=["POST"]),
]
